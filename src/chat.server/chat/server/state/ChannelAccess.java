package chat.server.state;

import chat.protocol.CaseMapping;
import chat.protocol.HostMask;
import java.util.List;

/**
 * Who may join a channel and who may speak in it, from its modes and mask lists. Static decisions over
 * state guarded by the registry lock: the caller holds it.
 */
final class ChannelAccess {

    private ChannelAccess() {
    }

    /**
     * Why {@code s} may not join {@code channel}, or {@link Registry.JoinOutcome#JOINED} when it may. The order
     * of the checks is Solanum's: ban, invite-only, key, limit. An invitation passes +i only.
     */
    static Registry.JoinOutcome joinRefusal(Channel channel, User s, String key, CaseMapping mapping) {
        ChannelModes modes = channel.modes();
        String prefix = s.identity().prefix();
        if (isBanned(modes, prefix, mapping)) return Registry.JoinOutcome.BANNED;
        if (modes.inviteOnly && !channel.isInvited(s) && !matchesAny(modes.inviteExceptions, prefix, mapping)) {
            return Registry.JoinOutcome.INVITE_ONLY;
        }
        if (modes.key != null && !modes.key.equals(key)) return Registry.JoinOutcome.BAD_KEY;
        if (modes.limit > 0 && channel.size() >= modes.limit) return Registry.JoinOutcome.FULL;
        return Registry.JoinOutcome.JOINED;
    }

    /**
     * Why {@code s} may not send to {@code channel}, or {@link Registry.ChannelOutcome#OK}. Operators may always
     * speak; voiced users despite +m and quiets (not bans); an exception (+e) lifts bans and quiets, as in Solanum,
     * and a mute exception ({@code +e m:mask}) lifts quiets and mutes only.
     */
    static Registry.ChannelOutcome speakRefusal(Channel channel, User s, CaseMapping mapping) {
        ChannelModes modes = channel.modes();
        String prefixModes = channel.modesOf(s);
        if (prefixModes == null && modes.noExternal) return Registry.ChannelOutcome.NOT_ON_CHANNEL;
        if (prefixModes != null && prefixModes.indexOf('@') >= 0) return Registry.ChannelOutcome.OK;
        boolean voiced = prefixModes != null && prefixModes.indexOf('+') >= 0;
        if (modes.bans.isEmpty() && modes.quiets.isEmpty()) {
            return modes.moderated && !voiced ? Registry.ChannelOutcome.MODERATED : Registry.ChannelOutcome.OK;
        }
        String prefix = s.identity().prefix();
        boolean excepted = matchesAny(modes.exceptions, prefix, mapping);
        if (!excepted && matchesAny(modes.bans, prefix, mapping)) return Registry.ChannelOutcome.BANNED;
        if (voiced) return Registry.ChannelOutcome.OK;
        boolean unmuted = excepted || matchesMute(modes.exceptions, prefix, mapping);
        if (!unmuted && (matchesAny(modes.quiets, prefix, mapping) || matchesMute(modes.bans, prefix, mapping))) {
            return Registry.ChannelOutcome.QUIETED;
        }
        return modes.moderated ? Registry.ChannelOutcome.MODERATED : Registry.ChannelOutcome.OK;
    }

    /** Whether a ban matches {@code prefix} and no exception does. */
    static boolean isBanned(ChannelModes modes, String prefix, CaseMapping mapping) {
        return matchesAny(modes.bans, prefix, mapping) && !matchesAny(modes.exceptions, prefix, mapping);
    }

    static boolean matchesAny(List<MaskEntry> masks, String prefix, CaseMapping mapping) {
        if (masks.isEmpty()) return false;
        String folded = mapping.fold(prefix);
        for (MaskEntry entry : masks) {
            if (!Extbans.isMute(entry.mask()) && HostMask.glob(mapping.fold(entry.mask()), folded)) return true;
        }
        return false;
    }

    /** Whether a mute extban ({@code +b m:mask}, or {@code +e m:mask}) in {@code bans} matches {@code prefix}. */
    static boolean matchesMute(List<MaskEntry> bans, String prefix, CaseMapping mapping) {
        String folded = mapping.fold(prefix);
        for (MaskEntry entry : bans) {
            if (Extbans.isMute(entry.mask()) && HostMask.glob(mapping.fold(Extbans.muteMask(entry.mask())), folded)) {
                return true;
            }
        }
        return false;
    }
}
