package chat.monitor;

import java.time.Duration;

/**
 * Turns a growing total into a per-second rate: the difference from the previous total divided by the
 * elapsed time, which the caller measures. Not thread-safe: one sampler owns it.
 */
final class RateCounter {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private long previous;
    private boolean primed;

    /**
     * Records {@code total} and returns its rate per second over {@code elapsed}. The first call only
     * sets the baseline and returns 0; so does a total that went down (a counter reset) or an elapsed
     * time that is not positive.
     */
    double next(long total, Duration elapsed) {
        long delta = total - previous;
        boolean measurable = primed && delta > 0 && elapsed.isPositive();
        previous = total;
        primed = true;
        return measurable ? delta / (elapsed.toNanos() / NANOS_PER_SECOND) : 0.0;
    }
}
