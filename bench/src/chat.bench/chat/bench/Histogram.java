package chat.bench;

import java.util.Arrays;

/**
 * A log-linear histogram of non-negative values (latencies in nanoseconds): exact below 32, then 32
 * linear buckets per power of two, so any recorded value is known within about 3%. Fixed size, no
 * allocation per value. Confined to one thread.
 */
final class Histogram {

    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;

    private final long[] counts = new long[(64 - SUB_BITS) * SUB + SUB];
    private long total;
    private long max;
    private long min = Long.MAX_VALUE;

    void record(long value) {
        long v = Math.max(0, value);
        counts[index(v)]++;
        total++;
        if (v > max) max = v;
        if (v < min) min = v;
    }

    void reset() {
        Arrays.fill(counts, 0);
        total = 0;
        max = 0;
        min = Long.MAX_VALUE;
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    long min() {
        return total == 0 ? 0 : min;
    }

    /** The value at or below which {@code percent}% of the values lie (the middle of its bucket); 0 when empty. */
    long percentile(double percent) {
        if (total == 0) return 0;
        // The epsilon keeps 99.9% of 1000 at rank 999: 99.9 / 100 * 1000 is 999.0000000000001 in doubles.
        long rank = Math.max(1, (long) Math.ceil(percent * total / 100.0 - 1e-6));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                long low = lowerBound(i);
                long high = lowerBound(i + 1) - 1;
                return Math.min(max, Math.max(min, low + (high - low) / 2));
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < SUB) return (int) v;
        int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
        return (shift + 1) * SUB + (int) ((v >>> shift) & (SUB - 1));
    }

    static long lowerBound(int index) {
        if (index < SUB) return index;
        int shift = index / SUB - 1;
        return (long) (SUB + index % SUB) << shift;
    }
}
