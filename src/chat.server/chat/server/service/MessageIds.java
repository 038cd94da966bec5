package chat.server.service;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique message IDs (IRCv3 msgid): a random prefix for this server run, then a counter. On a cluster node
 * (#12) a command applied from the log takes its ids from its entry's place in the log instead ({@link #within}),
 * so that every node gives one message the same id.
 */
public final class MessageIds {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();
    // The log entry being applied on this thread, and how many ids it has used.
    private final ThreadLocal<Scope> scope = new ThreadLocal<>();

    private static final class Scope {
        final String entry;
        long used;

        Scope(String entry) {
            this.entry = entry;
        }
    }

    public MessageIds() {
        this.prefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    /** The next ID; never repeats within this run, and a restart starts another prefix. */
    public String next() {
        Scope s = scope.get();
        if (s != null) return s.entry + "-" + Long.toString(++s.used, 36);
        return prefix + "-" + Long.toString(counter.incrementAndGet(), 36);
    }

    /**
     * A number from 0 to {@code bound - 1} for a choice a command makes at random (a guest nickname): random on a
     * single server; while a cluster log entry is applied, drawn from the entry's place in the log as its ids are,
     * so that every node makes the same choice.
     */
    public int pick(int bound) {
        if (scope.get() == null) return ThreadLocalRandom.current().nextInt(bound);
        return new SplittableRandom(next().hashCode()).nextInt(bound);
    }

    /** Runs {@code step} with ids drawn from {@code entry} (a cluster log position, the same on every node). */
    public void within(String entry, Runnable step) {
        Scope previous = scope.get();
        scope.set(new Scope("n" + entry.replace('-', '.')));
        try {
            step.run();
        } finally {
            if (previous == null) scope.remove();
            else scope.set(previous);
        }
    }
}
