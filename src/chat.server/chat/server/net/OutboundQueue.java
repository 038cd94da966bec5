package chat.server.net;

import chat.server.spi.Transport;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The lines waiting for one client, and the writer that sends them. Offering never blocks and takes no
 * lock: past the send-queue limit, or when the server's {@link SendQueueBudget} refuses it (see its rule), the offer
 * fails and the owner drops the client. A writer virtual thread is started when lines arrive and ends when
 * the queue is empty, so an idle client costs no thread; while it runs it gathers all pending lines into one write.
 *
 * <p>A line's bytes count (here and in the budget) from the offer until the write that sends them returns, or
 * until the line is thrown away: each line leaves the queue once, through one {@code poll}, and whoever polls it
 * gives its bytes back.
 */
final class OutboundQueue implements SendQueueBudget.Drain {

    /** Most bytes gathered into one socket write. */
    static final int MAX_WRITE_BYTES = 16 * 1024;

    /** What the queue tells its connection. */
    interface Listener {
        /** A write failed: the client is gone. */
        void writeFailed(IOException e);

        /** The last line was written after {@link #finish}: the socket may close. */
        void finished();
    }

    private final Transport out;
    private final long limitBytes;
    private final SendQueueBudget budget;
    private final Listener listener;
    private final ConcurrentLinkedQueue<byte[]> lines = new ConcurrentLinkedQueue<>();
    // #17: fields with VarHandles rather than AtomicLong/AtomicBoolean objects: a fan-out to 10,000 members touches
    // each member's queue, and every object less is a cache miss less per member.
    private volatile long queuedBytes;
    /** When a write last completed, or the queue last went from empty to holding bytes (System.nanoTime). */
    private volatile long progressNanos;
    private volatile boolean writing;
    private volatile boolean finishing;
    private volatile boolean dead;

    private static final VarHandle QUEUED_BYTES;
    private static final VarHandle WRITING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            QUEUED_BYTES = lookup.findVarHandle(OutboundQueue.class, "queuedBytes", long.class);
            WRITING = lookup.findVarHandle(OutboundQueue.class, "writing", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    OutboundQueue(Transport out, long limitBytes, SendQueueBudget budget, Listener listener) {
        this.out = out;
        this.limitBytes = limitBytes;
        this.budget = budget;
        this.listener = listener;
    }

    /**
     * Queues bytes; false when the queue is closed, its limit is passed, or the budget refuses them (nothing is
     * queued then).
     */
    boolean offer(byte[] bytes) {
        if (dead || finishing) return false;
        long held = addQueued(bytes.length);
        if (held == bytes.length) progressNanos = System.nanoTime();
        if (held > limitBytes || !budget.take(bytes.length, held, this)) {
            addQueued(-bytes.length);
            return false;
        }
        lines.add(bytes);
        // kill() may have emptied the queue between the check above and the add: then nobody else frees this line.
        if (dead) discard();
        else startWriter();
        return true;
    }

    /** Queues a last line past any limit; once it is written the listener hears {@code finished}. */
    void finish(byte[] lastLine) {
        if (dead || finishing) return;
        addQueued(lastLine.length);
        budget.force(lastLine.length);
        lines.add(lastLine);
        finishing = true;
        if (dead) discard();
        else startWriter();
    }

    /** Drops everything, giving its bytes back; the writer stops at its next step. */
    void kill() {
        dead = true;
        discard();
    }

    /** Bytes offered and not yet written: queued, or in the write under way. */
    long queuedBytes() {
        return queuedBytes;
    }

    @Override
    public long stalledNanos() {
        return queuedBytes == 0 ? 0 : System.nanoTime() - progressNanos;
    }

    /** Adds to the bytes held; returns the new total. */
    private long addQueued(long bytes) {
        return (long) QUEUED_BYTES.getAndAdd(this, bytes) + bytes;
    }

    private boolean startWriting() {
        return WRITING.compareAndSet(this, false, true);
    }

    /** Empties the queue. Safe alongside offers, the writer and another discard: each line is polled once. */
    private void discard() {
        long freed = 0;
        byte[] line;
        while ((line = lines.poll()) != null) freed += line.length;
        if (freed > 0) release(freed);
    }

    private void release(long bytes) {
        addQueued(-bytes);
        budget.release(bytes);
    }

    private void startWriter() {
        if (startWriting()) Thread.ofVirtual().name("writer").start(this::drain);
    }

    private void drain() {
        byte[] batch = null;
        while (true) {
            byte[] line;
            while (!dead && (line = lines.poll()) != null) {
                byte[] next = lines.peek();
                long taken = line.length;
                IOException failure = null;
                try {
                    if (next == null || line.length >= MAX_WRITE_BYTES) {
                        out.write(line, 0, line.length);
                    } else {
                        // #17: sized to what is queued, not MAX_WRITE_BYTES each time: a writer started for a few
                        // lines (a member hearing JOINs) allocated 16 KiB per run, most of the garbage of a busy
                        // channel's JOINs.
                        int wanted = (int) Math.min(MAX_WRITE_BYTES, Math.max(queuedBytes, line.length + next.length));
                        if (batch == null || batch.length < wanted) batch = new byte[wanted];
                        int used = gather(line, batch);
                        taken = used;
                        out.write(batch, 0, used);
                    }
                    progressNanos = System.nanoTime();
                } catch (IOException e) {
                    failure = e;
                } finally {
                    release(taken);
                }
                if (failure != null) {
                    dead = true;
                    discard();
                    writing = false;
                    listener.writeFailed(failure);
                    return;
                }
            }
            if (finishing && !dead && lines.isEmpty()) {
                // finish() queues its line before it sets the flag, so that line has been written. The
                // writing flag stays set: no writer is ever started again.
                listener.finished();
                return;
            }
            writing = false;
            // A line offered, or finish() called, after the checks above but before the flag was cleared
            // started no writer: look again, and carry on if no other writer has taken over.
            if (dead || (lines.isEmpty() && !finishing) || !startWriting()) return;
        }
    }

    /**
     * Copies {@code first} and as many further lines as fit into {@code batch}, taking them off the queue;
     * returns the bytes used.
     */
    private int gather(byte[] first, byte[] batch) {
        System.arraycopy(first, 0, batch, 0, first.length);
        int used = first.length;
        byte[] next;
        while ((next = lines.peek()) != null && used + next.length <= batch.length) {
            byte[] polled = lines.poll();
            if (polled != next) {
                // Only kill() polls beside the writer: the queue is dead, and this line is thrown away too.
                if (polled != null) release(polled.length);
                break;
            }
            System.arraycopy(next, 0, batch, used, next.length);
            used += next.length;
        }
        return used;
    }
}
