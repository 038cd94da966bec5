package chat.server.state;

import chat.server.change.ModeChange;
import chat.protocol.CaseMapping;
import chat.server.change.Change;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Channel moderation on the registry's state: modes and mask lists, INVITE and KICK. It shares the
 * registry's one lock and maps (same lock order, same rules: short I/O-free steps, immutable results).
 */
public final class ChannelModeration {

    private final Registry registry;
    private final ReentrantLock lock;
    private final CaseMapping caseMapping;
    private final Clock clock;
    // guarded by lock (the registry's)
    private final Map<String, Channel> channels;

    ChannelModeration(Registry registry) {
        this.registry = registry;
        this.lock = registry.lock;
        this.caseMapping = registry.caseMapping();
        this.clock = registry.clock;
        this.channels = registry.channels;
    }

    /**
     * @param outcome          OK, or NO_SUCH_CHANNEL
     * @param channel          the channel's name as created
     * @param modes            the mode letters set, e.g. {@code +ntkl}
     * @param params           their parameters in order (the key shows as {@code *} to non-members)
     * @param createdAtSeconds when the channel was created, in Unix seconds
     */
    public record ModeView(Registry.ChannelOutcome outcome, String channel, String modes, List<String> params,
                           long createdAtSeconds) {
    }

    /** A channel's modes, as MODE without changes shows them. */
    public ModeView channelModes(User viewer, String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ModeView(Registry.ChannelOutcome.NO_SUCH_CHANNEL, name, "", List.of(), 0);
            ChannelModes modes = channel.modes();
            StringBuilder letters = new StringBuilder("+").append(modes.flags());
            List<String> params = new ArrayList<>(2);
            if (modes.key != null) {
                letters.append('k');
                params.add(channel.has(viewer) ? modes.key : "*");
            }
            if (modes.limit > 0) {
                letters.append('l');
                params.add(Integer.toString(modes.limit));
            }
            return new ModeView(Registry.ChannelOutcome.OK, channel.name(), letters.toString(), List.copyOf(params),
                    channel.createdAtSeconds());
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param outcome OK, NO_SUCH_CHANNEL, or NOT_OPERATOR (the +e and +I lists are for operators)
     * @param channel the channel's name as created
     * @param entries the list's entries, oldest first
     */
    public record MaskListView(Registry.ChannelOutcome outcome, String channel, List<MaskEntry> entries) {
    }

    /**
     * A channel's +b, +e, +I or +q list. As in Solanum, anyone may see +b and +q (non-members of a secret
     * channel see them empty) and only operators +e and +I.
     */
    public MaskListView maskList(User viewer, String name, char letter) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new MaskListView(Registry.ChannelOutcome.NO_SUCH_CHANNEL, name, List.of());
            String prefixModes = channel.modesOf(viewer);
            boolean op = prefixModes != null && prefixModes.indexOf('@') >= 0;
            if ((letter == 'e' || letter == 'I') && !op) {
                return new MaskListView(Registry.ChannelOutcome.NOT_OPERATOR, channel.name(), List.of());
            }
            if (prefixModes == null && channel.modes().secret) {
                return new MaskListView(Registry.ChannelOutcome.OK, channel.name(), List.of());
            }
            return new MaskListView(Registry.ChannelOutcome.OK, channel.name(), List.copyOf(channel.modes().list(letter)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param outcome  OK, NO_SUCH_CHANNEL, or NOT_OPERATOR (then nothing was applied)
     * @param channel  the channel's name as created
     * @param applied  the changes made, in order, with their parameters as they now stand
     * @param refusals the changes refused one by one
     * @param members  who must see the applied changes
     */
    public record ModeResult(Registry.ChannelOutcome outcome, String channel, List<ModeChange> applied,
                             List<ModeRefusal> refusals, User[] members) {
    }

    /** Applies channel mode changes; only channel operators may. Changes that change nothing are dropped. */
    public ModeResult changeModes(User setter, String name, List<ModeChange> changes) {
        return changeModes(setter, name, changes, null);
    }

    /** As {@link #changeModes(User, String, List)}; {@code echo} takes one member's MODE lines (or null). */
    public ModeResult changeModes(User setter, String name, List<ModeChange> changes, Echo echo) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) {
                return new ModeResult(Registry.ChannelOutcome.NO_SUCH_CHANNEL, name, List.of(), List.of(), Registry.NO_USERS);
            }
            String prefixModes = channel.modesOf(setter);
            if (prefixModes == null || prefixModes.indexOf('@') < 0) {
                return new ModeResult(Registry.ChannelOutcome.NOT_OPERATOR, channel.name(), List.of(), List.of(), Registry.NO_USERS);
            }
            ChannelModeEditor.Outcome outcome = new ChannelModeEditor(channel, caseMapping, registry::registeredNick,
                    setter.identity().prefix(), clock.millis() / 1000).apply(changes);
            User[] members = channel.memberArray();
            if (!outcome.applied().isEmpty()) {
                registry.announcements.add(new Announcement(
                        new Change.ChannelModesChanged(setter.identity(), channel.name(), outcome.applied()), setter, members));
            }
            return new ModeResult(Registry.ChannelOutcome.OK, channel.name(), outcome.applied(), outcome.refusals(),
                    members);
        } finally {
            registry.announcements.unlockAndPublish(echo);
        }
    }

    /**
     * Applies mode changes no channel operator made: the server's own, such as the {@code +o} a built-in bot gets
     * in the channels it joins (#14). Announced with {@code actor} as their source.
     */
    public ModeResult serverModes(User actor, String name, List<ModeChange> changes) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) {
                return new ModeResult(Registry.ChannelOutcome.NO_SUCH_CHANNEL, name, List.of(), List.of(), Registry.NO_USERS);
            }
            ChannelModeEditor.Outcome outcome = new ChannelModeEditor(channel, caseMapping, registry::registeredNick,
                    actor.identity().prefix(), clock.millis() / 1000).apply(changes);
            User[] members = channel.memberArray();
            if (!outcome.applied().isEmpty()) {
                registry.announcements.add(new Announcement(
                        new Change.ChannelModesChanged(actor.identity(), channel.name(), outcome.applied()), actor, members));
            }
            return new ModeResult(Registry.ChannelOutcome.OK, channel.name(), outcome.applied(), outcome.refusals(),
                    members);
        } finally {
            registry.announcements.unlockAndPublish(null);
        }
    }

    /**
     * @param outcome OK, or NO_SUCH_NICK, NO_SUCH_CHANNEL, NOT_ON_CHANNEL, NOT_OPERATOR, USER_ON_CHANNEL
     * @param channel the channel's name as created (as requested when there is none)
     * @param target  the invited session, or null when there is none
     */
    public record InviteResult(Registry.ChannelOutcome outcome, String channel, User target) {
    }

    /**
     * Invites {@code nick} to a channel the inviter is on (on a +i channel only operators may); the channel
     * remembers the invitation until the invitee joins or it is pushed out by {@link ChannelLimits#MAX_INVITES}.
     */
    public InviteResult invite(User inviter, String nick, String name) {
        lock.lock();
        try {
            User target = registry.registeredNick(nick);
            if (target == null) return new InviteResult(Registry.ChannelOutcome.NO_SUCH_NICK, name, null);
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new InviteResult(Registry.ChannelOutcome.NO_SUCH_CHANNEL, name, target);
            String prefixModes = channel.modesOf(inviter);
            if (prefixModes == null) return new InviteResult(Registry.ChannelOutcome.NOT_ON_CHANNEL, channel.name(), target);
            if (channel.modes().inviteOnly && prefixModes.indexOf('@') < 0) {
                return new InviteResult(Registry.ChannelOutcome.NOT_OPERATOR, channel.name(), target);
            }
            if (channel.has(target)) return new InviteResult(Registry.ChannelOutcome.USER_ON_CHANNEL, channel.name(), target);
            channel.invite(target);
            // invite-notify goes to the members only when the inviter may speak there.
            User[] members = ChannelAccess.speakRefusal(channel, inviter, caseMapping) == Registry.ChannelOutcome.OK
                    ? channel.memberArray() : Registry.NO_USERS;
            User[] audience = new User[members.length + 1];
            audience[0] = target;
            System.arraycopy(members, 0, audience, 1, members.length);
            registry.announcements.add(new Announcement(new Change.Invited(inviter.identity(), target.nick(), channel.name()),
                    inviter, audience));
            return new InviteResult(Registry.ChannelOutcome.OK, channel.name(), target);
        } finally {
            registry.announcements.unlockAndPublish(null);
        }
    }

    /**
     * @param outcome OK, or NO_SUCH_CHANNEL, NOT_ON_CHANNEL, NOT_OPERATOR, NO_SUCH_NICK, USER_NOT_ON_CHANNEL
     * @param channel the channel's name as created (as requested when there is none)
     * @param target  the kicked nick as registered (as requested when there is none)
     * @param members who must see the KICK: the members before it, the kicked one included
     */
    public record KickResult(Registry.ChannelOutcome outcome, String channel, String target, User[] members) {
    }

    /** Removes {@code nick} from a channel; only its operators may. */
    public KickResult kick(User kicker, String name, String nick) {
        return kick(kicker, name, nick, null, null);
    }

    /** As {@link #kick(User, String, String)}, with a reason; {@code echo} takes one member's copy (or null). */
    public KickResult kick(User kicker, String name, String nick, String reason, Echo echo) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new KickResult(Registry.ChannelOutcome.NO_SUCH_CHANNEL, name, nick, Registry.NO_USERS);
            String prefixModes = channel.modesOf(kicker);
            if (prefixModes == null) return new KickResult(Registry.ChannelOutcome.NOT_ON_CHANNEL, channel.name(), nick, Registry.NO_USERS);
            if (prefixModes.indexOf('@') < 0) {
                return new KickResult(Registry.ChannelOutcome.NOT_OPERATOR, channel.name(), nick, Registry.NO_USERS);
            }
            User target = registry.registeredNick(nick);
            if (target == null) return new KickResult(Registry.ChannelOutcome.NO_SUCH_NICK, channel.name(), nick, Registry.NO_USERS);
            if (!channel.has(target)) {
                return new KickResult(Registry.ChannelOutcome.USER_NOT_ON_CHANNEL, channel.name(), target.nick(), Registry.NO_USERS);
            }
            User[] audience = channel.memberArray();
            channel.remove(target);
            target.channels.remove(channel);
            if (channel.isEmpty()) channels.remove(caseMapping.fold(channel.name()));
            registry.announcements.add(new Announcement(
                    new Change.Kicked(kicker.identity(), channel.name(), target.nick(), reason), kicker, audience));
            return new KickResult(Registry.ChannelOutcome.OK, channel.name(), target.nick(), audience);
        } finally {
            registry.announcements.unlockAndPublish(echo);
        }
    }
}
