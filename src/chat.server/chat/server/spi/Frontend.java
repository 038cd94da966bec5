package chat.server.spi;

import java.net.InetSocketAddress;
import java.util.Map;

/** A running frontend (an HTTP listener, say); the server closes it when it stops. */
public interface Frontend extends AutoCloseable {

    /** Where it listens, by scheme ({@code http}, {@code https}), with the real ports. */
    Map<String, InetSocketAddress> addresses();

    /** Stops serving; connections it handed to the server are closed by the server itself. */
    @Override
    void close();
}
