package chat.server.state;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a client's own replies in the order of its commands when some must wait: the acknowledgment of a
 * stored message (its echo, its labeled reply) is sent only once the store committed it, and replies to
 * later commands queue behind it. Messages from other clients do not pass through here: they never wait.
 * Whoever finds the head ready sends it (the reader thread, or the store's writer thread on commit); one
 * sender at a time, outside the lock, so that the order holds and no lock is held while a queue is offered to.
 */
public final class ReplyOrder {

    private static final CompletableFuture<Void> READY = CompletableFuture.completedFuture(null);

    private record Pending(byte[] lines, CompletableFuture<?> ready, byte[] ifFailed) {
    }

    private final Outbound outbound;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    // guarded by lock: true while one thread sends the ready head
    private boolean sending;

    public ReplyOrder(Outbound outbound) {
        this.outbound = outbound;
    }

    /** Sends {@code lines} now, or after the replies still waiting. */
    public void send(byte[] lines) {
        enqueue(new Pending(lines, READY, lines));
    }

    /** Sends {@code lines} once {@code ready} completed, or {@code ifFailed} instead if it failed. */
    public void sendWhen(CompletableFuture<?> ready, byte[] lines, byte[] ifFailed) {
        enqueue(new Pending(lines, ready, ifFailed));
        ready.whenComplete((v, e) -> drain());
    }

    private void enqueue(Pending p) {
        lock.lock();
        try {
            queue.add(p);
        } finally {
            lock.unlock();
        }
        drain();
    }

    private void drain() {
        while (true) {
            Pending head;
            lock.lock();
            try {
                if (sending) return;
                head = queue.peek();
                if (head == null || !head.ready().isDone()) return;
                queue.poll();
                sending = true;
            } finally {
                lock.unlock();
            }
            try {
                outbound.send(head.ready().isCompletedExceptionally() ? head.ifFailed() : head.lines());
            } finally {
                lock.lock();
                try {
                    sending = false;
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
