package chat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Reads on connections lent by a pool (a database server: the pool reconnects after an outage). */
public final class PooledReads extends Reads {

    private final DataSource pool;

    public PooledReads(DataSource pool, StoreHealth health) {
        super(health);
        this.pool = pool;
    }

    @Override
    protected Connection borrow() throws SQLException {
        return pool.getConnection();
    }

    @Override
    protected void giveBack(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the pool drops a broken connection on its own
        }
    }

    /** The pool belongs to the store, which closes it. */
    @Override
    public void close() {
    }
}
