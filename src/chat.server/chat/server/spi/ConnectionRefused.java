package chat.server.spi;

/** The server would not take a connection (a D-line, the deny list, a per-address or global limit). */
public final class ConnectionRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason the text an IRC client would get in {@code ERROR :...} */
    public ConnectionRefused(String reason) {
        super(reason);
    }
}
