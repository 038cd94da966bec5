package chat.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A reporter that keeps the samples of a recent window (the status page plots the last hour), dropping older
 * ones as new ones arrive. Thread-safe: the monitor adds, any thread reads.
 */
public final class SampleHistory implements Consumer<Snapshot> {

    /** How far back the status page looks. */
    public static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final long windowMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Sample> samples = new ArrayDeque<>(); // guarded by lock

    public SampleHistory(Clock clock, Duration window) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
    }

    @Override
    public void accept(Snapshot snapshot) {
        long now = clock.millis();
        lock.lock();
        try {
            samples.addLast(new Sample(now, snapshot));
            while (!samples.isEmpty() && now - samples.peekFirst().atMillis() > windowMillis) samples.removeFirst();
        } finally {
            lock.unlock();
        }
    }

    /** The samples in the window, oldest first. */
    public List<Sample> recent() {
        lock.lock();
        try {
            return List.copyOf(samples);
        } finally {
            lock.unlock();
        }
    }

    /** The newest sample, or null before the first. */
    public Sample latest() {
        lock.lock();
        try {
            return samples.peekLast();
        } finally {
            lock.unlock();
        }
    }
}
