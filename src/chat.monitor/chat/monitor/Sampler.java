package chat.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.LongSupplier;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Takes snapshots with OSHI and the JVM's MXBeans. Holds the previous CPU ticks, process state, counter
 * totals and time, so each snapshot measures CPU and rates since the one before (or since construction
 * for the first). Not thread-safe: confined to the monitor's scheduler thread.
 */
final class Sampler {

    private static final double PERCENT = 100.0;

    private final ServerCounters counters;
    private final LongSupplier nanoClock;
    private final OperatingSystem os;
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final RateCounter messagesIn = new RateCounter();
    private final RateCounter messagesOut = new RateCounter();

    private long[] previousTicks;
    private OSProcess previousProcess; // null when OSHI could not read this process
    private long previousNanos;

    Sampler(ServerCounters counters, LongSupplier nanoClock) {
        this.counters = counters;
        this.nanoClock = nanoClock;
        var system = new SystemInfo();
        this.os = system.getOperatingSystem();
        this.processor = system.getHardware().getProcessor();
        this.memory = system.getHardware().getMemory();
        this.previousTicks = processor.getSystemCpuLoadTicks();
        this.previousProcess = os.getCurrentProcess();
        this.previousNanos = nanoClock.getAsLong();
        messagesIn.next(counters.messagesIn(), Duration.ZERO);
        messagesOut.next(counters.messagesOut(), Duration.ZERO);
    }

    Snapshot sample() {
        long now = nanoClock.getAsLong();
        var elapsed = Duration.ofNanos(now - previousNanos);
        previousNanos = now;

        OSProcess process = os.getCurrentProcess();
        long rss = process == null ? 0 : process.getResidentMemory();
        double processCpu = process == null ? 0 : process.getProcessCpuLoadBetweenTicks(previousProcess);
        previousProcess = process;

        long[] ticks = processor.getSystemCpuLoadTicks();
        double systemCpu = processor.getSystemCpuLoadBetweenTicks(previousTicks);
        previousTicks = ticks;

        var heapUsage = heap.getHeapMemoryUsage();
        long total = memory.getTotal();
        // Process CPU times come in clock ticks (10 ms on Linux): over a short interval the ratio can
        // overshoot what the cores could do, so both loads are clamped to the possible range.
        return new Snapshot(
                rss,
                heapUsage.getUsed(),
                heapUsage.getCommitted(),
                total - memory.getAvailable(),
                total,
                clamp(processCpu * PERCENT, PERCENT * processor.getLogicalProcessorCount()),
                clamp(systemCpu * PERCENT, PERCENT),
                threads.getThreadCount(),
                counters.virtualThreads(),
                counters.connections(),
                messagesIn.next(counters.messagesIn(), elapsed),
                messagesOut.next(counters.messagesOut(), elapsed));
    }

    private static double clamp(double value, double max) {
        return Double.isNaN(value) ? 0.0 : Math.clamp(value, 0.0, max);
    }
}
