package chat.store;

import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoreProvider;
import java.io.IOException;

/** Opens {@code chat.db} in the data directory with SQLite. */
public final class SqliteStoreProvider implements StoreProvider {

    /** The database file's name inside the data directory. */
    public static final String FILE_NAME = "chat.db";

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Store open(StoreOptions options) throws IOException {
        return SqliteStore.open(options);
    }
}
