package chat.store.jdbc;

import chat.server.spi.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs reads on the caller's thread, each on a connection lent for its duration. */
public abstract class Reads implements AutoCloseable {

    /** A read on one connection. */
    @FunctionalInterface
    public interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    private final StoreHealth health;

    protected Reads(StoreHealth health) {
        this.health = health;
    }

    /** Runs {@code read}; a database that cannot answer is a {@link StoreUnavailableException}. */
    public final <T> T read(Read<T> read) {
        Connection c;
        try {
            c = borrow();
        } catch (SQLException e) {
            health.failed(e);
            throw new StoreUnavailableException("store unavailable: " + e.getMessage(), e);
        }
        try {
            T value = read.apply(c);
            health.succeeded();
            return value;
        } catch (SQLException e) {
            health.failed(e);
            throw new StoreUnavailableException("store read failed: " + e.getMessage(), e);
        } finally {
            giveBack(c);
        }
    }

    /** A connection for one read; blocks (a virtual thread parks) while none is free. */
    protected abstract Connection borrow() throws SQLException;

    protected abstract void giveBack(Connection c);

    @Override
    public abstract void close();
}
