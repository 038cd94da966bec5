package chat.monitor;

import java.util.Locale;

/**
 * One sample of the process, the machine and the server's counters. CPU and message rates are measured
 * since the previous sample.
 *
 * @param rssBytes               resident set size of this process
 * @param heapUsedBytes          JVM heap in use
 * @param heapCommittedBytes     JVM heap committed by the OS
 * @param systemMemoryUsedBytes  machine memory in use (total minus available)
 * @param systemMemoryTotalBytes machine memory installed
 * @param processCpuPercent      this process's CPU, 100 per fully busy core
 * @param systemCpuPercent       the whole machine's CPU, 0 to 100
 * @param platformThreads        live platform threads of this JVM
 * @param virtualThreads         virtual threads reported by the server, or -1 when not known
 * @param clients                clients connected now
 * @param messagesInPerSecond    messages received from clients per second
 * @param messagesOutPerSecond   messages sent to clients per second
 */
public record Snapshot(
        long rssBytes,
        long heapUsedBytes,
        long heapCommittedBytes,
        long systemMemoryUsedBytes,
        long systemMemoryTotalBytes,
        double processCpuPercent,
        double systemCpuPercent,
        int platformThreads,
        long virtualThreads,
        int clients,
        double messagesInPerSecond,
        double messagesOutPerSecond) {

    private static final double MIB = 1024.0 * 1024.0;
    private static final double GIB = MIB * 1024.0;

    /**
     * One compact line, for example {@code rss=84.2MiB heap=12.1/64.0MiB sysmem=7.9/23.4GiB cpu=3.1%
     * syscpu=10.4% threads=21 vthreads=40 clients=12 in=35.0/s out=410.0/s}; {@code vthreads} is left out
     * when not known.
     */
    public String format() {
        var line = new StringBuilder(160)
                .append(String.format(Locale.ROOT, "rss=%.1fMiB heap=%.1f/%.1fMiB sysmem=%.1f/%.1fGiB",
                        rssBytes / MIB, heapUsedBytes / MIB, heapCommittedBytes / MIB,
                        systemMemoryUsedBytes / GIB, systemMemoryTotalBytes / GIB))
                .append(String.format(Locale.ROOT, " cpu=%.1f%% syscpu=%.1f%% threads=%d",
                        processCpuPercent, systemCpuPercent, platformThreads));
        if (virtualThreads >= 0) {
            line.append(" vthreads=").append(virtualThreads);
        }
        return line.append(String.format(Locale.ROOT, " clients=%d in=%.1f/s out=%.1f/s",
                clients, messagesInPerSecond, messagesOutPerSecond)).toString();
    }
}
