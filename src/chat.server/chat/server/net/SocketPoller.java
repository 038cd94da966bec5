package chat.server.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * #17: one thread that watches every plain TCP client socket for input (or, for a writer waiting on a full socket
 * buffer, for room), so that an idle client holds no thread. #9: input is read here, one non-blocking read per
 * readiness into the poller's scratch buffer, and the watcher keeps the bytes; a socket stays watched for input
 * while its owner wants it ({@link #pause} and {@link #await}). Writability fires once: that interest is cleared
 * before the owner hears of it, and the owner asks again when it wants to hear once more. The selector is
 * level-triggered, so input that arrives while a socket is not watched is found when it is watched again.
 */
final class SocketPoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("chat.server");

    /** Bytes of the poller's one read buffer: at most this much is read from one socket per readiness. */
    static final int READ_BYTES = 64 * 1024;

    /** The owner of a watched socket; called on the poller's thread, and must not block. */
    interface Watcher {
        /** The socket has input (or its end): read it once into {@code scratch}, and keep what was read. */
        void readable(ByteBuffer scratch);

        /** The socket's send buffer has room again. */
        void writable();
    }

    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(READ_BYTES); // confined to the poller's thread

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
     * Asks to hear when the socket becomes ready for {@code op}: once for OP_WRITE, until {@link #pause} for OP_READ;
     * false when the socket is closed (its key cancelled).
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

    /** Stops watching the socket for {@code op} until {@link #await} asks again; on the poller's thread only. */
    void pause(SelectionKey key, int op) {
        try {
            key.interestOpsAnd(~op);
        } catch (CancelledKeyException e) {
            // closed: nothing to watch
        }
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
            if ((ready & SelectionKey.OP_WRITE) != 0) key.interestOpsAnd(~SelectionKey.OP_WRITE);
        } catch (CancelledKeyException e) {
            return;
        }
        try {
            if ((ready & SelectionKey.OP_WRITE) != 0) watcher.writable();
            if ((ready & SelectionKey.OP_READ) != 0) watcher.readable(scratch);
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
