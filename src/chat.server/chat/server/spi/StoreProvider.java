package chat.server.spi;

import java.io.IOException;
import java.util.Set;

/**
 * Opens a {@link Store}. Found with {@link java.util.ServiceLoader}, one per store technology; the server picks
 * the provider whose {@link #schemes} hold the store URL's scheme, never by the order providers are found.
 */
public interface StoreProvider {

    /** A short name for logs, e.g. {@code sqlite}. */
    String name();

    /** The URL schemes this provider opens, in lower case, e.g. {@code sqlite} or {@code postgresql}. */
    Set<String> schemes();

    /** Opens (creating and migrating as needed) the store these options describe. */
    Store open(StoreOptions options) throws IOException;
}
