package chat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmupTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void processesWhoseCompilersUsedAtMostATenthOfACoreAreWarm() {
        long[] before = {5 * SECOND, 0, 2 * SECOND};
        long[] after = {5 * SECOND + SECOND / 10, 0, 2 * SECOND + SECOND / 20};
        assertThat(Warmup.quiet(before, after, SECOND)).isTrue();
    }

    @Test
    void oneProcessStillCompilingKeepsTheWarmUpGoing() {
        // Three nodes of a network and their Redis: the second node's C2 is still at work.
        long[] before = {SECOND, SECOND, SECOND, 0};
        long[] after = {SECOND, SECOND + SECOND / 4, SECOND, 0};
        assertThat(Warmup.quiet(before, after, SECOND)).isFalse();
    }

    @Test
    void theShareIsOfTheSliceMeasured() {
        long[] before = {0};
        long[] after = {SECOND / 5};
        assertThat(Warmup.quiet(before, after, SECOND)).isFalse();
        assertThat(Warmup.quiet(before, after, 2 * SECOND + 1)).isTrue();
    }

    @Test
    void aServerWithoutCompilerThreadsIsWarmAtOnce() {
        assertThat(Warmup.quiet(new long[] {0}, new long[] {0}, SECOND)).isTrue();
    }
}
