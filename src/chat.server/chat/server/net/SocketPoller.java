package chat.server.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * #17: one thread that watches idle plain TCP client sockets for the moment input arrives (and, for a writer
 * waiting on a full socket buffer of a watched socket, for room), so that an idle client holds no thread. Each
 * readiness fires once: the interest is cleared before the socket's owner hears of it, and the owner asks again
 * ({@link #await}) when it wants to hear once more. The selector is level-triggered, so input that arrives
 * between a reader's last read and the socket's registration is not missed.
 *
 * <p>Sockets are registered on the poller's own thread ({@link #watch}), after a select: a socket's previous key,
 * cancelled when its owner took it back, is then surely gone from the selector.
 */
final class SocketPoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("chat.server");

    /** The owner of a watched socket; called on the poller's thread, and must not block. */
    interface Watcher {
        /** The socket has input (or its end): start a reader. */
        void readable();

        /** The socket's send buffer has room again. */
        void writable();

        /** The socket is registered: {@code key} is the one to {@link #await} on (null: the socket is closed). */
        void watched(SelectionKey key);
    }

    private final Selector selector;
    private final Thread thread;

    SocketPoller() throws IOException {
        this.selector = Selector.open();
        // A platform thread: a virtual thread blocked in select() would hold its carrier anyway.
        this.thread = Thread.ofPlatform().daemon().name("socket-poller").start(this::run);
    }

    /** Who asked to be watched, and on what. */
    private record Watch(SocketChannel channel, Watcher watcher) {
    }

    private final Queue<Watch> toRegister = new ConcurrentLinkedQueue<>();

    /**
     * Watches a non-blocking socket for input, from the poller's next turn on; the watcher hears of its key
     * ({@link Watcher#watched}) before it hears of any readiness.
     */
    void watch(SocketChannel channel, Watcher watcher) {
        toRegister.add(new Watch(channel, watcher));
        selector.wakeup();
    }

    /**
     * Asks to hear once when the socket becomes ready for {@code op} (OP_READ or OP_WRITE); false when the socket
     * is closed (its key cancelled).
     */
    boolean await(SelectionKey key, int op) {
        try {
            key.interestOpsOr(op);
        } catch (CancelledKeyException e) {
            return false;
        }
        // The new interest takes effect at the selector's next select: wake it from the current one.
        selector.wakeup();
        return true;
    }

    private void run() {
        try {
            while (selector.isOpen()) {
                selector.select(this::ready);
                registerWaiting();
            }
        } catch (ClosedSelectorException e) {
            // closed: done
        } catch (IOException e) {
            LOG.log(Level.ERROR, "the socket poller failed", e);
        }
    }

    private void registerWaiting() {
        for (Watch w; (w = toRegister.poll()) != null; ) {
            SelectionKey key;
            try {
                key = w.channel().register(selector, SelectionKey.OP_READ, w.watcher());
            } catch (IOException | CancelledKeyException | IllegalBlockingModeException e) {
                key = null; // closed meanwhile, or taken back by its owner: nothing to watch
            }
            w.watcher().watched(key);
        }
    }

    private void ready(SelectionKey key) {
        Watcher watcher = (Watcher) key.attachment();
        int ready;
        try {
            ready = key.readyOps();
            key.interestOpsAnd(~ready);
        } catch (CancelledKeyException e) {
            return;
        }
        try {
            if ((ready & SelectionKey.OP_WRITE) != 0) watcher.writable();
            if ((ready & SelectionKey.OP_READ) != 0) watcher.readable();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "a socket's watcher failed", e);
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the socket poller", e);
        }
        thread.interrupt();
    }
}
