package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepPeriodTest {

    @ParameterizedTest
    @CsvSource({
            // registration, ping interval, ping timeout -> period (ms)
            "30000, 90000, 60000, 2000", // the defaults: the longest period
            "1500, 90000, 60000, 150",   // a tenth of the shortest limit
            "30000, 600, 900, 60",
            "100, 100, 100, 50"})        // never busier than the shortest period
    void theSweeperLooksOftenEnoughForTheShortestLimit(long registration, long pingEvery, long pingWait, long period) {
        var limits = new Connection.TimeLimits(registration, pingEvery, pingWait, Listener.CLOSE_GRACE_MILLIS);
        assertThat(Listener.sweepPeriodMillis(limits)).isEqualTo(period);
    }
}
