package chat.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateCounterTest {

    @ParameterizedTest(name = "{0} then {1} over {2} ms -> {3}/s")
    @CsvSource({
        // before, after, elapsed ms, per second
        "0,     0,     1000, 0",      // counter unchanged
        "500,   500,   5000, 0",      // counter unchanged, not zero
        "0,     10,    1000, 10",
        "100,   275,   5000, 35",
        "0,     1,     2000, 0.5",
        "0,     3,     250,  12",     // interval shorter than a second
        "100,   40,    1000, 0",      // counter went back (reset): no negative rate
        "0,     10,    0,    0",      // no time passed
    })
    void rateIsDifferenceOverElapsed(long before, long after, long elapsedMillis, double perSecond) {
        var rate = new RateCounter();
        rate.next(before, Duration.ZERO);

        assertThat(rate.next(after, Duration.ofMillis(elapsedMillis))).isCloseTo(perSecond, within(1e-9));
    }

    @Test
    void firstSampleIsZero() {
        assertThat(new RateCounter().next(1_000, Duration.ofSeconds(5))).isZero();
    }

    @Test
    void eachRateIsSinceThePreviousSample() {
        var rate = new RateCounter();
        rate.next(0, Duration.ZERO);

        assertThat(rate.next(50, Duration.ofSeconds(5))).isEqualTo(10.0);
        assertThat(rate.next(50, Duration.ofSeconds(5))).isZero();
        assertThat(rate.next(60, Duration.ofSeconds(1))).isEqualTo(10.0);
    }
}
