package chat.web;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.Deflater;

/**
 * The lines that several WebSocket connections send, each compressed once for all of them (#13). A channel line goes
 * to every member: compressed by each member's own {@link PerMessageDeflate} against its own context, it cost zlib
 * once per receiver, seven to eleven times a TCP delivery. Compressed here with a fresh (reset) deflater, it refers to
 * no earlier message, so the same bytes are a valid permessage-deflate message for every receiver whatever its
 * inflater holds (RFC 7692 7.2.1: a sync-flushed block, its tail dropped); when that is not smaller than the line, the
 * line goes as it is, uncompressed (RFC 7692 6: RSV1 clear), which leaves the receiver's window alone.
 *
 * <p>A line is recognised by its bytes, not by which connection sends it: the first connection to send it only
 * records it (it compresses the line in its own context, as for a line of its own: a reply, a private message, a
 * history batch), the second compresses it for everyone. So lines that go to one receiver cost a record, not a
 * compression that nobody reuses. The table is small and direct-mapped: a line meets its receivers within
 * moments (one fan-out), and a line pushed out early is only compressed once more.
 *
 * <p>Thread-safe: the slots hold immutable entries, replaced atomically (a race loses an entry or a compression,
 * never gives a wrong one); the deflater is guarded by its lock. Nothing here does I/O.
 */
final class SharedCompression {

    /** Slots of the table: a power of two, a few fan-outs' worth of lines (each entry is a line and its payload). */
    static final int SLOTS = 1024;
    /** Lines longer than this are always compressed by their own connection: IRC lines are at most a few KiB. */
    static final int MAX_SHARED_BYTES = 16 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    /**
     * A line seen, and once a second connection sends it, how it goes to everyone: {@code payload} is its compressed
     * form, or the line itself when compressing does not make it smaller ({@code compressed} false). A line seen once
     * has no payload yet.
     */
    record Shared(int hash, byte[] line, byte[] payload, boolean compressed) {
        boolean ready() {
            return payload != null;
        }
    }

    private final AtomicReferenceArray<Shared> slots = new AtomicReferenceArray<>(SLOTS);
    /** Guards the deflater. */
    private final ReentrantLock compressing = new ReentrantLock();
    private final Deflater deflater = new Deflater(PerMessageDeflate.LEVEL, true); // guarded by compressing
    private byte[] deflated = new byte[MAX_SHARED_BYTES + 64]; // guarded by compressing
    private boolean closed; // guarded by compressing

    /**
     * How the line {@code bytes[offset, offset + length)} goes to every receiver, or null when this is the first
     * time it is seen (it is recorded: the caller compresses it as its own).
     */
    Shared lookup(byte[] bytes, int offset, int length) {
        if (length == 0 || length > MAX_SHARED_BYTES) return null;
        int hash = hash(bytes, offset, offset + length);
        int slot = hash & (SLOTS - 1);
        Shared seen = slots.get(slot);
        if (seen == null || seen.hash != hash
                || !Arrays.equals(seen.line, 0, seen.line.length, bytes, offset, offset + length)) {
            slots.set(slot, new Shared(hash, Arrays.copyOfRange(bytes, offset, offset + length), null, false));
            return null;
        }
        return seen.ready() ? seen : compress(slot, seen);
    }

    /** The line of {@code seen} compressed on its own, put in its slot; null once closed. */
    private Shared compress(int slot, Shared seen) {
        compressing.lock();
        try {
            if (closed) return null;
            // Another receiver may have compressed it while this one waited for the lock.
            Shared now = slots.get(slot);
            if (now != null && now.line == seen.line && now.ready()) return now;
            Shared shared = compressed(seen);
            slots.compareAndSet(slot, seen, shared);
            return shared;
        } finally {
            compressing.unlock();
        }
    }

    private Shared compressed(Shared seen) {
        byte[] line = seen.line;
        deflater.reset();
        deflater.setInput(line);
        // A line of MAX_SHARED_BYTES deflates to a few bytes more at most (stored blocks): a full buffer means that.
        int length = deflater.deflate(deflated, 0, deflated.length, Deflater.SYNC_FLUSH);
        if (length < deflated.length) length = PerMessageDeflate.withoutTail(deflated, length);
        if (length >= line.length) return new Shared(seen.hash, line, line, false);
        return new Shared(seen.hash, line, Arrays.copyOf(deflated, length), true);
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
