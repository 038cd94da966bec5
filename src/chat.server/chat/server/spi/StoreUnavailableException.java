package chat.server.spi;

import java.io.Serial;

/**
 * The store cannot answer now (its database is unreachable, its disk full or failing). Reads throw it, and the
 * futures of writes complete with it. The server answers the command that needed the store with
 * {@code FAIL <command> TEMPORARILY_UNAVAILABLE} (904 for SASL) and keeps the client connected; the store
 * reconnects on its own.
 */
public final class StoreUnavailableException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
