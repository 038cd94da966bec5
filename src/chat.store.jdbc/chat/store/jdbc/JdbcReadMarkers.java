package chat.store.jdbc;

import chat.server.spi.ReadMarkerStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** draft/read-marker positions in the {@code read_markers} table. */
final class JdbcReadMarkers implements ReadMarkerStore {

    private final Writer writer;
    private final Reads reads;
    private final Dialect dialect;

    JdbcReadMarkers(Writer writer, Reads reads, Dialect dialect) {
        this.writer = writer;
        this.dialect = dialect;
        this.reads = reads;
    }

    @Override
    public OptionalLong find(String account, String target) {
        return reads.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT time_ms FROM read_markers WHERE account = ? AND target = ?")) {
                s.setString(1, account);
                s.setString(2, target);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    @Override
    public CompletableFuture<Void> raise(String account, String target, long timeMillis) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO read_markers (account, target, time_ms) VALUES (?, ?, ?) "
                    + "ON CONFLICT (account, target) DO UPDATE SET time_ms = " + dialect.greatest()
                    + "(read_markers.time_ms, excluded.time_ms)")) {
                s.setString(1, account);
                s.setString(2, target);
                s.setLong(3, timeMillis);
                s.executeUpdate();
            }
            return null;
        });
    }
}
