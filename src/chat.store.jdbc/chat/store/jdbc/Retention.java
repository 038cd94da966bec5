package chat.store.jdbc;

import chat.server.spi.StoreOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Deletes history by age and by count per conversation. Runs on the writer thread only: the conversations
 * written since the last run are the only ones whose count can have grown past the limit. Where several
 * servers share the database, the one holding the dialect's retention lock runs it; the others skip.
 */
final class Retention {

    private final StoreOptions options;
    private final Dialect dialect;
    // confined to the writer thread
    private final Set<String> touched = new HashSet<>();

    Retention(StoreOptions options, Dialect dialect) {
        this.options = options;
        this.dialect = dialect;
    }

    /** Notes a conversation that got a message (writer thread). */
    void touched(String conversation) {
        if (options.historyMaxPerTarget() > 0) touched.add(conversation);
    }

    /** Deletes what is past the limits, in the writer's open transaction; returns the rows deleted. */
    int apply(Connection c) throws SQLException {
        if (!dialect.tryRetentionLock(c)) return 0;
        int deleted = 0;
        if (!options.historyMaxAge().isZero()) {
            long cutoff = options.clock().millis() - options.historyMaxAge().toMillis();
            try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE time_ms < ?")) {
                s.setLong(1, cutoff);
                deleted += s.executeUpdate();
            }
        }
        if (options.historyMaxPerTarget() > 0 && !touched.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE conversation = ? AND seq IN ("
                    + "SELECT seq FROM messages WHERE conversation = ? ORDER BY time_ms DESC, seq DESC "
                    + "LIMIT " + dialect.noLimit() + " OFFSET ?)")) {
                for (String conversation : touched) {
                    s.setString(1, conversation);
                    s.setString(2, conversation);
                    s.setInt(3, options.historyMaxPerTarget());
                    deleted += s.executeUpdate();
                }
            }
            touched.clear();
        }
        return deleted;
    }
}
