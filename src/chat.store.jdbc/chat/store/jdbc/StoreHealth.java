package chat.store.jdbc;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the database answered the last operation. Logs each change of state once (a database down for a
 * minute under traffic is two log lines, not thousands).
 */
public final class StoreHealth {

    private static final System.Logger LOG = System.getLogger("chat.store");

    private final String name;
    private final AtomicBoolean up = new AtomicBoolean(true);

    /** {@code name} says which store in the log lines, e.g. the URL without credentials. */
    public StoreHealth(String name) {
        this.name = name;
    }

    public boolean available() {
        return up.get();
    }

    /** An operation failed: logs the first failure after a success. */
    public void failed(Exception e) {
        if (up.compareAndSet(true, false)) {
            LOG.log(Level.ERROR, "store unavailable (" + name + "): " + e.getMessage()
                    + "; commands that need it answer TEMPORARILY_UNAVAILABLE until it is back");
        }
    }

    /** An operation succeeded: logs the first success after a failure. */
    public void succeeded() {
        if (!up.get() && up.compareAndSet(false, true)) LOG.log(Level.INFO, "store available again (" + name + ")");
    }
}
