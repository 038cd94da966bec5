package chat.server.net;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * #17: the bytes held for all clients' send queues together ({@code --sendq-total}), so that the heap can be
 * capped without a few hundred clients that do not read filling it. One atomic counter, shared by every
 * {@link OutboundQueue}; each queue adds a line's bytes when it takes the line and gives them back once the line
 * is written or thrown away, so the count is exact.
 *
 * <p>The rule: while the queues together hold at most three quarters of the budget, every line is taken (each queue
 * still has its own {@code --sendq}). Past that, a line that would take its queue past a fair share (the last
 * quarter of the budget divided among the connections) is refused, and its client is dropped as for
 * {@code SendQ exceeded}, if that queue is stalled: no write of it has completed for {@link #STALL_NANOS}, its client
 * is not reading. A queue that is still being written out is refused only once the whole budget is used. A queue
 * within its share is never refused, so a client that keeps up is never dropped for others' backlog; and since the
 * queues past their share that are stalled take no more, the total stays within the budget (give or take the lines
 * offered at the same moment, and while the number of connections grows).
 *
 * <p>Why stalled and not merely past the share: when thousands join one channel at once, every member's queue holds
 * a moment's worth of JOIN lines, a little past a share that is small because the members are many; dropping those
 * clients, which read, sent their QUITs to every member and took others past their share in turn (#17, 30-64 of
 * 10,000 clients lost in loaded runs).
 */
final class SendQueueBudget {

    /** A queue with bytes waiting and no write completed for this long is stalled: its client is not reading. */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** What the budget asks of a queue that would pass its share under pressure. */
    interface Drain {
        /** Nanoseconds since this queue last completed a write while holding bytes; 0 when it holds none. */
        long stalledNanos();
    }

    private final long limitBytes;
    private final long pressureBytes;
    private final long stallNanos;
    private final IntSupplier connections;
    private final AtomicLong heldBytes = new AtomicLong();

    /**
     * @param limitBytes  the most bytes all send queues may hold together
     * @param connections how many connections share it now (each one's fair share is a quarter of the budget over this)
     */
    SendQueueBudget(long limitBytes, IntSupplier connections) {
        this(limitBytes, connections, STALL_NANOS);
    }

    /** As above, with the time after which a queue that completes no write counts as stalled. */
    SendQueueBudget(long limitBytes, IntSupplier connections, long stallNanos) {
        if (limitBytes <= 0) throw new IllegalArgumentException("a send-queue budget must be positive");
        this.limitBytes = limitBytes;
        this.pressureBytes = limitBytes - limitBytes / 4;
        this.stallNanos = stallNanos;
        this.connections = connections;
    }

    /** No budget beyond each queue's own limit. */
    static SendQueueBudget unlimited() {
        return new SendQueueBudget(Long.MAX_VALUE, () -> 1);
    }

    /**
     * Takes {@code bytes} for a queue that holds {@code queueBytes} with them; false (and nothing taken) when the
     * budget is under pressure and that queue is past its fair share and stalled, or the whole budget is used.
     */
    boolean take(long bytes, long queueBytes, Drain queue) {
        long total = heldBytes.addAndGet(bytes);
        if (total <= pressureBytes || queueBytes <= fairShareBytes()) return true;
        if (total <= limitBytes && queue.stalledNanos() < stallNanos) return true;
        heldBytes.addAndGet(-bytes);
        return false;
    }

    /** Takes {@code bytes} whatever the budget says (a closing client's last line). */
    void force(long bytes) {
        heldBytes.addAndGet(bytes);
    }

    /** Gives back bytes that were taken: their line was written or thrown away. */
    void release(long bytes) {
        heldBytes.addAndGet(-bytes);
    }

    /** The bytes all queues hold now. */
    long heldBytes() {
        return heldBytes.get();
    }

    long limitBytes() {
        return limitBytes;
    }

    /** What one queue may hold while the budget is under pressure: the budget's last quarter over the connections. */
    long fairShareBytes() {
        return (limitBytes - pressureBytes) / Math.max(1, connections.getAsInt());
    }
}
