package chat.server.spi;

/**
 * The server's side of a connection another module accepted: the transport hands it what the client sends.
 * Both methods return at once; the server reads the queued lines on its own thread, with the same flood control,
 * receive limit, registration and commands as a TCP client.
 */
public interface InboundLink {

    /** One line as received, without CR or LF. */
    void received(byte[] line);

    /** The peer closed the connection or it failed; {@code reason} is what other users see in the QUIT. */
    void closed(String reason);
}
