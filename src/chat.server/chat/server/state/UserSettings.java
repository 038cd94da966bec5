package chat.server.state;

import chat.server.change.Change;
import chat.server.change.Identity;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The registry's writers of a user's own state: USER, away status, user modes, OPER, login and logout, real name
 * (SETNAME), user name and host (CHGHOST). It shares the registry's one lock (same rules: short I/O-free steps; the
 * audience is a snapshot to deliver to after the lock is released).
 */
public final class UserSettings {

    private final Registry registry;
    private final ReentrantLock lock;

    UserSettings(Registry registry) {
        this.registry = registry;
        this.lock = registry.lock;
    }

    private void announce(Change change, User user, User[] audience) {
        registry.announcements.add(new Announcement(change, user, audience));
    }

    private void unlockAndPublish(Echo echo) {
        registry.announcements.unlockAndPublish(echo);
    }

    /** Records USER (its user name and real name); only before registration. */
    public void setUserName(User user, String userName, String realname) {
        lock.lock();
        try {
            user.setIdentity(user.identity().withUser(userName, realname));
        } finally {
            lock.unlock();
        }
    }

    /** Sets (or, with null, clears) the away message; returns the user and everyone sharing a channel with it. */
    public User[] setAway(User user, String message) {
        lock.lock();
        try {
            user.setAwayMessage(message);
            User[] audience = ChannelDirectory.audienceOf(user, true);
            announce(new Change.AwayChanged(user.identity(), message), user, audience);
            return audience;
        } finally {
            unlockAndPublish(null);
        }
    }

    /**
     * @param applied the mode string of what changed, e.g. {@code +i-w}; empty when nothing did
     * @param unknown whether the request held a letter that is no user mode
     */
    public record ModesApplied(String applied, boolean unknown) {
    }

    /**
     * Applies a user mode string a user asked for itself: +i, +w, +B and -o (+o comes only from OPER: asking
     * for it is ignored without a word, as in Ergo). {@code echo} takes the user's MODE line (or null).
     */
    public ModesApplied changeModes(User user, String modestring, Echo echo) {
        lock.lock();
        try {
            StringBuilder applied = new StringBuilder();
            char appliedSign = 0;
            boolean add = true;
            boolean unknown = false;
            for (int i = 0; i < modestring.length(); i++) {
                char c = modestring.charAt(i);
                if (c == '+' || c == '-') {
                    add = c == '+';
                    continue;
                }
                boolean changed;
                switch (c) {
                    case 'i', 'w', 'B' -> {
                        changed = user.hasMode(c) != add;
                        registry.registered.setMode(user, c, add);
                    }
                    case 'o' -> {
                        changed = !add && user.operator();
                        if (changed) registry.registered.setMode(user, 'o', false);
                    }
                    default -> {
                        unknown = true;
                        changed = false;
                    }
                }
                if (!changed) continue;
                char sign = add ? '+' : '-';
                if (sign != appliedSign) applied.append(sign);
                appliedSign = sign;
                applied.append(c);
            }
            if (!applied.isEmpty()) {
                announce(new Change.UserModesChanged(user.identity(), applied.toString(), false), user, new User[] {user});
            }
            return new ModesApplied(applied.toString(), unknown);
        } finally {
            unlockAndPublish(echo);
        }
    }

    /**
     * Makes the user an IRC operator (OPER); false when it already was one. {@code echo} takes the server's
     * MODE line to the user (or null).
     */
    public boolean oper(User user, Echo echo) {
        lock.lock();
        try {
            if (user.operator()) return false;
            registry.registered.setMode(user, 'o', true);
            announce(new Change.UserModesChanged(user.identity(), "+o", true), user, new User[] {user});
            return true;
        } finally {
            unlockAndPublish(echo);
        }
    }

    /**
     * Logs the user in to {@code account} (as registered), or out with null; returns the user's channel peers
     * and the user, or nobody when it is not registered yet.
     */
    public User[] changeAccount(User user, String account) {
        lock.lock();
        try {
            user.setAccount(account);
            // Before registration the account travels with the Registered change instead.
            if (!user.registered()) return Registry.NO_USERS;
            User[] audience = ChannelDirectory.audienceOf(user, true);
            announce(new Change.AccountChanged(user.identity(), account), user, audience);
            return audience;
        } finally {
            unlockAndPublish(null);
        }
    }

    /** Records that the user spoke (WHOIS idle time); no lock: the time is the user's own and not shared state. */
    public void spoke(User user, long nowMillis) {
        user.markSpoke(nowMillis);
    }

    /**
     * Publishes a new real name (SETNAME); returns the user and everyone sharing a channel with it. {@code echo}
     * takes the user's own copy (or null).
     */
    public User[] changeRealname(User user, String realname, Echo echo) {
        lock.lock();
        try {
            Identity id = user.identity();
            user.setIdentity(new Identity(id.nick(), id.user(), id.host(), realname));
            User[] audience = ChannelDirectory.audienceOf(user, true);
            announce(new Change.RealnameChanged(id, realname), user, audience);
            return audience;
        } finally {
            unlockAndPublish(echo);
        }
    }

    /**
     * @param oldPrefix the prefix before the change (the source of CHGHOST)
     * @param audience  the user and everyone sharing a channel with it
     */
    public record HostChange(String oldPrefix, User[] audience) {
    }

    /** Publishes a new user name and host for the user (CHGHOST). */
    public HostChange changeHost(User target, String userName, String host) {
        lock.lock();
        try {
            Identity old = target.identity();
            target.setIdentity(new Identity(old.nick(), userName, host, old.realname()));
            User[] audience = ChannelDirectory.audienceOf(target, true);
            announce(new Change.HostChanged(old, userName, host), target, audience);
            return new HostChange(old.prefix(), audience);
        } finally {
            unlockAndPublish(null);
        }
    }
}
