package chat.bench;

/**
 * The text of a benchmark message, {@code <sender> <seq> <sentNanos> <padding>}: who sent it, its number
 * in that sender's stream, and when it was sent (nanoseconds since the generator started, from the one
 * monotonic clock every client shares). Writing and reading work on bytes in place.
 */
final class Payload {

    /** Pads the text to a typical chat line's length (the delivered line is about 110 bytes). */
    static final String PADDING = "the quick brown fox jumps over the lazy dog";

    private static final long ORIGIN = System.nanoTime();

    int sender;
    long seq;
    long sentNanos;
    private int pos;

    static long now() {
        return System.nanoTime() - ORIGIN;
    }

    /** Reads a text; false when it is not a benchmark payload. */
    boolean read(byte[] a, int start, int end) {
        pos = start;
        long s = number(a, end);
        long q = number(a, end);
        long t = number(a, end);
        if (s < 0 || q < 0 || t < 0) return false;
        sender = (int) s;
        seq = q;
        sentNanos = t;
        return true;
    }

    /** The decimal number at {@code pos} and the space after it, or -1 when there is none. */
    private long number(byte[] a, int end) {
        int p = pos;
        long v = 0;
        while (p < end && a[p] >= '0' && a[p] <= '9') v = v * 10 + (a[p++] - '0');
        if (p == pos || (p < end && a[p] != ' ')) return -1;
        pos = p + 1;
        return v;
    }

    /** Writes {@code v} in decimal at {@code at}; returns the position after it. */
    static int putLong(byte[] buf, int at, long v) {
        if (v == 0) {
            buf[at] = '0';
            return at + 1;
        }
        int digits = 0;
        for (long t = v; t > 0; t /= 10) digits++;
        int end = at + digits;
        for (int i = end - 1; i >= at; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }
}
