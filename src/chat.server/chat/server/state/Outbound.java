package chat.server.state;

/**
 * Where lines for one client go. Implementations never block the caller: a client that cannot keep up is
 * disconnected instead (its send queue overflows).
 */
public interface Outbound {

    /** Queues wire bytes (one or more CRLF-terminated lines); false if the client is gone or was just dropped. */
    boolean send(byte[] lines);

    /**
     * Queues wire bytes as one of a fan-out's many sends: a writer the client's queue would start may be left to
     * the fan-out's {@code shares} (#17).
     */
    default boolean send(byte[] lines, WriterShares shares) {
        return send(lines);
    }

    /** Sends {@code ERROR :reason}, then closes once that is written (or soon after, if the client does not read). */
    void close(String reason);
}
