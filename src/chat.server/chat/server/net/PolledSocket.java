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
 * #17: a plain TCP client on a non-blocking socket watched by the {@link SocketPoller}. A reader virtual thread is
 * started when the client is accepted and whenever input arrives later; it hands every line to the connection, and
 * ends when the socket has nothing more, after asking the poller to watch again. An idle client therefore holds no
 * thread and no read buffer, only its objects; a client with work to do has its thread, as before. One reader runs
 * at a time: the next is started only after the previous one asked to be woken.
 *
 * <p>Writes come from the connection's one writer thread; when the send buffer is full the writer parks until
 * the poller sees room, so a slow reader still holds back only its own writer.
 */
final class PolledSocket implements Transport, SocketPoller.Watcher, LineReader.Source {

    private static final System.Logger LOG = System.getLogger("chat.server");

    private final SocketChannel channel;
    private final SocketPoller poller;
    private final InputStream available;
    private volatile SelectionKey key; // set once by start()
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
    }

    /** Starts reading on behalf of {@code connection}, then watching for more input. */
    void start(Connection connection, int receiveQueueBytes) throws IOException {
        this.connection = connection;
        this.reader = new LineReader(this, receiveQueueBytes, true);
        connection.pendingInput(reader::pendingBytes);
        this.key = poller.register(channel, this);
        // #17: a client's first lines (NICK, USER) are often there by the time it is accepted: a reader reads them at
        // once, and asks the poller only when the socket is dry, instead of a selector wake-up and a round through
        // the poller's thread (with an epoll_ctl to watch and one to stop) before every first read.
        readable();
    }

    @Override
    public void readable() {
        Thread.ofVirtual().name("client").start(this::readNow);
    }

    private void readNow() {
        if (connection.read(reader) && !poller.await(key, SelectionKey.OP_READ)) {
            connection.peerClosed("Connection closed");
        }
    }

    @Override
    public int read(byte[] buf, int offset, int length) throws IOException {
        return channel.read(ByteBuffer.wrap(buf, offset, length));
    }

    @Override
    public int available() throws IOException {
        return available.available();
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
