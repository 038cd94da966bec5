package chat.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite ({@code chat.store}). */
class SqliteStoreContractTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    String freshUrl() {
        return "sqlite:" + dir.resolve("chat.db");
    }

    @Override
    String password() {
        return null;
    }
}
