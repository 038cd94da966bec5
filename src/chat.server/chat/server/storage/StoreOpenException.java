package chat.server.storage;

import java.io.IOException;
import java.io.Serial;

/** The configured store could not be opened (no module serves its scheme, the database refused, ...). */
public final class StoreOpenException extends IOException {

    @Serial
    private static final long serialVersionUID = 1L;

    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
