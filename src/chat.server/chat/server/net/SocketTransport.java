package chat.server.net;

import chat.server.spi.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;

/** A TCP or TLS socket as a transport: lines are written as they are, CR LF included. */
final class SocketTransport implements Transport {

    private static final System.Logger LOG = System.getLogger("chat.server");

    private final Socket socket;
    private final OutputStream out;
    private final String kind;

    SocketTransport(Socket socket, boolean tls) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.kind = tls ? "tls" : "tcp";
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a client socket", e);
        }
    }
}
