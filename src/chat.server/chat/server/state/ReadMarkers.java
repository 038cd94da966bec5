package chat.server.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * draft/read-marker positions held in memory: per account, a write-through cache of the store (or the only copy
 * when there is no store); per session for a client not logged in, forgotten with it. Keys are case-folded.
 * Thread-safe on its own (no registry lock); the store is read and written by the caller, outside any lock.
 */
public final class ReadMarkers {

    // account NUL target -> epoch millis
    private final Map<String, Long> byAccount = new ConcurrentHashMap<>();
    // guarded by itself; weak keys: a gone session's markers go with it
    private final Map<User, Map<String, Long>> bySession = Collections.synchronizedMap(new WeakHashMap<>());

    /** The account's cached read time of a target, or null when not cached. */
    public Long ofAccount(String account, String target) {
        return byAccount.get(account + '\0' + target);
    }

    /** Raises the account's cached read time; returns the time now held (the later of the two). */
    public long raiseForAccount(String account, String target, long timeMillis) {
        return byAccount.merge(account + '\0' + target, timeMillis, Math::max);
    }

    /** The session's read time of a target, or null when it has none. */
    public Long ofSession(User session, String target) {
        synchronized (bySession) {
            Map<String, Long> markers = bySession.get(session);
            return markers == null ? null : markers.get(target);
        }
    }

    /** Raises the session's read time; returns the time now held. */
    public long raiseForSession(User session, String target, long timeMillis) {
        synchronized (bySession) {
            return bySession.computeIfAbsent(session, s -> new HashMap<>()).merge(target, timeMillis, Math::max);
        }
    }
}
