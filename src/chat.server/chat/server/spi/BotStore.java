package chat.server.spi;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Bots' settings that survive restarts: per bot, string keys and values. */
public interface BotStore {

    /** Every setting of {@code bot}. */
    Map<String, String> load(String bot);

    /** Inserts or replaces one setting. */
    CompletableFuture<Void> put(String bot, String key, String value);

    CompletableFuture<Void> remove(String bot, String key);
}
