package chat.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024L * MIB;

    private static Snapshot snapshot(long virtualThreads) {
        return new Snapshot(84 * MIB + MIB / 5, 12 * MIB, 64 * MIB, 8 * GIB, 24 * GIB,
                3.14, 10.4, 21, virtualThreads, 12, 35.0, 410.0);
    }

    @Test
    void formatHasEveryField() {
        assertThat(snapshot(40).format()).isEqualTo(
                "rss=84.2MiB heap=12.0/64.0MiB sysmem=8.0/24.0GiB cpu=3.1% syscpu=10.4% threads=21"
                        + " vthreads=40 clients=12 in=35.0/s out=410.0/s");
    }

    @Test
    void formatLeavesOutUnknownVirtualThreads() {
        assertThat(snapshot(-1).format())
                .doesNotContain("vthreads")
                .contains("threads=21 clients=12");
    }

    @Test
    void formatCountsZeroVirtualThreads() {
        assertThat(snapshot(0).format()).contains(" vthreads=0 ");
    }
}
