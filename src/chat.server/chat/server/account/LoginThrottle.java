package chat.server.account;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per key (an account, an IP address) in fixed windows; a key with too many failures
 * in the current window is refused without checking the password. Thread-safe, lock-free.
 */
public final class LoginThrottle {

    /** Keys tracked before old windows are swept out. */
    static final int MAX_KEYS = 100_000;

    private record Window(long startMillis, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final long windowMillis;
    private final Clock clock;

    public LoginThrottle(int maxFailures, long windowMillis, Clock clock) {
        this.maxFailures = maxFailures;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** Whether another attempt for {@code key} may be checked now. */
    public boolean allowed(String key) {
        return retryAfterMillis(key) == 0;
    }

    /** How long until {@code key} may be checked again: 0 when it may be now. */
    public long retryAfterMillis(String key) {
        Window w = windows.get(key);
        if (w == null || w.failures() < maxFailures) return 0;
        return Math.max(0, w.startMillis() + windowMillis - clock.millis());
    }

    /** Failures of {@code key} in its current window. */
    public int failures(String key) {
        Window w = windows.get(key);
        return w == null || clock.millis() - w.startMillis() >= windowMillis ? 0 : w.failures();
    }

    public void failed(String key) {
        long now = clock.millis();
        if (windows.size() > MAX_KEYS) windows.values().removeIf(w -> now - w.startMillis() >= windowMillis);
        windows.merge(key, new Window(now, 1), (old, one) ->
                now - old.startMillis() >= windowMillis ? one : new Window(old.startMillis(), old.failures() + 1));
    }

    public void succeeded(String key) {
        windows.remove(key);
    }
}
