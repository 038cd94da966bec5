package chat.bench;

/**
 * #12: when the warm-up may end. A JVM server compiles its hot path with C1 and C2 during its first seconds of
 * traffic, and three nodes of a chat network compile it three times on the same cores: measured during that, a
 * network is measured compiling. After the fixed warm-up, the generator goes on warming up one slice at a time
 * while any of the server's processes spent more than {@link #QUIET_SHARE} of a core in its JIT compiler threads
 * during the last slice, up to a maximum. A server that compiles nothing (ngircd, inspircd, Redis) ends at the
 * fixed warm-up, so the rule is the same for every server.
 */
final class Warmup {

    /** A process whose compiler threads used at most this share of one core over a slice counts as warm. */
    static final double QUIET_SHARE = 0.10;
    /** The length of one extra slice of warm-up, in seconds. */
    static final double SLICE_SECONDS = 1.0;

    private Warmup() {
    }

    /**
     * Whether every process was warm over a slice of {@code sliceNanos}: {@code before} and {@code after} are the
     * CPU nanoseconds of each process's compiler threads at the slice's start and end.
     */
    static boolean quiet(long[] before, long[] after, long sliceNanos) {
        for (int i = 0; i < after.length; i++) {
            if (after[i] - before[i] > QUIET_SHARE * sliceNanos) return false;
        }
        return true;
    }
}
