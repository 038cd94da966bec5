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
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
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

    /** Connects to {@code host:port} in plain text. */
    public static Connection open(String host, int port) throws IOException {
        return open(host, port, Transport.PLAIN);
    }

    /** Connects to {@code host:port}; with TLS the handshake is done before this returns. */
    public static Connection open(String host, int port, Transport transport) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            if (transport == Transport.PLAIN) return new Connection(socket);
            SSLSocket tls = (SSLSocket) TlsSockets.factory(transport).createSocket(socket, host, port, true);
            if (transport == Transport.TLS) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
            }
            tls.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            tls.setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
            tls.startHandshake();
            tls.setSoTimeout(0);
            return new Connection(tls);
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
