package chat.server.spi;

import java.io.IOException;

/** Opens a {@link Store}. Found with {@link java.util.ServiceLoader}; one per store technology. */
public interface StoreProvider {

    /** A short name for logs and the {@code --store} option, e.g. {@code sqlite}. */
    String name();

    /** Opens (creating and migrating as needed) the store these options describe. */
    Store open(StoreOptions options) throws IOException;
}
