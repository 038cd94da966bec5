package chat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A few connections opened once and shared by the callers' threads (SQLite: in WAL mode readers see the last
 * commit and never wait for the writer). A caller that finds none free waits for one (a virtual thread simply
 * parks).
 */
public final class ReadPool extends Reads {

    private final ArrayBlockingQueue<Connection> free;
    private final List<Connection> all;

    public ReadPool(List<Connection> connections, StoreHealth health) {
        super(health);
        this.all = new ArrayList<>(connections);
        this.free = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    @Override
    protected Connection borrow() throws SQLException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a read connection", e);
        }
    }

    @Override
    protected void giveBack(Connection c) {
        free.add(c);
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
