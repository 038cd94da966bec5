package chat.server.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * #17: one thread that watches every plain TCP client socket for the moment it becomes readable (or, for a
 * writer waiting on a full socket buffer, writable), so that an idle client holds no thread. Each readiness
 * fires once: the interest is cleared before the socket's owner hears of it, and the owner asks again
 * ({@link #await}) when it wants to hear once more. The selector is level-triggered, so input that arrives
 * between a reader's last read and its next {@code await} is not missed.
 */
final class SocketPoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("chat.server");

    /** The owner of a watched socket; called on the poller's thread, and must not block. */
    interface Watcher {
        /** The socket has input (or its end): start a reader. */
        void readable();

        /** The socket's send buffer has room again. */
        void writable();
    }

    private final Selector selector;
    private final Thread thread;

    SocketPoller() throws IOException {
        this.selector = Selector.open();
        // A platform thread: a virtual thread blocked in select() would hold its carrier anyway.
        this.thread = Thread.ofPlatform().daemon().name("socket-poller").start(this::run);
    }

    /** Registers a non-blocking socket, watched for nothing until {@link #await} asks. */
    SelectionKey register(SocketChannel channel, Watcher watcher) throws IOException {
        return channel.register(selector, 0, watcher);
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
            }
        } catch (ClosedSelectorException e) {
            // closed: done
        } catch (IOException e) {
            LOG.log(Level.ERROR, "the socket poller failed", e);
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
