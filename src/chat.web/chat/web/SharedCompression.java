package chat.web;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.Deflater;

/**
 * The server's lines as WebSocket connections with permessage-deflate send them, each compressed once for all of them
 * (#13). A channel line goes to every member: compressed by each member's connection against its own context, as
 * Jetty's extension does, it cost zlib once per receiver, seven to eleven times a TCP delivery. Compressed here with
 * a fresh (reset) deflater, it refers to no earlier message, so the same bytes are a valid message for every
 * receiver whatever its inflater holds (RFC 7692 7.2.1: a sync-flushed block, its tail dropped); when that is not
 * smaller than the line, the line goes as it is, uncompressed (RFC 7692 6: RSV1 clear).
 *
 * <p>A line is recognised by its bytes, not by which connection sends it: the send queues copy lines into their
 * writes, so a line's identity is lost by then. Each line has two slots it may take (two-choice hashing), a free one
 * if there is one: a line in a busy fan-out lives as long as its slowest receiver takes to be written to, with
 * hundreds of other lines alive at once, and two lines of one slot that pushed each other out would each be
 * compressed once per receiver. A line pushed out early is only compressed once more.
 *
 * <p>Thread-safe: the slots hold immutable entries, replaced atomically (a race loses an entry or a compression,
 * never gives a wrong one); the deflater is guarded by its lock. Nothing here does I/O.
 */
final class SharedCompression {

    /**
     * Slots of the table, a power of two: room for the lines alive at once in a busy fan-out (about a second's worth
     * in {@code make bench}: 850 under load) several times over. At most about 1.3 MiB of lines and payloads.
     */
    static final int SLOTS = 4096;
    /** Lines longer than this are compressed by their own connection: IRC lines are at most a few KiB. */
    static final int MAX_SHARED_BYTES = 16 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    /** How a line goes to every receiver: {@code payload} is its compressed form, or the line itself. */
    record Shared(int hash, byte[] line, byte[] payload, boolean compressed) {
    }

    /** The empty message, sent as it is. */
    private static final Shared EMPTY = new Shared(0, new byte[0], new byte[0], false);

    private final AtomicReferenceArray<Shared> slots = new AtomicReferenceArray<>(SLOTS);
    /** Guards the deflater. */
    private final ReentrantLock compressing = new ReentrantLock();
    private final Deflater deflater = new Deflater(PerMessageDeflate.LEVEL, true); // guarded by compressing
    private final byte[] deflated = new byte[MAX_SHARED_BYTES + 64]; // guarded by compressing
    private boolean closed; // guarded by compressing

    /**
     * How the line {@code bytes[offset, offset + length)} goes to every receiver (compressed now if no receiver sent
     * it lately), or null when it is too long to share or this is closed.
     */
    Shared lookup(byte[] bytes, int offset, int length) {
        if (length == 0) return EMPTY;
        if (length > MAX_SHARED_BYTES) return null;
        int hash = hash(bytes, offset, offset + length);
        int first = hash & (SLOTS - 1);
        int second = (hash >>> 16 ^ hash * 0x2D) & (SLOTS - 1);
        Shared inFirst = slots.get(first);
        if (holds(inFirst, hash, bytes, offset, length)) return inFirst;
        Shared inSecond = slots.get(second);
        if (holds(inSecond, hash, bytes, offset, length)) return inSecond;
        compressing.lock();
        try {
            if (closed) return null;
            // Another receiver may have compressed it while this one waited for the lock.
            inFirst = slots.get(first);
            if (holds(inFirst, hash, bytes, offset, length)) return inFirst;
            inSecond = slots.get(second);
            if (holds(inSecond, hash, bytes, offset, length)) return inSecond;
            Shared shared = compressed(hash, Arrays.copyOfRange(bytes, offset, offset + length));
            int slot = inFirst == null ? first : inSecond == null ? second : (hash & SLOTS) == 0 ? first : second;
            slots.set(slot, shared);
            return shared;
        } finally {
            compressing.unlock();
        }
    }

    private static boolean holds(Shared entry, int hash, byte[] bytes, int offset, int length) {
        return entry != null && entry.hash == hash
                && Arrays.equals(entry.line, 0, entry.line.length, bytes, offset, offset + length);
    }

    private Shared compressed(int hash, byte[] line) {
        deflater.reset();
        deflater.setInput(line);
        // A line of MAX_SHARED_BYTES deflates to a few bytes more at most (stored blocks): a full buffer means that.
        int length = deflater.deflate(deflated, 0, deflated.length, Deflater.SYNC_FLUSH);
        if (length < deflated.length) length = PerMessageDeflate.withoutTail(deflated, length);
        if (length >= line.length) return new Shared(hash, line, line, false);
        return new Shared(hash, line, Arrays.copyOf(deflated, length), true);
    }

    /** Frees the deflater; lines seen later go to their own connections' compression. */
    void close() {
        compressing.lock();
        try {
            closed = true;
            deflater.end();
        } finally {
            compressing.unlock();
        }
    }

    /** A hash of {@code a[from, to)}, eight bytes at a time. */
    static int hash(byte[] a, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) h = (h ^ (long) LONGS.get(a, i)) * MIX;
        for (; i < to; i++) h = (h ^ a[i]) * MIX;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
