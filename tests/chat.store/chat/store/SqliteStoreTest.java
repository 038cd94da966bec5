package chat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoredMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite store does; what every store does is in the e2e store contract (StoreContract). */
class SqliteStoreTest {

    @TempDir
    Path dir;

    private Store open(Duration maxAge, int maxPerTarget, Clock clock) throws IOException {
        return new SqliteStoreProvider().open(new StoreOptions("sqlite:" + dir.resolve("chat.db"), null, false, maxAge, maxPerTarget, clock));
    }

    private Store open() throws IOException {
        return open(Duration.ZERO, 0, Clock.systemUTC());
    }

    private static StoredMessage message(String conversation, String msgid, long time, String text) {
        return new StoredMessage(0, msgid, time, conversation, "alice!~alice@127.0.0.1", "alice", "PRIVMSG",
                conversation, text, Map.of());
    }

    @Test
    void createsTheSchemaInWalModeAndMigratesAnOlderDatabase() throws Exception {
        Path file = dir.resolve("chat.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : SqliteDialect.STEPS.get(0)) s.executeUpdate(sql);
            s.executeUpdate("PRAGMA user_version = 1");
        }
        try (Store store = open()) {
            assertThat(store.channels().all()).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(new SqliteDialect().schemaVersion(c)).isEqualTo(SqliteDialect.CURRENT);
            try (var rs = s.executeQuery("SELECT count(*) FROM bot_settings")) {
                assertThat(rs.next()).isTrue();
            }
            try (var rs = s.executeQuery("SELECT count(*) FROM read_markers")) {
                assertThat(rs.next()).isTrue();
            }
            try (var rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
        }
    }

    @Test
    void refusesADatabaseFromANewerVersionAndASecondServerOnTheSameDirectory() throws Exception {
        try (Store store = open()) {
            assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("another server");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("chat.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = 99");
        }
        assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("newer");
    }

    @Test
    void backupWritesAConsistentCopyWhileOpen() throws Exception {
        Path copy = dir.resolve("backup.db");
        try (Store store = open()) {
            store.history().append(message("#c", "m", 1, "kept"), List.of()).get();
            store.backup(copy).get();
        }
        assertThat(Files.size(copy)).isPositive();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT text FROM messages")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }
}
