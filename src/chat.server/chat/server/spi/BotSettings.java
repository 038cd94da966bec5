package chat.server.spi;

import java.util.Map;

/**
 * One bot's persistent settings: string keys and values, e.g. {@code enabled.#lobby = true}. Reads come from
 * memory; writes are queued to the store and never block the bot.
 */
public interface BotSettings {

    /** The value, or {@code fallback} when the key is unset. */
    String get(String key, String fallback);

    /** Every key starting with {@code prefix}, with its value. */
    Map<String, String> withPrefix(String prefix);

    void put(String key, String value);

    void remove(String key);
}
