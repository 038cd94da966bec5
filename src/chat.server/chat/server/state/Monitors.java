package chat.server.state;

import chat.protocol.CaseMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * IRCv3 MONITOR lists: which sessions watch which nicknames. It has its own lock, never taken together with the
 * registry's: a handler changes the registry first, then asks here whom to notify, and MONITOR + adds a nick
 * here first, then reads the registry, so a nick that comes online meanwhile is reported at least once.
 */
public final class Monitors {

    /** Nicknames one client may monitor (ISUPPORT MONITOR). */
    public static final int MAX_TARGETS = 100;

    private final ReentrantLock lock = new ReentrantLock();
    private final CaseMapping caseMapping;
    // guarded by lock: folded nick -> sessions watching it
    private final Map<String, Set<User>> watchers = new HashMap<>();
    // guarded by lock: session -> folded nick -> the nick as the session spelt it
    private final Map<User, Map<String, String>> lists = new HashMap<>();

    public Monitors(CaseMapping caseMapping) {
        this.caseMapping = caseMapping;
    }

    /**
     * Adds nicks to the session's list, in order, until it holds {@link #MAX_TARGETS}.
     *
     * @return the nicks that did not fit (empty when all did)
     */
    public List<String> add(User session, List<String> nicks) {
        lock.lock();
        try {
            // A client dropped by another thread while its reader handled this MONITOR: its list was cleared after it
            // was removed (Dispatcher.disconnected), and a list added now would never be.
            if (session.removed) return List.of();
            Map<String, String> list = lists.computeIfAbsent(session, s -> new LinkedHashMap<>());
            List<String> refused = new ArrayList<>();
            for (String nick : nicks) {
                String folded = caseMapping.fold(nick);
                if (list.containsKey(folded)) continue;
                if (list.size() >= MAX_TARGETS) {
                    refused.add(nick);
                    continue;
                }
                list.put(folded, nick);
                watchers.computeIfAbsent(folded, n -> new LinkedHashSet<>()).add(session);
            }
            return refused;
        } finally {
            lock.unlock();
        }
    }

    /** Takes nicks off the session's list. */
    public void remove(User session, List<String> nicks) {
        lock.lock();
        try {
            Map<String, String> list = lists.get(session);
            if (list == null) return;
            for (String nick : nicks) {
                String folded = caseMapping.fold(nick);
                if (list.remove(folded) != null) unwatch(folded, session);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Empties the session's list (MONITOR C, and when it disconnects). */
    public void clear(User session) {
        lock.lock();
        try {
            Map<String, String> list = lists.remove(session);
            if (list == null) return;
            for (String folded : list.keySet()) unwatch(folded, session);
        } finally {
            lock.unlock();
        }
    }

    /** The session's list, as it spelt each nick, in the order added. */
    public List<String> listOf(User session) {
        lock.lock();
        try {
            Map<String, String> list = lists.get(session);
            return list == null ? List.of() : List.copyOf(list.values());
        } finally {
            lock.unlock();
        }
    }

    /** The sessions watching {@code nick}. */
    public User[] watchersOf(String nick) {
        lock.lock();
        try {
            Set<User> set = watchers.get(caseMapping.fold(nick));
            return set == null ? Registry.NO_USERS : set.toArray(Registry.NO_USERS);
        } finally {
            lock.unlock();
        }
    }

    // Caller holds the lock.
    private void unwatch(String folded, User session) {
        Set<User> set = watchers.get(folded);
        if (set == null) return;
        set.remove(session);
        if (set.isEmpty()) watchers.remove(folded);
    }
}
