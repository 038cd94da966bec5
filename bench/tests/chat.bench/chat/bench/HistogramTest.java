package chat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistogramTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 31, 32, 33, 63, 64, 65, 1000, 123_456, 1_000_000_007L, Long.MAX_VALUE / 3})
    void everyValueFallsInABucketThatHoldsIt(long v) {
        int i = Histogram.index(v);
        assertThat(Histogram.lowerBound(i)).isLessThanOrEqualTo(v);
        assertThat(Histogram.lowerBound(i + 1)).isGreaterThan(v);
        // 32 buckets per power of two: a bucket is at most 1/32 of its values wide.
        assertThat((double) (Histogram.lowerBound(i + 1) - Histogram.lowerBound(i))).isLessThanOrEqualTo(Math.max(1, v / 32.0));
    }

    @Test
    void percentilesOfAUniformSpreadAreWithinThreePercent() {
        Histogram h = new Histogram();
        for (long v = 1; v <= 100_000; v++) h.record(v * 1000);
        assertThat(h.count()).isEqualTo(100_000);
        assertThat((double) h.percentile(50)).isCloseTo(50_000_000, within(50_000_000 * 0.03));
        assertThat((double) h.percentile(99)).isCloseTo(99_000_000, within(99_000_000 * 0.03));
        assertThat(h.max()).isEqualTo(100_000_000);
        assertThat(h.percentile(100)).isLessThanOrEqualTo(h.max());
    }

    @Test
    void oneOutlierIsTheMaxButNotTheMedian() {
        Histogram h = new Histogram();
        for (int i = 0; i < 999; i++) h.record(2_000_000);
        h.record(900_000_000);
        assertThat((double) h.percentile(50)).isCloseTo(2_000_000, within(2_000_000 * 0.03));
        assertThat((double) h.percentile(99.9)).isCloseTo(2_000_000, within(2_000_000 * 0.03));
        assertThat(h.max()).isEqualTo(900_000_000);
    }

    @Test
    void resetForgetsEverything() {
        Histogram h = new Histogram();
        h.record(5);
        h.reset();
        assertThat(h.count()).isZero();
        assertThat(h.percentile(99)).isZero();
        assertThat(h.max()).isZero();
    }
}
