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
            return ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) * 1_000_000_000L / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
        }
    }

    /**
     * #12: per process (the first, then the others), the CPU time its JIT compiler threads (HotSpot's
     * "C1 CompilerThread" and "C2 CompilerThread") used so far, in nanoseconds; 0 for a process without any.
     */
    long[] compilerNanos() {
        long[] all = new long[others.length + 1];
        if (pid <= 0) return all;
        all[0] = compilerNanos(pid);
        for (int i = 0; i < others.length; i++) all[i + 1] = compilerNanos(others[i]);
        return all;
    }

    private long compilerNanos(long pid) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    // The kernel keeps 15 characters of a thread's name: "C2 CompilerThre".
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) continue;
                    ticks += ticks(Files.readString(task.resolve("stat")));
                } catch (IOException e) {
                    // The thread ended while we looked: what it used is no longer counted anywhere.
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return ticks * 1_000_000_000L / ticksPerSecond;
    }

    /**
     * The scheduler's counts summed over every thread of the processes so far ({@code /proc/PID/task/TID/schedstat}):
     * nanoseconds spent waiting on a run queue for a CPU, and times put on a CPU (wake-ups and preemptions alike).
     * Threads that ended are no longer counted, so compare two samples of threads that live through both.
     */
    Sched sched() {
        Sched total = new Sched(0, 0);
        if (pid <= 0) return total;
        total = total.plus(sched(pid));
        for (long p : others) total = total.plus(sched(p));
        return total;
    }

    /** Run-queue wait and times on a CPU; see {@link #sched()}. */
    record Sched(long waitNanos, long slices) {
        Sched plus(Sched other) {
            return new Sched(waitNanos + other.waitNanos, slices + other.slices);
        }

        Sched minus(Sched other) {
            return new Sched(waitNanos - other.waitNanos, slices - other.slices);
        }

        /** A schedstat line: time on a CPU, time waiting for one (both ns), times run. */
        static Sched parse(String schedstat) {
            String[] f = schedstat.trim().split(" +");
            return new Sched(Long.parseLong(f[1]), Long.parseLong(f[2]));
        }
    }

    private static Sched sched(long pid) {
        Sched total = new Sched(0, 0);
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    total = total.plus(Sched.parse(Files.readString(task.resolve("schedstat"))));
                } catch (IOException e) {
                    // The thread ended while we looked.
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return total;
    }

    /** utime + stime of a /proc stat line (fields 14 and 15, after the command name, which may hold spaces). */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
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
