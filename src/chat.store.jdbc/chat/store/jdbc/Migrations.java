package chat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a database's schema up to the dialect's latest version with forward-only steps, each in its own
 * transaction (a crash mid-migration leaves the previous version intact), under the dialect's schema lock so
 * that servers starting together migrate once.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Applies the missing steps; refuses a database from a newer version. */
    public static void apply(Connection c, Dialect dialect) throws SQLException {
        List<List<String>> steps = dialect.migrations();
        boolean auto = c.getAutoCommit();
        dialect.lockSchema(c);
        try {
            c.setAutoCommit(false);
            int version = dialect.schemaVersion(c);
            c.commit();
            if (version > steps.size()) {
                throw new SQLException("the database has schema version " + version + ", newer than this server's "
                        + steps.size() + ": upgrade the server");
            }
            for (int v = version; v < steps.size(); v++) {
                try (Statement s = c.createStatement()) {
                    for (String sql : steps.get(v)) s.executeUpdate(sql);
                    dialect.setSchemaVersion(c, v + 1);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("migration to schema version " + (v + 1) + " failed: " + e.getMessage(), e);
                }
            }
        } finally {
            c.setAutoCommit(auto);
            dialect.unlockSchema(c);
        }
    }
}
