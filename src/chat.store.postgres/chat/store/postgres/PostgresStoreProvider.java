package chat.store.postgres;

import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoreProvider;
import java.io.IOException;
import java.util.Set;

/** Opens {@code postgresql://USER@HOST:PORT/DB}: a PostgreSQL database that several servers may share. */
public final class PostgresStoreProvider implements StoreProvider {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("postgresql", "postgres");
    }

    @Override
    public Store open(StoreOptions options) throws IOException {
        return PostgresStore.open(options);
    }
}
