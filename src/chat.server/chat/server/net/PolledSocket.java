package chat.server.net;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import chat.server.spi.Transport;

/**
 * #17: a plain TCP client that has a reader virtual thread while it talks and gives it back when it falls
 * silent. While it talks, its socket is blocking and its reader reads as any virtual thread does (the JDK parks
 * it until input comes). After {@link #IDLE_HANDOVER_MILLIS} without input the reader makes the socket
 * non-blocking, hands it to the {@link SocketPoller} and ends: an idle client holds no thread and no read
 * buffer, only its objects. When input arrives the poller lets go of the socket (cancels its key) and starts a
 * new reader, which makes the socket blocking again. One reader runs at a time.
 *
 * <p>Writes come from the connection's one writer thread. On a blocking socket a full send buffer parks the
 * writer in the JDK; on a watched one the writer parks until the poller sees room. A slow reader still holds
 * back only its own writer.
 */
final class PolledSocket implements Transport, SocketPoller.Watcher, LineReader.Source {

    private static final System.Logger LOG = System.getLogger("chat.server");

    /**
     * How long a reader waits for more input before it gives its thread back. Waking a poller-watched socket
     * costs a select round, two interest changes and a new thread; a talking client stays off that path.
     */
    static final int IDLE_HANDOVER_MILLIS = 1000;
    /** How often a writer looks again while its socket moves between reader and poller (rare and brief). */
    private static final long HANDOVER_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SocketChannel channel;
    private final SocketPoller poller;
    private final InputStream in; // the channel's stream: blocking reads that time out
    private volatile SelectionKey key; // while the poller watches the socket; null while a reader has it
    private Connection connection;
    private LineReader reader;
    private volatile Thread parkedWriter;
    private volatile boolean writable;
    private volatile boolean writing;

    PolledSocket(SocketChannel channel, SocketPoller poller) throws IOException {
        this.channel = channel;
        this.poller = poller;
        this.in = channel.socket().getInputStream();
        channel.socket().setSoTimeout(IDLE_HANDOVER_MILLIS);
    }

    /** Starts reading on behalf of {@code connection}: a new client has its registration to send. */
    void start(Connection connection, int receiveQueueBytes) {
        this.connection = connection;
        this.reader = new LineReader(this, receiveQueueBytes, true);
        connection.pendingInput(reader::pendingBytes);
        Thread.ofVirtual().name("client").start(this::readWhileTalking);
    }

    private void readWhileTalking() {
        try {
            channel.configureBlocking(true);
            while (connection.read(reader)) {
                // Silent for IDLE_HANDOVER_MILLIS; a writer busy on a full buffer keeps the socket blocking.
                if (writing) continue;
                channel.configureBlocking(false);
                poller.watch(channel, this);
                return;
            }
        } catch (IOException e) {
            connection.peerClosed("Connection closed");
        }
    }

    @Override
    public void watched(SelectionKey watchedKey) {
        if (watchedKey == null) {
            connection.peerClosed("Connection closed");
            return;
        }
        key = watchedKey;
        wakeWriter(); // a writer that found the socket between owners may now wait for room
    }

    @Override
    public void readable() {
        SelectionKey k = key;
        key = null;
        if (k != null) k.cancel();
        wakeWriter();
        Thread.ofVirtual().name("client").start(this::readWhileTalking);
    }

    /** Bytes read; 0 when the client was silent for {@link #IDLE_HANDOVER_MILLIS}; -1 at its end. */
    @Override
    public int read(byte[] buf, int offset, int length) throws IOException {
        try {
            return in.read(buf, offset, length);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        writing = true;
        try {
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) awaitWritable();
            }
        } finally {
            writing = false;
        }
    }

    /** A non-blocking write found the send buffer full. */
    private void awaitWritable() throws IOException {
        writable = false;
        parkedWriter = Thread.currentThread();
        try {
            SelectionKey k = key;
            if (k == null) {
                // Between reader and poller: write again shortly (blocking by then, or watched).
                LockSupport.parkNanos(this, HANDOVER_RETRY_NANOS);
            } else if (poller.await(k, SelectionKey.OP_WRITE)) {
                while (!writable && key == k && channel.isOpen()) LockSupport.park(this);
            }
            if (!channel.isOpen()) throw new ClosedChannelException();
        } finally {
            parkedWriter = null;
        }
    }

    @Override
    public void writable() {
        writable = true;
        wakeWriter();
    }

    private void wakeWriter() {
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
        wakeWriter();
    }
}
