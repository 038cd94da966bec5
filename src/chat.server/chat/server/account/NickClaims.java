package chat.server.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * When someone else must give up a registered nickname (#10). A claim is one client's hold on the nickname:
 * its deadline stays the same when that client changes away and back (until one more claim timeout after it
 * passed, so the rename then comes at once), while another client taking the nickname gets time of its own
 * to log in. One virtual-thread scheduler runs the renames.
 */
public final class NickClaims implements AutoCloseable {

    /** Nicknames with a claim kept before the stale ones are swept out. */
    static final int MAX_TRACKED = 10_000;

    private record Claim(Object holder, long deadline) {
    }

    private final long timeoutMillis;
    private final Clock clock;
    // folded nickname -> the current claim on it
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("nick-claims").factory());

    public NickClaims(Duration timeout, Clock clock) {
        this.timeoutMillis = timeout.toMillis();
        this.clock = clock;
    }

    /** The deadline of {@code holder}'s claim on {@code foldedNick} made now: its running (or just passed) one, else a new one. */
    public long deadline(String foldedNick, Object holder) {
        long now = clock.millis();
        if (claims.size() > MAX_TRACKED) claims.values().removeIf(c -> c.deadline() + timeoutMillis <= now);
        return claims.compute(foldedNick, (k, old) -> old != null && old.holder() == holder
                && now < old.deadline() + timeoutMillis ? old : new Claim(holder, now + timeoutMillis)).deadline();
    }

    /** Whether {@code holder}'s claim on {@code foldedNick} is the current one and its deadline has passed. */
    public boolean due(String foldedNick, Object holder) {
        Claim c = claims.get(foldedNick);
        return c != null && c.holder() == holder && c.deadline() <= clock.millis();
    }

    /** Milliseconds from now to {@code deadline}, 0 when it has passed. */
    public long remainingMillis(long deadline) {
        return Math.max(0, deadline - clock.millis());
    }

    /** Runs {@code enforce} at {@code deadline}. */
    public void at(long deadline, Runnable enforce) {
        timers.schedule(enforce, remainingMillis(deadline), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
