package chat.server.net;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * #9, #17: what the {@link SocketPoller} read from one client's socket and its reader has not taken yet, in the order
 * it arrived, with the end of the stream (or the read error) after the bytes before it. The poller's thread puts;
 * one reader virtual thread at a time takes, through {@link LineReader}, and is started only when none runs
 * ({@link #claim}, {@link #release}). Past {@link #MAX_QUEUED_BYTES} the poller stops reading the socket, so TCP
 * pushes back ({@code stopReading}), until the reader has drained what waits ({@link #rearm}).
 *
 * <p>An empty inbox holds no buffer: each read's bytes are a chunk of their own, dropped once taken.
 */
final class Inbox implements LineReader.Source {

    /** Bytes waiting for the reader beyond which the poller stops reading the socket (the kernel then holds more). */
    static final int MAX_QUEUED_BYTES = 16 * 1024;

    /** One read's bytes, or the end of the stream (no bytes, no error), or a read error. */
    private static final class Chunk {
        final byte[] bytes;
        final IOException error;
        Chunk next;
        int taken;

        Chunk(byte[] bytes, IOException error) {
            this.bytes = bytes;
            this.error = error;
        }
    }

    private static final VarHandle ARRIVED;
    private static final VarHandle CLAIMED;
    private static final VarHandle QUEUED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ARRIVED = lookup.findVarHandle(Inbox.class, "arrived", Chunk.class);
            CLAIMED = lookup.findVarHandle(Inbox.class, "claimed", boolean.class);
            QUEUED = lookup.findVarHandle(Inbox.class, "queued", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Chunks put since the reader last took, newest first (the poller pushes, the reader takes them all at once).
    private volatile Chunk arrived;
    // A reader runs, or is about to: whoever sets it starts one, and only the reader clears it.
    private volatile boolean claimed;
    // Bytes put and not yet taken by the reader.
    private volatile long queued;
    // The poller stopped reading the socket because too much waited; set by the poller before it puts the chunk.
    private volatile boolean muted;
    // Confined to the reader: the chunks it took, oldest first.
    private Chunk taking;
    private final Runnable stopReading;

    /** {@code stopReading} is run on the poller's thread when the reader falls too far behind. */
    Inbox(Runnable stopReading) {
        this.stopReading = stopReading;
    }

    /**
     * The poller read {@code bytes}: queued after what came before. False when the reader is behind by more than
     * {@link #MAX_QUEUED_BYTES}: then {@code stopReading} has run, and the reader asks to read again
     * ({@link #rearm}) once it caught up.
     */
    boolean received(byte[] bytes) {
        boolean more = (long) QUEUED.getAndAdd(this, (long) bytes.length) + bytes.length <= MAX_QUEUED_BYTES;
        if (!more) {
            // In this order: a reader that sees the flag resumes reading after the stop, and the reader that takes
            // the chunk is sure to see the flag.
            stopReading.run();
            muted = true;
        }
        push(new Chunk(bytes, null));
        return more;
    }

    /** The stream ended ({@code error} null) or failed: the reader learns it after the bytes before it. */
    void ended(IOException error) {
        push(new Chunk(null, error));
    }

    private void push(Chunk chunk) {
        Chunk head;
        do {
            head = arrived;
            chunk.next = head;
        } while (!ARRIVED.compareAndSet(this, head, chunk));
    }

    /** True when no reader runs: the caller then starts one. */
    boolean claim() {
        return !claimed && CLAIMED.compareAndSet(this, false, true);
    }

    /**
     * The reader found the inbox empty and stops; true when something arrived meanwhile and it must go on (it then
     * holds the claim again).
     */
    boolean release() {
        claimed = false;
        return arrived != null && claim();
    }

    /** The reader drained what waited: true (once) when the poller had stopped reading the socket and must resume. */
    boolean rearm() {
        if (!muted) return false;
        muted = false;
        return true;
    }

    /** Bytes received and not yet taken by the reader. */
    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, queued);
    }

    /** The reader's side: bytes in order, 0 when nothing waits now, -1 at the end; a read error is thrown here. */
    @Override
    public int read(byte[] buf, int offset, int length) throws IOException {
        if (taking == null && (taking = takeArrived()) == null) return 0;
        Chunk chunk = taking;
        if (chunk.bytes == null) {
            if (chunk.error != null) throw chunk.error;
            return -1;
        }
        int n = Math.min(length, chunk.bytes.length - chunk.taken);
        System.arraycopy(chunk.bytes, chunk.taken, buf, offset, n);
        chunk.taken += n;
        if (chunk.taken == chunk.bytes.length) taking = chunk.next;
        QUEUED.getAndAdd(this, (long) -n);
        return n;
    }

    // Takes every chunk that arrived and turns them oldest first.
    private Chunk takeArrived() {
        Chunk newest = (Chunk) ARRIVED.getAndSet(this, (Chunk) null);
        Chunk oldest = null;
        while (newest != null) {
            Chunk next = newest.next;
            newest.next = oldest;
            oldest = newest;
            newest = next;
        }
        return oldest;
    }
}
