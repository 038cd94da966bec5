package chat.server.state;

import chat.protocol.CaseMapping;

/**
 * The most recent messages relayed, by msgid: who sent each and where, so that REDACT can be checked even
 * without a history store. Bounded to {@link #REMEMBERED}; thread-safe on its own (no registry lock).
 *
 * <p>#17: a ring of plain arrays, filled in the order messages are sent. Remembering a message allocates
 * nothing and keeps only its msgid alive: a map entry and a conversation key per message kept tens of thousands
 * of young objects alive through every young collection, which at full rate cost more than relaying the
 * messages. Finding a msgid scans the ring, newest first; REDACT is rare, a message is not.
 */
public final class SentMessages {

    /** Messages remembered, newest kept. */
    public static final int REMEMBERED = 10_000;

    /**
     * A remembered message.
     *
     * @param sender    the user who sent it
     * @param channel   the channel it was sent to, as named by its sender; null for a private message
     * @param recipient the user a private message was sent to; null for a channel message
     */
    public record Sent(User sender, String channel, User recipient) {

        /** Whether it was sent to {@code name}, compared under {@code mapping}. */
        public boolean inChannel(String name, CaseMapping mapping) {
            return channel != null && mapping.fold(channel).equals(mapping.fold(name));
        }

        /** Whether it was a private message between {@code one} and {@code other}, either way. */
        public boolean between(User one, User other) {
            return recipient != null
                    && (sender == one && recipient == other || sender == other && recipient == one);
        }
    }

    // guarded by this; slot i holds a msgid with its sender and its channel (a String) or recipient (a User)
    private final String[] msgids = new String[REMEMBERED];
    private final User[] senders = new User[REMEMBERED];
    private final Object[] targets = new Object[REMEMBERED];
    private int next;

    /** A message sent to a channel. */
    public void rememberInChannel(String msgid, User sender, String channel) {
        remember(msgid, sender, channel);
    }

    /** A private message. */
    public void rememberPrivate(String msgid, User sender, User recipient) {
        remember(msgid, sender, recipient);
    }

    private synchronized void remember(String msgid, User sender, Object target) {
        msgids[next] = msgid;
        senders[next] = sender;
        targets[next] = target;
        next = next + 1 == REMEMBERED ? 0 : next + 1;
    }

    /** The message with this msgid, or null when it is not (or no longer) remembered. */
    public synchronized Sent find(String msgid) {
        int slot = slotOf(msgid);
        if (slot < 0) return null;
        Object target = targets[slot];
        return target instanceof User user
                ? new Sent(senders[slot], null, user)
                : new Sent(senders[slot], (String) target, null);
    }

    public synchronized void forget(String msgid) {
        int slot = slotOf(msgid);
        if (slot < 0) return;
        msgids[slot] = null;
        senders[slot] = null;
        targets[slot] = null;
    }

    private int slotOf(String msgid) {
        for (int i = 1; i <= REMEMBERED; i++) {
            int slot = Math.floorMod(next - i, REMEMBERED);
            String id = msgids[slot];
            if (id == null) continue;
            if (id.equals(msgid)) return slot;
        }
        return -1;
    }
}
