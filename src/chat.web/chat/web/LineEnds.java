package chat.web;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Where the lines of a write end: the positions of its LF bytes, found eight bytes at a time (#13: a byte-by-byte
 * scan of every delivered line was a visible share of a WebSocket delivery's CPU).
 */
final class LineEnds {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

    private LineEnds() {
    }

    /** The positions of the LF bytes of {@code a[offset, offset + length)}, in order. */
    static int[] in(byte[] a, int offset, int length) {
        int end = offset + length;
        int count = 0;
        int i = offset;
        for (; i + Long.BYTES <= end; i += Long.BYTES) count += Long.bitCount(lfBits((long) LONGS.get(a, i)));
        for (; i < end; i++) if (a[i] == '\n') count++;
        int[] ends = new int[count];
        int n = 0;
        for (i = offset; i + Long.BYTES <= end; i += Long.BYTES) {
            for (long bits = lfBits((long) LONGS.get(a, i)); bits != 0; bits &= bits - 1) {
                ends[n++] = i + (Long.numberOfTrailingZeros(bits) >>> 3);
            }
        }
        for (; i < end; i++) if (a[i] == '\n') ends[n++] = i;
        return ends;
    }

    /** The length of the line from {@code start} to the LF at {@code lf}, without the LF and a CR before it. */
    static int lineLength(byte[] a, int start, int lf) {
        return (lf > start && a[lf - 1] == '\r' ? lf - 1 : lf) - start;
    }

    /** The high bit of each byte of {@code word} that is LF, and no other bit (no carry crosses a byte). */
    private static long lfBits(long word) {
        long x = word ^ LFS; // an LF byte is now zero
        return ~(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS);
    }
}
