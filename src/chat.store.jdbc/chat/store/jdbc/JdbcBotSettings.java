package chat.store.jdbc;

import chat.server.spi.BotStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Bots' settings in the {@code bot_settings} table. */
final class JdbcBotSettings implements BotStore {

    private final Writer writer;
    private final Reads reads;

    JdbcBotSettings(Writer writer, Reads reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public Map<String, String> load(String bot) {
        return reads.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT key, value FROM bot_settings WHERE bot = ? ORDER BY key")) {
                s.setString(1, bot);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Void> put(String bot, String key, String value) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO bot_settings (bot, key, value) VALUES (?, ?, ?) "
                    + "ON CONFLICT (bot, key) DO UPDATE SET value = excluded.value")) {
                s.setString(1, bot);
                s.setString(2, key);
                s.setString(3, value);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> remove(String bot, String key) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM bot_settings WHERE bot = ? AND key = ?")) {
                s.setString(1, bot);
                s.setString(2, key);
                s.executeUpdate();
            }
            return null;
        });
    }
}
