package chat.store;

import chat.server.spi.StoreOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Deletes history by age and by count per conversation. Runs on the writer thread only: the conversations
 * written since the last run are the only ones whose count can have grown past the limit.
 */
final class Retention {

    private final StoreOptions options;
    // confined to the writer thread
    private final Set<String> touched = new HashSet<>();

    Retention(StoreOptions options) {
        this.options = options;
    }

    /** Notes a conversation that got a message (writer thread). */
    void touched(String conversation) {
        if (options.historyMaxPerTarget() > 0) touched.add(conversation);
    }

    /** Deletes what is past the limits, in the writer's open transaction; returns the rows deleted. */
    int apply(Connection c) throws SQLException {
        int deleted = 0;
        if (!options.historyMaxAge().isZero()) {
            long cutoff = options.clock().millis() - options.historyMaxAge().toMillis();
            try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE time_ms < ?")) {
                s.setLong(1, cutoff);
                deleted += s.executeUpdate();
            }
        }
        if (options.historyMaxPerTarget() > 0 && !touched.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM messages WHERE conversation = ?1 AND seq IN (
                      SELECT seq FROM messages WHERE conversation = ?1 ORDER BY time_ms DESC, seq DESC
                      LIMIT -1 OFFSET ?2)""")) {
                for (String conversation : touched) {
                    s.setString(1, conversation);
                    s.setInt(2, options.historyMaxPerTarget());
                    deleted += s.executeUpdate();
                }
            }
            touched.clear();
        }
        return deleted;
    }

    /** The periodic run. */
    void run(Connection c) {
        try {
            apply(c);
        } catch (SQLException e) {
            throw new StoreFailure("history retention failed: " + e.getMessage(), e);
        }
    }
}
