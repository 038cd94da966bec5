package chat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the databases a {@link JdbcStore} runs on: the schema's steps, where the schema
 * version is kept, how concurrent servers are kept from migrating or expiring at once, and a little syntax.
 */
public interface Dialect {

    /** Step {@code i} takes the schema from version {@code i} to {@code i + 1}. Never edit a released step: add one. */
    List<List<String>> migrations();

    /** The number of steps applied (0 for an empty database). */
    int schemaVersion(Connection c) throws SQLException;

    /** Records the version, in the step's transaction. */
    void setSchemaVersion(Connection c, int version) throws SQLException;

    /** Keeps other servers from migrating until {@link #unlockSchema}; nothing where one server owns the file. */
    default void lockSchema(Connection c) throws SQLException {
    }

    default void unlockSchema(Connection c) throws SQLException {
    }

    /**
     * Whether this server may run retention now, in the writer's open transaction: false while another
     * server on the same database does (so it runs once).
     */
    default boolean tryRetentionLock(Connection c) throws SQLException {
        return true;
    }

    /**
     * Whether, after {@code e}, the database may have rolled back the whole transaction by itself (SQLite after
     * a full disk or an I/O error), so that neither a savepoint nor a commit can be trusted on this connection.
     */
    default boolean transactionLost(Exception e) {
        return false;
    }

    /** The LIMIT clause's "no limit", needed before an OFFSET. */
    String noLimit();

    /** The function that returns the greatest of its arguments. */
    String greatest();
}
