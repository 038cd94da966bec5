package chat.server.bot;

import chat.server.spi.BotSettings;
import chat.server.spi.BotStore;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bot's settings: read from memory, written to memory at once and to the store by {@link #flush} (every few
 * seconds and at shutdown), only the keys changed since, so that a busy bot costs the store little.
 */
final class StoredSettings implements BotSettings {

    private static final System.Logger LOG = System.getLogger("chat.server");
    /** Marks a key removed since the last flush. */
    private static final String REMOVED = "\u0000removed";

    private final String bot;
    private final BotStore store;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, String> changed = new ConcurrentHashMap<>();

    /** Loads {@code bot}'s settings from {@code store}, or starts empty when there is none (null). */
    StoredSettings(String bot, BotStore store) {
        this.bot = bot;
        this.store = store;
        if (store != null) values.putAll(store.load(bot));
    }

    @Override
    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    @Override
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) out.put(k, v);
        });
        return out;
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
        changed.put(key, value);
    }

    @Override
    public void remove(String key) {
        if (values.remove(key) != null) changed.put(key, REMOVED);
    }

    /**
     * Takes the store's settings again, dropping what was not flushed: a network node's bot taking over from
     * another node's, which changed them meanwhile (#12).
     */
    void reload() {
        if (store == null) return;
        Map<String, String> now = store.load(bot);
        changed.clear();
        values.clear();
        values.putAll(now);
    }

    /** Queues what changed since the last flush to the store; never blocks. */
    void flush() {
        if (store == null || changed.isEmpty()) return;
        Map<String, String> batch = new HashMap<>();
        for (String key : changed.keySet()) {
            String v = changed.remove(key);
            if (v != null) batch.put(key, v);
        }
        batch.forEach((key, value) -> {
            var write = value.equals(REMOVED) ? store.remove(bot, key) : store.put(bot, key, value);
            write.whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, "bot " + bot + ": setting " + key + " not saved: " + failure.getMessage());
                    changed.putIfAbsent(key, value); // tried again at the next flush
                }
            });
        });
    }
}
