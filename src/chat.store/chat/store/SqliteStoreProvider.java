package chat.store;

import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoreProvider;
import java.io.IOException;
import java.util.Set;

/** Opens {@code sqlite:PATH}: one SQLite database file (created with its directory if missing). */
public final class SqliteStoreProvider implements StoreProvider {

    /** The database file's name inside the data directory, for {@code --store sqlite}. */
    public static final String FILE_NAME = "chat.db";

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("sqlite");
    }

    @Override
    public Store open(StoreOptions options) throws IOException {
        return SqliteStore.open(options);
    }
}
