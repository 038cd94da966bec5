package chat.monitor;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples the process, the machine and a server's counters on one scheduled virtual thread and hands
 * each {@link Snapshot} to a reporter. A reporter or a sample that fails is logged and the schedule goes
 * on. {@link #close()} stops it: once it returns, the reporter is not called again.
 */
public final class ResourceMonitor implements AutoCloseable {

    /** How often the server samples unless configured otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** How long {@link #close()} waits for a sample or report in progress before interrupting it. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = System.getLogger(ResourceMonitor.class.getName());

    private final ServerCounters counters;
    private final Consumer<Snapshot> reporter;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;
    private Sampler sampler; // confined to the scheduler thread; null until the first task builds it

    private ResourceMonitor(ServerCounters counters, Consumer<Snapshot> reporter) {
        this.counters = counters;
        this.reporter = reporter;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("monitor-", 0).factory());
    }

    /**
     * Starts sampling every {@code interval}, the first report one interval from now.
     *
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public static ResourceMonitor start(ServerCounters counters, Duration interval, Consumer<Snapshot> reporter) {
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(reporter, "reporter");
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("monitor interval must be positive: " + interval);
        }
        var monitor = new ResourceMonitor(counters, reporter);
        // Build OSHI now so the first report measures CPU and rates over a whole interval.
        monitor.scheduler.execute(monitor::prime);
        long nanos = interval.toNanos();
        monitor.scheduler.scheduleAtFixedRate(monitor::tick, nanos, nanos, TimeUnit.NANOSECONDS);
        return monitor;
    }

    /**
     * Takes a sample now on the monitor's thread and returns it without reporting it. The next scheduled
     * sample measures from this one.
     *
     * @throws IllegalStateException if the monitor is closed
     */
    public Snapshot sampleNow() {
        try {
            return scheduler.submit(() -> sampler().sample()).get();
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("monitor is closed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("sampling failed", e.getCause());
        }
    }

    /** Stops sampling and waits for a report in progress to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(CLOSE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.log(Level.WARNING, "monitor did not stop within {0}; interrupting it", CLOSE_TIMEOUT);
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** True once the scheduler thread has ended, so nothing can be reported any more. */
    boolean isTerminated() {
        return scheduler.isTerminated();
    }

    private Sampler sampler() {
        if (sampler == null) {
            sampler = new Sampler(counters, System::nanoTime);
        }
        return sampler;
    }

    private void prime() {
        try {
            sampler();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "monitor cannot read the system; will retry on the next sample", e);
        }
    }

    // A periodic task that throws is never run again, so nothing may escape from here.
    // LinkageError included: OSHI's native bindings fail with one on an unsupported platform.
    private void tick() {
        Snapshot snapshot;
        try {
            snapshot = sampler().sample();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "monitor sample failed", e);
            return;
        }
        if (closed) {
            return;
        }
        try {
            reporter.accept(snapshot);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "monitor reporter failed", e);
        }
    }
}
