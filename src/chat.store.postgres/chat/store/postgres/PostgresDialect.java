package chat.store.postgres;

import chat.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL's side of the shared JDBC store: the schema (the same tables and steps as SQLite's, in
 * PostgreSQL's types), its version in {@code schema_version} (one row per step applied), and advisory locks
 * so that servers sharing the database migrate once and run retention once.
 */
final class PostgresDialect implements Dialect {

    /** Advisory lock keys ("chat" and a number), held by the server migrating and the one expiring history. */
    static final long SCHEMA_LOCK = 0x6368_6174_0001L;
    static final long RETENTION_LOCK = 0x6368_6174_0002L;

    /** Step {@code i} takes the schema from version {@code i} to {@code i + 1}; the steps follow SQLite's. */
    static final List<List<String>> STEPS = List.of(
            // 1: accounts and history
            List.of("""
                    CREATE TABLE accounts (
                      key TEXT PRIMARY KEY,
                      name TEXT NOT NULL,
                      salt BYTEA NOT NULL,
                      iterations INTEGER NOT NULL,
                      stored_key BYTEA NOT NULL,
                      server_key BYTEA NOT NULL,
                      email TEXT,
                      created_ms BIGINT NOT NULL
                    )""", """
                    CREATE TABLE messages (
                      seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      msgid TEXT NOT NULL,
                      time_ms BIGINT NOT NULL,
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
                    )"""),
            // 2: channel settings and server bans
            List.of("""
                    CREATE TABLE channels (
                      key TEXT PRIMARY KEY,
                      name TEXT NOT NULL,
                      owner_account TEXT,
                      topic TEXT,
                      topic_set_by TEXT,
                      topic_set_ms BIGINT NOT NULL DEFAULT 0,
                      modes TEXT NOT NULL,
                      created_ms BIGINT NOT NULL
                    )""", """
                    CREATE TABLE channel_masks (
                      channel TEXT NOT NULL REFERENCES channels (key) ON DELETE CASCADE,
                      list TEXT NOT NULL,
                      mask TEXT NOT NULL,
                      set_by TEXT,
                      set_ms BIGINT NOT NULL,
                      PRIMARY KEY (channel, list, mask)
                    )""", """
                    CREATE TABLE bans (
                      kind TEXT NOT NULL,
                      mask TEXT NOT NULL,
                      reason TEXT,
                      set_by TEXT,
                      set_ms BIGINT NOT NULL,
                      expires_ms BIGINT NOT NULL,
                      PRIMARY KEY (kind, mask)
                    )"""),
            // 3 (#14 bots): bots' settings
            List.of("""
                    CREATE TABLE bot_settings (
                      bot TEXT NOT NULL,
                      key TEXT NOT NULL,
                      value TEXT NOT NULL,
                      PRIMARY KEY (bot, key)
                    )"""),
            // 4: draft/read-marker positions (#15)
            List.of("""
                    CREATE TABLE read_markers (
                      account TEXT NOT NULL,
                      target TEXT NOT NULL,
                      time_ms BIGINT NOT NULL,
                      PRIMARY KEY (account, target)
                    )"""));

    @Override
    public List<List<String>> migrations() {
        return STEPS;
    }

    @Override
    public int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_ms BIGINT NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    @Override
    public void setSchemaVersion(Connection c, int version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO schema_version (version, applied_ms) VALUES (?, ?)")) {
            s.setInt(1, version);
            s.setLong(2, System.currentTimeMillis());
            s.executeUpdate();
        }
    }

    @Override
    public void lockSchema(Connection c) throws SQLException {
        advisory(c, "SELECT pg_advisory_lock(?)::text", SCHEMA_LOCK);
    }

    @Override
    public void unlockSchema(Connection c) throws SQLException {
        advisory(c, "SELECT pg_advisory_unlock(?)::text", SCHEMA_LOCK);
    }

    @Override
    public boolean tryRetentionLock(Connection c) throws SQLException {
        return "true".equals(advisory(c, "SELECT pg_try_advisory_xact_lock(?)::text", RETENTION_LOCK));
    }

    private static String advisory(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public String noLimit() {
        return "ALL";
    }

    @Override
    public String greatest() {
        return "GREATEST";
    }
}
