package chat.server.net;

import chat.server.spi.Transport;
import chat.server.state.WriterShares;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The lines waiting for one client, and the writer that sends them. Offering never blocks and takes no
 * lock: past the send-queue limit, or when the server's {@link SendQueueBudget} refuses it (see its rule), the offer
 * fails and the owner drops the client. A writer virtual thread is started when lines arrive and ends when
 * the queue is empty, so an idle client costs no thread; while it runs it gathers all pending lines into one write.
 * #17: lines offered by a fan-out to a queue that can write without waiting (a plain TCP socket) start no thread:
 * the queue's writing is claimed for the fan-out, and one of its few shared writers ({@link WriterShares}) writes it.
 *
 * <p>A line's bytes count (here and in the budget) from the offer until the write that sends them returns, or
 * until the line is thrown away: each line leaves the queue once, through one {@code poll}, and whoever polls it
 * gives its bytes back.
 */
final class OutboundQueue implements SendQueueBudget.Drain, WriterShares.Claimed {

    /** Most bytes gathered into one socket write. */
    static final int MAX_WRITE_BYTES = 16 * 1024;

    /** What the queue tells its connection. */
    interface Listener {
        /** A write failed: the client is gone. */
        void writeFailed(IOException e);

        /** The last line was written after {@link #finish}: the socket may close. */
        void finished();
    }

    /**
     * #17: a transport that can also write without waiting (a plain TCP socket): its queue may be written by a
     * fan-out's shared writer ({@link WriterShares}).
     */
    interface NonBlockingWrites {
        /** Writes what the socket takes at once; returns the bytes taken, 0 when its buffer is full. */
        int writeNow(byte[] bytes, int offset, int length) throws IOException;
    }

    private final Transport out;
    private final NonBlockingWrites nonBlocking; // null: only today's writer, which may park
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
        this.nonBlocking = out instanceof NonBlockingWrites now ? now : null;
        this.limitBytes = limitBytes;
        this.budget = budget;
        this.listener = listener;
    }

    /**
     * Queues bytes; false when the queue is closed, its limit is passed, or the budget refuses them (nothing is
     * queued then).
     */
    boolean offer(byte[] bytes) {
        return offer(bytes, null);
    }

    /**
     * Queues bytes as {@link #offer(byte[])} does; during a fan-out ({@code shares} not null) a writer this offer
     * would start is left to the fan-out's shares instead, when the transport can write without waiting.
     */
    boolean offer(byte[] bytes, WriterShares shares) {
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
        else if (startWriting()) {
            if (shares != null && nonBlocking != null) shares.claim(this);
            else startWriter();
        }
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
        else if (startWriting()) startWriter();
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

    /** Starts a writer of its own for a queue whose writing this thread claimed. */
    private void startWriter() {
        Thread.ofVirtual().name("writer").start(() -> drain(null));
    }

    /** Writes the queue on a fan-out's share thread, which holds the claim; never parks on a full socket. */
    @Override
    public void writeShared() {
        drain(nonBlocking);
    }

    /**
     * Writes queued lines while this thread holds the claim (the writing flag), until the queue is empty, finished
     * or failed. With {@code share} (on a share's thread) a write never waits: when the socket takes only part of
     * a batch, the rest and the claim go to a writer of its own, which parks until the socket has room; so do the
     * lines still queued after {@link #MAX_WRITE_BYTES} were written.
     */
    private void drain(NonBlockingWrites share) {
        byte[] batch = null;
        long sharedBytes = 0;
        while (true) {
            byte[] line;
            while (!dead && (line = lines.poll()) != null) {
                byte[] next = lines.peek();
                byte[] bytes = line;
                int length = line.length;
                if (next != null && line.length < MAX_WRITE_BYTES) {
                    // #17: sized to what is queued, not MAX_WRITE_BYTES each time: a writer started for a few
                    // lines (a member hearing JOINs) allocated 16 KiB per run, most of the garbage of a busy
                    // channel's JOINs.
                    int wanted = (int) Math.min(MAX_WRITE_BYTES, Math.max(queuedBytes, line.length + next.length));
                    if (batch == null || batch.length < wanted) batch = new byte[wanted];
                    length = gather(line, batch);
                    bytes = batch;
                }
                int written;
                try {
                    written = share == null ? writeAll(bytes, 0, length) : share.writeNow(bytes, 0, length);
                } catch (IOException e) {
                    release(length);
                    fail(e);
                    return;
                }
                if (written > 0) progressNanos = System.nanoTime();
                release(written);
                if (written < length) {
                    // #17: a full socket must not hold back the other queues of the share: the rest is this
                    // queue's own writer's (the batch is not touched here again).
                    byte[] rest = bytes;
                    int from = written;
                    int to = length;
                    Thread.ofVirtual().name("writer").start(() -> drainAfter(rest, from, to));
                    return;
                }
                if (share != null && (sharedBytes += length) >= MAX_WRITE_BYTES && !lines.isEmpty()) {
                    // #17: nor may a queue that keeps filling: past one full write it goes on with a writer of its own.
                    startWriter();
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

    /** A writer of its own for a queue a share left: writes the rest of its batch, then the queue. */
    private void drainAfter(byte[] rest, int from, int to) {
        int length = to - from;
        if (!dead) {
            try {
                writeAll(rest, from, length);
                progressNanos = System.nanoTime();
            } catch (IOException e) {
                release(length);
                fail(e);
                return;
            }
        }
        release(length);
        drain(null);
    }

    /** Writes all of it, parking while the socket is full; returns the length. */
    private int writeAll(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        return length;
    }

    private void fail(IOException e) {
        dead = true;
        discard();
        writing = false;
        listener.writeFailed(e);
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
