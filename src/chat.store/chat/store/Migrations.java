package chat.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as forward-only steps. {@code PRAGMA user_version} holds the number of steps applied; each
 * step runs in its own transaction, so a crash mid-migration leaves the previous version intact. Never edit
 * a released step: add one.
 */
final class Migrations {

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

    private Migrations() {
    }

    /** Brings the database up to {@link #CURRENT}; refuses a database from a newer version. */
    static void apply(Connection c) throws SQLException {
        int version = version(c);
        if (version > CURRENT) {
            throw new SQLException("the database has schema version " + version + ", newer than this server's "
                    + CURRENT + ": upgrade the server");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = version; v < CURRENT; v++) {
                try (Statement s = c.createStatement()) {
                    for (String sql : STEPS.get(v)) s.executeUpdate(sql);
                    s.executeUpdate("PRAGMA user_version = " + (v + 1));
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("migration to schema version " + (v + 1) + " failed: " + e.getMessage(), e);
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
