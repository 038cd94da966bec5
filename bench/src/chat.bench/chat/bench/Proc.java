package chat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux tells about a process (or several counted as one: the nodes of a network and their Redis): CPU
 * time from /proc/PID/stat, resident memory from /proc/PID/status.
 */
final class Proc {

    private final long pid;
    private final long[] others;
    private final int ticksPerSecond;

    /**
     * @param pid            the process, 0 for none (every figure is then 0)
     * @param ticksPerSecond the kernel's USER_HZ ({@code getconf CLK_TCK}, 100 on Linux)
     */
    Proc(long pid, int ticksPerSecond) {
        this(new long[] {pid}, ticksPerSecond);
    }

    /** The processes {@code pids} as one: their CPU times and memory are added up (the first 0: none). */
    Proc(long[] pids, int ticksPerSecond) {
        this.pid = pids[0];
        this.others = java.util.Arrays.copyOfRange(pids, 1, pids.length);
        this.ticksPerSecond = ticksPerSecond;
    }

    static Proc self(int ticksPerSecond) {
        return new Proc(ProcessHandle.current().pid(), ticksPerSecond);
    }

    boolean present() {
        return pid > 0;
    }

    /** Asks the process to stop (SIGTERM); the future completes when it has exited. */
    java.util.concurrent.CompletableFuture<ProcessHandle> terminate() {
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        handle.destroy();
        return handle.onExit();
    }

    /** User plus system CPU time so far, in nanoseconds (at the kernel's tick resolution). */
    long cpuNanos() {
        if (pid <= 0) return 0;
        long total = cpuNanos(pid);
        for (long p : others) total += cpuNanos(p);
        return total;
    }

    private long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name may hold spaces: the fields we want follow its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15
            return ticks * 1_000_000_000L / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
        }
    }

    /**
     * CPU time all processes of the machine spent busy so far (everything but idle and iowait, all cores),
     * in nanoseconds: what is left after the server's and the generator's share is other load on the machine.
     */
    long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split(" +");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) busy += Long.parseLong(f[i]); // skip idle and iowait
            }
            return busy * 1_000_000_000L / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/stat: " + e.getMessage(), e);
        }
    }

    /** Resident set size in KiB (VmRSS). */
    long rssKib() {
        return statusKib("VmRSS:");
    }

    /** The peak resident set size since the process started, in KiB (VmHWM). */
    long peakRssKib() {
        return statusKib("VmHWM:");
    }

    private long statusKib(String field) {
        if (pid <= 0) return 0;
        long total = statusKib(pid, field);
        for (long p : others) total += statusKib(p, field);
        return total;
    }

    private static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
            throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status: " + e.getMessage(), e);
        }
    }
}
