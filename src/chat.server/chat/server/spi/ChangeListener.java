package chat.server.spi;

import chat.server.change.Change;

/**
 * Hears of every change the registry made, after its lock was released and after the change was delivered to
 * the clients that must see it. A module provides one with {@code provides chat.server.spi.ChangeListener}
 * (found with {@link java.util.ServiceLoader} at start), or the server registers one itself (registered
 * channels, history). Listeners run on the thread that made the change, one after another: they must not
 * block; a write to a store or a broker is queued, never awaited. A listener that throws is logged and the
 * others still run.
 */
@FunctionalInterface
public interface ChangeListener {

    /** Called once for each change, in the order the registry made them on one thread. */
    void changed(Change change);
}
