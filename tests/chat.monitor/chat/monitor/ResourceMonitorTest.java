package chat.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class ResourceMonitorTest {

    private static final Duration FAST = Duration.ofMillis(50);
    private static final Duration NEVER = Duration.ofDays(1);
    private static final long WAIT_SECONDS = 30;

    private final FakeCounters counters = new FakeCounters();

    @Test
    void sampleNowReturnsPlausibleValues() {
        counters.connections.set(7);
        counters.virtualThreads.set(40);
        try (var monitor = ResourceMonitor.start(counters, NEVER, snapshot -> { })) {
            var snapshot = monitor.sampleNow();
            int cores = Runtime.getRuntime().availableProcessors();

            assertThat(snapshot.rssBytes()).isPositive();
            assertThat(snapshot.heapUsedBytes()).isPositive().isLessThanOrEqualTo(snapshot.heapCommittedBytes());
            assertThat(snapshot.systemMemoryUsedBytes()).isPositive().isLessThan(snapshot.systemMemoryTotalBytes());
            assertThat(snapshot.platformThreads()).isPositive();
            // OSHI counts the machine's logical processors, which may exceed what this JVM may use.
            assertThat(snapshot.processCpuPercent()).isBetween(0.0, 100.0 * Math.max(cores, logicalProcessors()));
            assertThat(snapshot.systemCpuPercent()).isBetween(0.0, 100.0);
            assertThat(snapshot.virtualThreads()).isEqualTo(40);
            assertThat(snapshot.clients()).isEqualTo(7);
        }
    }

    @Test
    void ratesFollowTheCounters() {
        try (var monitor = ResourceMonitor.start(counters, NEVER, snapshot -> { })) {
            monitor.sampleNow();
            var idle = monitor.sampleNow();
            counters.messagesIn.addAndGet(100);
            counters.messagesOut.addAndGet(1_000);
            var busy = monitor.sampleNow();

            assertThat(idle.messagesInPerSecond()).isZero();
            assertThat(idle.messagesOutPerSecond()).isZero();
            assertThat(busy.messagesInPerSecond()).isPositive();
            assertThat(busy.messagesOutPerSecond()).isGreaterThan(busy.messagesInPerSecond());
        }
    }

    @Test
    void deliversSnapshotsOnSchedule() throws InterruptedException {
        var delivered = new CountDownLatch(2);
        var threads = new CopyOnWriteArrayList<Thread>();
        try (var monitor = ResourceMonitor.start(counters, FAST, snapshot -> {
            threads.add(Thread.currentThread());
            delivered.countDown();
        })) {
            assertThat(delivered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(threads).allSatisfy(thread -> {
            assertThat(thread.isVirtual()).isTrue();
            assertThat(thread.getName()).startsWith("monitor-");
        });
    }

    @Test
    void throwingReporterIsCalledAgain() throws InterruptedException {
        var calls = new CountDownLatch(3);
        Consumer<Snapshot> throwing = snapshot -> {
            calls.countDown();
            throw new IllegalStateException("reporter failure (expected by the test)");
        };
        try (var monitor = ResourceMonitor.start(counters, FAST, throwing)) {
            assertThat(calls.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeStopsDelivery() throws InterruptedException {
        var reported = new CopyOnWriteArrayList<Snapshot>();
        var first = new CountDownLatch(1);
        var monitor = ResourceMonitor.start(counters, FAST, snapshot -> {
            reported.add(snapshot);
            first.countDown();
        });
        assertThat(first.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        monitor.close();
        int afterClose = reported.size();

        // The scheduler thread has ended, so no snapshot can come later.
        assertThat(monitor.isTerminated()).isTrue();
        assertThat(reported).hasSize(afterClose);
        assertThatThrownBy(monitor::sampleNow).isInstanceOf(IllegalStateException.class);
        monitor.close(); // idempotent
    }

    @Test
    void rejectsAnIntervalThatIsNotPositive() {
        for (var interval : List.of(Duration.ZERO, Duration.ofSeconds(-1))) {
            assertThatThrownBy(() -> ResourceMonitor.start(counters, interval, snapshot -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("interval");
        }
    }

    @Test
    void unknownVirtualThreadsStayUnknown() {
        try (var monitor = ResourceMonitor.start(new ServerCounters() {
            @Override public int connections() { return 0; }
            @Override public long messagesIn() { return 0; }
            @Override public long messagesOut() { return 0; }
        }, NEVER, snapshot -> { })) {
            var snapshot = monitor.sampleNow();
            assertThat(snapshot.virtualThreads()).isEqualTo(-1);
            assertThat(snapshot.format()).doesNotContain("vthreads");
        }
    }

    private static int logicalProcessors() {
        return new oshi.SystemInfo().getHardware().getProcessor().getLogicalProcessorCount();
    }
}
