package chat.server.net;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;
import chat.server.spi.Transport;

/**
 * #17: a plain TCP client on a non-blocking socket watched by the {@link SocketPoller} from the moment it is accepted.
 * The poller reads (#9), the client's first lines too: it puts what it read into the client's {@link Inbox} and
 * starts a reader only when none runs; the reader hands every line to the connection and ends when the inbox is
 * empty. An idle client therefore holds no thread and no read buffer, only its objects, and a message costs one
 * read, with no second read to find the socket empty and no change of what the poller watches; a client whose reader
 * falls behind is no longer read until it catches up.
 *
 * <p>Writes come from the connection's one writer thread; when the send buffer is full the writer parks until
 * the poller sees room, so a slow reader still holds back only its own writer. A fan-out's shared writer writes
 * without waiting ({@link #writeNow}) and leaves a full socket to a writer of its own.
 */
final class PolledSocket
        implements Transport, OutboundQueue.NonBlockingWrites, SocketPoller.Watcher, LineReader.Source {

    private static final System.Logger LOG = System.getLogger("chat.server");

    private final SocketChannel channel;
    private final SocketPoller poller;
    private final InputStream available;
    private final Inbox inbox = new Inbox(this::stopReading);
    private final SelectionKey key;
    private Connection connection;
    private LineReader reader;
    private volatile Thread parkedWriter;
    private volatile boolean writable;

    PolledSocket(SocketChannel channel, SocketPoller poller) throws IOException {
        this.channel = channel;
        this.poller = poller;
        // The adaptor's available() asks the kernel how much is queued, in either blocking mode.
        this.available = channel.socket().getInputStream();
        channel.configureBlocking(false);
        // Watched for nothing yet: writes may come before start() (a writer then waits for room through the key).
        this.key = poller.register(channel, this);
    }

    /** Starts watching for input on behalf of {@code connection}. */
    void start(Connection connection, int receiveQueueBytes) throws IOException {
        this.connection = connection;
        this.reader = new LineReader(this, receiveQueueBytes, true);
        connection.pendingInput(reader::pendingBytes);
        if (!poller.await(key, SelectionKey.OP_READ)) throw new ClosedChannelException();
    }

    @Override
    public void readable(ByteBuffer scratch) {
        try {
            scratch.clear();
            int n = channel.read(scratch);
            if (n == 0) return;
            if (n > 0) {
                byte[] bytes = new byte[n];
                scratch.get(0, bytes);
                inbox.received(bytes);
            } else {
                stopReading();
                inbox.ended(null);
            }
        } catch (IOException e) {
            stopReading();
            inbox.ended(e);
        }
        if (inbox.claim()) Thread.ofVirtual().name("client").start(this::readInbox);
    }

    private void stopReading() {
        poller.pause(key, SelectionKey.OP_READ);
    }

    // Runs while the inbox holds claimed input; a connection that stops reading (closing, gone) keeps the claim, so
    // no reader starts for it again.
    private void readInbox() {
        do {
            if (!connection.read(reader)) return;
            if (inbox.rearm() && !poller.await(key, SelectionKey.OP_READ)) {
                connection.peerClosed("Connection closed");
                return;
            }
        } while (inbox.release());
    }

    @Override
    public int read(byte[] buf, int offset, int length) throws IOException {
        return inbox.read(buf, offset, length);
    }

    @Override
    public int available() throws IOException {
        return inbox.available() + available.available();
    }

    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) awaitWritable();
        }
    }

    @Override
    public int writeNow(byte[] bytes, int offset, int length) throws IOException {
        return channel.write(ByteBuffer.wrap(bytes, offset, length));
    }

    private void awaitWritable() throws IOException {
        writable = false;
        parkedWriter = Thread.currentThread();
        try {
            if (!poller.await(key, SelectionKey.OP_WRITE)) throw new ClosedChannelException();
            while (!writable && channel.isOpen()) LockSupport.park(this);
            if (!channel.isOpen()) throw new ClosedChannelException();
        } finally {
            parkedWriter = null;
        }
    }

    @Override
    public void writable() {
        writable = true;
        Thread writer = parkedWriter;
        if (writer != null) LockSupport.unpark(writer);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a client socket", e);
        }
        Thread writer = parkedWriter;
        if (writer != null) LockSupport.unpark(writer);
    }
}
