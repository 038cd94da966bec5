package chat.store.jdbc;

import chat.server.spi.ChannelMask;
import chat.server.spi.ChannelSettings;
import chat.server.spi.ChannelStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Registered channels in {@code channels} and their lists in {@code channel_masks}. */
final class JdbcChannels implements ChannelStore {

    private static final String COLUMNS = "key, name, owner_account, topic, topic_set_by, topic_set_ms, modes, created_ms";

    private final Writer writer;
    private final Reads reads;

    JdbcChannels(Writer writer, Reads reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public List<ChannelSettings> all() {
        return reads.read(c -> {
            List<ChannelSettings> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM channels ORDER BY key");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        });
    }

    @Override
    public Optional<ChannelSettings> find(String key) {
        return reads.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM channels WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public CompletableFuture<Void> save(ChannelSettings ch) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO channels (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET name = excluded.name, "
                    + "owner_account = excluded.owner_account, topic = excluded.topic, topic_set_by = excluded.topic_set_by, "
                    + "topic_set_ms = excluded.topic_set_ms, modes = excluded.modes, created_ms = excluded.created_ms")) {
                s.setString(1, ch.key());
                s.setString(2, ch.name());
                s.setString(3, ch.ownerAccount());
                s.setString(4, ch.topic());
                s.setString(5, ch.topicSetBy());
                s.setLong(6, ch.topicSetMillis());
                s.setString(7, ch.modes());
                s.setLong(8, ch.createdMillis());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM channels WHERE key = ?")) {
                s.setString(1, key);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<ChannelMask> masks(String key) {
        return reads.read(c -> {
            List<ChannelMask> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT list, mask, set_by, set_ms FROM channel_masks WHERE channel = ? ORDER BY set_ms, mask")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.add(new ChannelMask(rs.getString(1).charAt(0), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Boolean> addMask(String key, ChannelMask m) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO channel_masks (channel, list, mask, set_by, set_ms) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, key);
                s.setString(2, String.valueOf(m.list()));
                s.setString(3, m.mask());
                s.setString(4, m.setBy());
                s.setLong(5, m.setMillis());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> removeMask(String key, char list, String mask) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM channel_masks WHERE channel = ? AND list = ? AND mask = ?")) {
                s.setString(1, key);
                s.setString(2, String.valueOf(list));
                s.setString(3, mask);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static ChannelSettings row(ResultSet rs) throws SQLException {
        return new ChannelSettings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getLong(8));
    }
}
