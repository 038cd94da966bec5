package chat.store;

import chat.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * SQLite's side of the shared JDBC store: the schema as forward-only steps, the version in
 * {@code PRAGMA user_version}. One server owns the file (its lock file), so no locks between servers.
 */
final class SqliteDialect implements Dialect {

    /** Step {@code i} takes the schema from version {@code i} to {@code i + 1}. */
    static final List<List<String>> STEPS = List.of(
            // 1: accounts and history
            List.of("""
                    CREATE TABLE accounts (
                      key TEXT PRIMARY KEY,
                      name TEXT NOT NULL,
                      salt BLOB NOT NULL,
                      iterations INTEGER NOT NULL,
                      stored_key BLOB NOT NULL,
                      server_key BLOB NOT NULL,
                      email TEXT,
                      created_ms INTEGER NOT NULL
                    ) WITHOUT ROWID""", """
                    CREATE TABLE messages (
                      seq INTEGER PRIMARY KEY,
                      msgid TEXT NOT NULL,
                      time_ms INTEGER NOT NULL,
                      conversation TEXT NOT NULL,
                      source TEXT NOT NULL,
                      account TEXT,
                      command TEXT NOT NULL,
                      target TEXT NOT NULL,
                      text TEXT,
                      tags TEXT NOT NULL
                    )""",
                    "CREATE INDEX messages_by_conversation ON messages (conversation, time_ms, seq)",
                    "CREATE INDEX messages_by_msgid ON messages (msgid)",
                    "CREATE INDEX messages_by_time ON messages (time_ms)", """
                    CREATE TABLE parties (
                      party TEXT NOT NULL,
                      conversation TEXT NOT NULL,
                      PRIMARY KEY (party, conversation)
                    ) WITHOUT ROWID"""),
            // 2: channel settings and server bans
            List.of("""
                    CREATE TABLE channels (
                      key TEXT PRIMARY KEY,
                      name TEXT NOT NULL,
                      owner_account TEXT,
                      topic TEXT,
                      topic_set_by TEXT,
                      topic_set_ms INTEGER NOT NULL DEFAULT 0,
                      modes TEXT NOT NULL,
                      created_ms INTEGER NOT NULL
                    ) WITHOUT ROWID""", """
                    CREATE TABLE channel_masks (
                      channel TEXT NOT NULL REFERENCES channels (key) ON DELETE CASCADE,
                      list TEXT NOT NULL,
                      mask TEXT NOT NULL,
                      set_by TEXT,
                      set_ms INTEGER NOT NULL,
                      PRIMARY KEY (channel, list, mask)
                    ) WITHOUT ROWID""", """
                    CREATE TABLE bans (
                      kind TEXT NOT NULL,
                      mask TEXT NOT NULL,
                      reason TEXT,
                      set_by TEXT,
                      set_ms INTEGER NOT NULL,
                      expires_ms INTEGER NOT NULL,
                      PRIMARY KEY (kind, mask)
                    ) WITHOUT ROWID"""),
            // 3 (#14 bots): bots' settings
            List.of("""
                    CREATE TABLE bot_settings (
                      bot TEXT NOT NULL,
                      key TEXT NOT NULL,
                      value TEXT NOT NULL,
                      PRIMARY KEY (bot, key)
                    ) WITHOUT ROWID"""),
            // 4: draft/read-marker positions (#15)
            List.of("""
                    CREATE TABLE read_markers (
                      account TEXT NOT NULL,
                      target TEXT NOT NULL,
                      time_ms INTEGER NOT NULL,
                      PRIMARY KEY (account, target)
                    ) WITHOUT ROWID"""));

    /** The schema version this code writes. */
    static final int CURRENT = STEPS.size();

    @Override
    public List<List<String>> migrations() {
        return STEPS;
    }

    @Override
    public int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Override
    public void setSchemaVersion(Connection c, int version) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = " + version);
        }
    }

    @Override
    public String noLimit() {
        return "-1";
    }

    @Override
    public String greatest() {
        return "max";
    }

    /** #10: SQLite's primary result codes after which it may have rolled back the whole transaction itself. */
    private static final Set<Integer> TRANSACTION_LOST = Set.of(5 /* BUSY */, 7 /* NOMEM */, 8 /* READONLY */,
            10 /* IOERR */, 11 /* CORRUPT */, 13 /* FULL */, 14 /* CANTOPEN */, 26 /* NOTADB */);

    @Override
    public boolean transactionLost(Exception e) {
        return e instanceof SQLException sql && TRANSACTION_LOST.contains(sql.getErrorCode() & 0xFF);
    }
}
