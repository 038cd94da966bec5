package chat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens the writer's connection, again after the database dropped it. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
