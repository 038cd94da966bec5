package chat.store.jdbc;

import chat.server.spi.BanStore;
import chat.server.spi.ServerBan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Server bans in the {@code bans} table. */
final class JdbcBans implements BanStore {

    private final Writer writer;
    private final Reads reads;
    private final Clock clock;

    JdbcBans(Writer writer, Reads reads, Clock clock) {
        this.writer = writer;
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public List<ServerBan> all() {
        return reads.read(c -> {
            List<ServerBan> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT kind, mask, reason, set_by, set_ms, expires_ms FROM bans "
                    + "WHERE expires_ms = 0 OR expires_ms > ? ORDER BY set_ms, kind, mask")) {
                s.setLong(1, clock.millis());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ServerBan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getLong(6)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Void> add(ServerBan ban) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bans (kind, mask, reason, set_by, set_ms, expires_ms) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, mask) DO UPDATE SET reason = excluded.reason, "
                    + "set_by = excluded.set_by, set_ms = excluded.set_ms, expires_ms = excluded.expires_ms")) {
                s.setString(1, ban.kind());
                s.setString(2, ban.mask());
                s.setString(3, ban.reason());
                s.setString(4, ban.setBy());
                s.setLong(5, ban.setMillis());
                s.setLong(6, ban.expiresMillis());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Boolean> remove(String kind, String mask) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM bans WHERE kind = ? AND mask = ?")) {
                s.setString(1, kind);
                s.setString(2, mask);
                return s.executeUpdate() == 1;
            }
        });
    }
}
