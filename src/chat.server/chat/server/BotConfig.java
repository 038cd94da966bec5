package chat.server;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which built-in bots run ({@code --bots}: {@code all}, {@code none}, or names) and their {@code bot.NAME.KEY}
 * settings from the config file (#14).
 *
 * @param enabled  the names of the bots to run, in lower case; null: every bot found
 * @param settings each bot's settings by lower-case name, keys without the {@code bot.NAME.} prefix
 */
public record BotConfig(Set<String> enabled, Map<String, Map<String, String>> settings) {

    private static final String PREFIX = "bot.";

    public BotConfig {
        enabled = enabled == null ? null : Set.copyOf(enabled);
        Map<String, Map<String, String>> copy = new HashMap<>();
        settings.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), Map.copyOf(values)));
        settings = Map.copyOf(copy);
    }

    /** Every bot found, with its built-in settings. */
    public static BotConfig all() {
        return new BotConfig(null, Map.of());
    }

    /** No bot. */
    public static BotConfig none() {
        return new BotConfig(Set.of(), Map.of());
    }

    /** {@code --bots} text: {@code all}, {@code none}, or comma-separated names. */
    public static Set<String> parseEnabled(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("all")) return null;
        Set<String> names = new TreeSet<>();
        if (t.equals("none") || t.isEmpty()) return names;
        for (String name : t.split("[,\\s]+")) {
            if (!name.matches("[a-z0-9_\\-\\[\\]\\\\`^{}|]+")) throw new IllegalArgumentException("not a bot name: " + name);
            names.add(name);
        }
        return names;
    }

    /** The {@code bot.NAME.KEY = value} entries of a config file, by bot. */
    public static Map<String, Map<String, String>> settingsFrom(Properties p) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(PREFIX)) continue;
            int dot = key.indexOf('.', PREFIX.length());
            if (dot < 0 || dot == key.length() - 1) {
                throw new IllegalArgumentException(key + ": bot keys are bot.NAME.SETTING, e.g. bot.Guard.channels");
            }
            String name = key.substring(PREFIX.length(), dot).toLowerCase(Locale.ROOT);
            out.computeIfAbsent(name, n -> new HashMap<>()).put(key.substring(dot + 1), p.getProperty(key).strip());
        }
        return out;
    }

    /** Whether the bot called {@code name} runs. */
    public boolean runs(String name) {
        return enabled == null || enabled.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The settings of the bot called {@code name} (empty when there are none). */
    public Map<String, String> settingsOf(String name) {
        return settings.getOrDefault(name.toLowerCase(Locale.ROOT), Map.of());
    }

    public BotConfig withEnabled(Set<String> names) {
        return new BotConfig(names, settings);
    }

    /** The same with one setting of one bot changed. */
    public BotConfig with(String bot, String key, String value) {
        Map<String, Map<String, String>> copy = new HashMap<>(settings);
        Map<String, String> values = new HashMap<>(settingsOf(bot));
        values.put(key, value);
        copy.put(bot.toLowerCase(Locale.ROOT), values);
        return new BotConfig(enabled, copy);
    }
}
