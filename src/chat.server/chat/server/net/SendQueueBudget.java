package chat.server.net;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * #17: the bytes held for all clients' send queues together ({@code --sendq-total}), so that the heap can be
 * capped without a few hundred clients that do not read filling it. One atomic counter, shared by every
 * {@link OutboundQueue}; each queue adds a line's bytes when it takes the line and gives them back once the line
 * is written or thrown away, so the count is exact.
 *
 * <p>The rule: while the queues together hold at most half the budget, every line is taken (each queue still has its
 * own {@code --sendq}). Past that, the budget is under <em>pressure</em>: the connections' readers wait before their
 * next command until the queues are back under half or a second has passed ({@link #awaitRoom}), so that the
 * commands that fill the queues (a thousand clients joining one channel) slow down to what the writers send; and a
 * line that would take its queue past a fair share (the other half of the budget divided among the connections) is
 * refused, its client dropped as for {@code SendQ exceeded}, if that queue is stalled: no write of it has completed
 * for {@link #STALL_NANOS}, its client is not reading. Once the whole budget is used, any queue past its share is
 * refused. A queue within its share is never refused, so a client that keeps up is never dropped for others'
 * backlog.
 *
 * <p>Why stalled and not merely past the share, and why the readers wait: when thousands join one channel at once,
 * every member's queue holds a moment's worth of JOIN lines, a little past a share that is small because the
 * members are many. Dropping those clients, which read, sent their QUITs to every member and took others past their
 * share in turn (#17, 30-64 of 10,000 clients lost in loaded runs); dropping only the stalled ones still lost
 * hundreds on a starved machine, whose load generator left sockets unread for seconds while the joins went on.
 */
final class SendQueueBudget {

    /** A queue with bytes waiting and no write completed for this long is stalled: its client is not reading. */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** The longest a reader waits under pressure before its next command. */
    static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

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
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    /** Readers waiting in {@link #awaitRoom}; changed under roomLock, read without it by {@link #release}. */
    private volatile int waiting;

    /**
     * @param limitBytes  the most bytes all send queues may hold together
     * @param connections how many connections share it now (each one's fair share is half the budget over this)
     */
    SendQueueBudget(long limitBytes, IntSupplier connections) {
        this(limitBytes, connections, STALL_NANOS);
    }

    /** As above, with the time after which a queue that completes no write counts as stalled. */
    SendQueueBudget(long limitBytes, IntSupplier connections, long stallNanos) {
        if (limitBytes <= 0) throw new IllegalArgumentException("a send-queue budget must be positive");
        this.limitBytes = limitBytes;
        this.pressureBytes = limitBytes / 2;
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
        long total = heldBytes.addAndGet(-bytes);
        if (waiting > 0 && total <= pressureBytes) wakeWaiting();
    }

    private void wakeWaiting() {
        roomLock.lock();
        try {
            room.signalAll();
        } finally {
            roomLock.unlock();
        }
    }

    /** Whether the queues together hold more than half the budget: readers should {@link #awaitRoom} first. */
    boolean underPressure() {
        return heldBytes.get() > pressureBytes;
    }

    /**
     * Waits until the queues together hold no more than half the budget, or {@code maxNanos} have passed: a reader's
     * pause before its next command while the budget is under pressure.
     */
    void awaitRoom(long maxNanos) throws InterruptedException {
        roomLock.lock();
        try {
            waiting++;
            long left = maxNanos;
            // release() lowers the count before it reads waiting, this thread raises waiting before it reads the count:
            // one of the two sees the other, so a wake-up is not lost.
            while (left > 0 && heldBytes.get() > pressureBytes) left = room.awaitNanos(left);
        } finally {
            waiting--;
            roomLock.unlock();
        }
    }

    /** The bytes all queues hold now. */
    long heldBytes() {
        return heldBytes.get();
    }

    long limitBytes() {
        return limitBytes;
    }

    /** What one queue may hold while the budget is under pressure: the budget's other half over the connections. */
    long fairShareBytes() {
        return (limitBytes - pressureBytes) / Math.max(1, connections.getAsInt());
    }
}
