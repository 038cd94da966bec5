package chat.server.spi;

import java.io.IOException;

/**
 * A module that serves the server to more than IRC clients on TCP: the web module's HTTP listener, with its
 * WebSocket transport, web client, {@code /metrics} and {@code /status}. Found with {@link java.util.ServiceLoader};
 * every provider present is started once the IRC listener is up.
 */
public interface FrontendProvider {

    /**
     * Starts serving, or returns null when the configuration turns this frontend off.
     *
     * @throws IOException when it cannot listen (the server then does not start)
     */
    Frontend start(FrontendContext server) throws IOException;
}
