package chat.server.state;

import chat.server.change.Identity;
import chat.server.change.ModeChange;
import chat.protocol.CaseMapping;
import chat.protocol.HostMask;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Applies a MODE command's changes to one channel: flags, key, limit, mask lists and member prefixes.
 * Changes that would change nothing are dropped; those that cannot apply are refused one by one. Works on
 * state guarded by the registry lock: the caller holds it and has checked that the setter is an operator.
 */
final class ChannelModeEditor {

    /**
     * @param applied   the changes made, in order, with their parameters as they now stand (a target's
     *                  nick as registered, a normalised mask, {@code *} for a removed key)
     * @param refusals  the changes refused and why
     */
    record Outcome(List<ModeChange> applied, List<ModeRefusal> refusals) {
    }

    private final Channel channel;
    private final CaseMapping mapping;
    private final Function<String, User> users;
    private final String setBy;
    private final long nowSeconds;
    private final List<ModeChange> applied = new ArrayList<>();
    private final List<ModeRefusal> refusals = new ArrayList<>();

    /**
     * @param users      the registered session of a nick, or null
     * @param setBy      who sets list entries ({@code nick!user@host})
     * @param nowSeconds the time list entries are set at
     */
    ChannelModeEditor(Channel channel, CaseMapping mapping, Function<String, User> users, String setBy,
                      long nowSeconds) {
        this.channel = channel;
        this.mapping = mapping;
        this.users = users;
        this.setBy = setBy;
        this.nowSeconds = nowSeconds;
    }

    Outcome apply(List<ModeChange> changes) {
        for (ModeChange change : changes) {
            switch (change.mode()) {
                case 'o', 'v' -> prefix(change);
                case 'b', 'e', 'I', 'q' -> mask(change);
                case 'k' -> key(change);
                case 'l' -> limit(change);
                case 'i', 'm', 'n', 's', 't' -> flag(change);
                default -> { } // the parser lets only known letters through
            }
        }
        return new Outcome(List.copyOf(applied), List.copyOf(refusals));
    }

    private void prefix(ModeChange change) {
        User target = users.apply(change.param());
        if (target == null) {
            refusals.add(new ModeRefusal(ModeRefusal.Reason.NO_SUCH_NICK, change.mode(), change.param()));
            return;
        }
        String old = channel.modesOf(target);
        if (old == null) {
            refusals.add(new ModeRefusal(ModeRefusal.Reason.NOT_ON_CHANNEL, change.mode(), target.nick()));
            return;
        }
        boolean op = change.mode() == 'o' ? change.add() : old.indexOf('@') >= 0;
        boolean voice = change.mode() == 'v' ? change.add() : old.indexOf('+') >= 0;
        // Highest rank first, so that NAMES can show the first symbol (or all of them, for multi-prefix).
        String now = (op ? "@" : "") + (voice ? "+" : "");
        if (now.equals(old)) return;
        channel.setModesOf(target, now);
        applied.add(new ModeChange(change.add(), change.mode(), target.nick()));
    }

    private void mask(ModeChange change) {
        String raw = change.param();
        if (raw.isEmpty() || raw.indexOf(' ') >= 0 || raw.indexOf(',') >= 0 || raw.length() > ChannelLimits.MASKLEN) {
            refusals.add(new ModeRefusal(ModeRefusal.Reason.INVALID_PARAM, change.mode(), raw));
            return;
        }
        String mask = change.mode() == 'b' || change.mode() == 'e' ? Extbans.normalise(raw) : HostMask.normalise(raw);
        List<MaskEntry> list = channel.modes().list(change.mode());
        MaskEntry existing = null;
        for (MaskEntry entry : list) {
            if (mapping.equal(entry.mask(), mask)) {
                existing = entry;
                break;
            }
        }
        if (change.add()) {
            if (existing != null) return;
            if (channel.modes().listEntries() >= ChannelLimits.MAX_LIST_ENTRIES) {
                refusals.add(new ModeRefusal(ModeRefusal.Reason.LIST_FULL, change.mode(), mask));
                return;
            }
            list.add(new MaskEntry(mask, setBy, nowSeconds));
            applied.add(new ModeChange(true, change.mode(), mask));
        } else {
            if (existing == null) return;
            for (Iterator<MaskEntry> it = list.iterator(); it.hasNext(); ) {
                if (it.next() == existing) it.remove();
            }
            applied.add(new ModeChange(false, change.mode(), existing.mask()));
        }
    }

    private void key(ModeChange change) {
        ChannelModes modes = channel.modes();
        if (!change.add()) {
            if (modes.key == null) return;
            modes.key = null;
            applied.add(new ModeChange(false, 'k', "*"));
            return;
        }
        String key = change.param();
        if (!validKey(key)) {
            refusals.add(new ModeRefusal(ModeRefusal.Reason.INVALID_PARAM, 'k', key));
            return;
        }
        if (key.equals(modes.key)) return;
        modes.key = key;
        applied.add(new ModeChange(true, 'k', key));
    }

    private void limit(ModeChange change) {
        ChannelModes modes = channel.modes();
        if (!change.add()) {
            if (modes.limit == 0) return;
            modes.limit = 0;
            applied.add(new ModeChange(false, 'l', null));
            return;
        }
        int limit;
        try {
            limit = Integer.parseInt(change.param());
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit <= 0) {
            refusals.add(new ModeRefusal(ModeRefusal.Reason.INVALID_PARAM, 'l', change.param()));
            return;
        }
        if (limit == modes.limit) return;
        modes.limit = limit;
        applied.add(new ModeChange(true, 'l', Integer.toString(limit)));
    }

    private void flag(ModeChange change) {
        ChannelModes modes = channel.modes();
        boolean on = change.add();
        boolean was = switch (change.mode()) {
            case 'i' -> modes.inviteOnly;
            case 'm' -> modes.moderated;
            case 'n' -> modes.noExternal;
            case 's' -> modes.secret;
            default -> modes.topicLocked;
        };
        if (was == on) return;
        switch (change.mode()) {
            case 'i' -> modes.inviteOnly = on;
            case 'm' -> modes.moderated = on;
            case 'n' -> modes.noExternal = on;
            case 's' -> modes.secret = on;
            default -> modes.topicLocked = on;
        }
        applied.add(new ModeChange(on, change.mode(), null));
    }

    /** A key is one word without commas, at most {@link ChannelLimits#KEYLEN} characters. */
    static boolean validKey(String key) {
        if (key == null || key.isEmpty() || key.length() > ChannelLimits.KEYLEN || key.charAt(0) == ':') return false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c == ',') return false;
        }
        return true;
    }
}
