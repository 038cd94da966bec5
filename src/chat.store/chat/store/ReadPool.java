package chat.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A few read-only connections shared by the callers' threads. In WAL mode readers see the last commit and
 * never wait for the writer. A caller that finds none free waits for one (a virtual thread simply parks).
 */
final class ReadPool implements AutoCloseable {

    /** Read connections. */
    static final int SIZE = 4;

    /** A read on one connection. */
    @FunctionalInterface
    interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    private final ArrayBlockingQueue<Connection> free = new ArrayBlockingQueue<>(SIZE);
    private final List<Connection> all = new ArrayList<>(SIZE);

    ReadPool(List<Connection> connections) {
        all.addAll(connections);
        free.addAll(connections);
    }

    <T> T read(Read<T> read) {
        Connection c;
        try {
            c = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting for a read connection", e);
        }
        try {
            return read.apply(c);
        } catch (SQLException e) {
            throw new StoreFailure("store read failed: " + e.getMessage(), e);
        } finally {
            free.add(c);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
