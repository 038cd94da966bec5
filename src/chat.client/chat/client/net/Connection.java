package chat.client.net;

import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.protocol.ParseResult;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The TCP connection to the server. One thread reads ({@link #read}); any thread may {@link #send}, and
 * whole lines go out one at a time under the write lock.
 */
public final class Connection implements Closeable {

    /** How long to wait for the server to accept the connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int READ_BUFFER_BYTES = 8192;

    private final Socket socket;
    private final LineReader reader; // the reader thread only
    private final ReentrantLock writeLock = new ReentrantLock();
    private final OutputStream out; // guarded by writeLock

    private Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.reader = new LineReader(new BufferedInputStream(socket.getInputStream(), READ_BUFFER_BYTES));
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code host:port}. */
    public static Connection open(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return new Connection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The next line from the server, or null when the server closed the connection. */
    public ParseResult read() throws IOException {
        return reader.next();
    }

    /** Writes one message as one line. */
    public void send(IrcMessage message) throws IOException {
        byte[] line = LineWriter.encode(message);
        writeLock.lock();
        try {
            out.write(line);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Closes the socket; a blocked {@link #read} then fails. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
