package chat.server.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent messages relayed, by msgid: who sent each and where, so that REDACT can be checked even
 * without a history store. Bounded to {@link #REMEMBERED}; thread-safe on its own (no registry lock).
 */
public final class SentMessages {

    /** Messages remembered, newest kept. */
    public static final int REMEMBERED = 10_000;

    /**
     * @param conversation the history key of the conversation (a folded channel, or a private pair)
     * @param sender       the session that sent it
     */
    public record Sent(String conversation, User sender) {
    }

    // guarded by itself
    private final Map<String, Sent> byMsgid = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
            return size() > REMEMBERED;
        }
    };

    public void remember(String msgid, String conversation, User sender) {
        synchronized (byMsgid) {
            byMsgid.put(msgid, new Sent(conversation, sender));
        }
    }

    /** The message with this msgid, or null when it is not (or no longer) remembered. */
    public Sent find(String msgid) {
        synchronized (byMsgid) {
            return byMsgid.get(msgid);
        }
    }

    public void forget(String msgid) {
        synchronized (byMsgid) {
            byMsgid.remove(msgid);
        }
    }
}
