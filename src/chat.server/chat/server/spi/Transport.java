package chat.server.spi;

import java.io.IOException;

/**
 * The wire under a client connection that another module accepted (a WebSocket): the server writes its lines
 * through it and closes it. The server calls {@link #write} from one writer thread at a time.
 */
public interface Transport {

    /** How the connection is counted in metrics and STATS, e.g. {@code websocket}. */
    String kind();

    /**
     * Sends {@code length} bytes of whole lines, each ending in CR LF; may block while the peer reads.
     *
     * @throws IOException when the peer is gone (the server then drops the client)
     */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Closes the connection; called once, after the last write. */
    void close();
}
