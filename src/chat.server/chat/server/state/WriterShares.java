package chat.server.state;

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * #17: the writers of one fan-out, run as a few shared threads instead of one thread per receiver. While the
 * fan-out offers its lines, a send queue that would start its writer claims its writing and is added here instead;
 * when the fan-out ends ({@link #start}), the claimed queues are split into at most {@link #SHARES} shares and one
 * virtual thread per share writes its queues one after another, never parking on a full socket (such a queue goes
 * on with a writer of its own). A message to 200 members then wakes a few threads, not 200, while lines that arrive
 * for a queue before its share reaches it are still written in one batch. Confined to the thread fanning out.
 */
public final class WriterShares {

    private static final System.Logger LOG = System.getLogger("chat.server");

    /**
     * Threads per fan-out at most: one per carrier thread of the virtual-thread scheduler;
     * {@code -Dchat.writerShares=N} sets another number (one was measured slower: BENCHMARKS.md, #17).
     */
    public static final int SHARES = Integer.getInteger("chat.writerShares",
            Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors()));

    private static final int FIRST_CAPACITY = 16;

    /** A send queue whose writing a fan-out claimed. */
    public interface Claimed {
        /** Writes what is queued, on a share's thread, without waiting for a full socket. */
        void writeShared();
    }

    private final int shares;
    private Claimed[] claimed;
    private int count;
    private boolean started;

    /** A fan-out's writers, {@link #SHARES} threads at most. */
    public WriterShares() {
        this(SHARES);
    }

    /** A fan-out's writers, {@code shares} threads at most. */
    public WriterShares(int shares) {
        if (shares < 1) throw new IllegalArgumentException("a fan-out needs a writer");
        this.shares = shares;
    }

    /** Adds a queue whose writing was claimed; it is written once the fan-out ends. */
    public void claim(Claimed queue) {
        if (started) throw new IllegalStateException("the fan-out's writers have started");
        if (claimed == null) claimed = new Claimed[FIRST_CAPACITY];
        else if (count == claimed.length) claimed = Arrays.copyOf(claimed, count * 2);
        claimed[count++] = queue;
    }

    /** The fan-out is over: starts the shares. Runs also when the fan-out failed halfway, or a claim would hang. */
    public void start() {
        started = true;
        int threads = Math.min(shares, count);
        Claimed[] queues = claimed;
        for (int share = 0; share < threads; share++) {
            int from = count * share / threads;
            int to = count * (share + 1) / threads;
            Thread.ofVirtual().name("writer-share").start(() -> writeAll(queues, from, to));
        }
    }

    private static void writeAll(Claimed[] queues, int from, int to) {
        for (int i = from; i < to; i++) {
            try {
                queues[i].writeShared();
            } catch (RuntimeException e) {
                // One queue's failure must not leave the others of its share claimed and unwritten.
                LOG.log(Level.ERROR, "a shared writer failed", e);
            }
        }
    }
}
