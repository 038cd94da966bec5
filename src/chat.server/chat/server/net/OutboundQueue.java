package chat.server.net;

import chat.server.spi.Transport;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lines waiting for one client, and the writer that sends them. Offering never blocks and takes no
 * lock: past the send-queue limit the offer fails and the owner drops the client. A writer virtual thread
 * is started when lines arrive and ends when the queue is empty, so an idle client costs no thread; while
 * it runs it gathers all pending lines into one write.
 */
final class OutboundQueue {

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
    private final Listener listener;
    private final ConcurrentLinkedQueue<byte[]> lines = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile boolean finishing;
    private volatile boolean dead;

    OutboundQueue(Transport out, long limitBytes, Listener listener) {
        this.out = out;
        this.limitBytes = limitBytes;
        this.listener = listener;
    }

    /** Queues bytes; false when the queue is closed or the limit is passed (nothing is queued then). */
    boolean offer(byte[] bytes) {
        if (dead || finishing) return false;
        if (queuedBytes.addAndGet(bytes.length) > limitBytes) {
            queuedBytes.addAndGet(-bytes.length);
            return false;
        }
        lines.add(bytes);
        startWriter();
        return true;
    }

    /** Queues a last line past any limit; once it is written the listener hears {@code finished}. */
    void finish(byte[] lastLine) {
        if (dead || finishing) return;
        lines.add(lastLine);
        queuedBytes.addAndGet(lastLine.length);
        finishing = true;
        startWriter();
    }

    /** Drops everything; the writer stops at its next step. */
    void kill() {
        dead = true;
        lines.clear();
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    private void startWriter() {
        if (writing.compareAndSet(false, true)) Thread.ofVirtual().name("writer").start(this::drain);
    }

    private void drain() {
        byte[] batch = null;
        while (true) {
            byte[] line;
            while (!dead && (line = lines.poll()) != null) {
                byte[] next = lines.peek();
                try {
                    if (next == null || line.length >= MAX_WRITE_BYTES) {
                        queuedBytes.addAndGet(-line.length);
                        out.write(line, 0, line.length);
                    } else {
                        if (batch == null) batch = new byte[MAX_WRITE_BYTES];
                        int used = gather(line, batch);
                        out.write(batch, 0, used);
                    }
                } catch (IOException e) {
                    dead = true;
                    lines.clear();
                    writing.set(false);
                    listener.writeFailed(e);
                    return;
                }
            }
            if (finishing && !dead && lines.isEmpty()) {
                // finish() queues its line before it sets the flag, so that line has been written. The
                // writing flag stays set: no writer is ever started again.
                listener.finished();
                return;
            }
            writing.set(false);
            // A line offered, or finish() called, after the checks above but before the flag was cleared
            // started no writer: look again, and carry on if no other writer has taken over.
            if (dead || (lines.isEmpty() && !finishing) || !writing.compareAndSet(false, true)) return;
        }
    }

    /** Copies {@code first} and as many further lines as fit into {@code batch}; returns the bytes used. */
    private int gather(byte[] first, byte[] batch) {
        System.arraycopy(first, 0, batch, 0, first.length);
        int used = first.length;
        long taken = first.length;
        byte[] next;
        while ((next = lines.peek()) != null && used + next.length <= batch.length) {
            lines.poll();
            System.arraycopy(next, 0, batch, used, next.length);
            used += next.length;
            taken += next.length;
        }
        queuedBytes.addAndGet(-taken);
        return used;
    }
}
