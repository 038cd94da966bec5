package chat.bots.guard;

import chat.server.spi.BotSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last actions Guard took in each channel, for {@code LOG #chan}; kept in the bot's settings. */
final class ModerationLog {

    /** Entries kept per channel. */
    static final int KEEP = 20;
    private static final String SEPARATOR = "\n";

    private final BotSettings settings;

    ModerationLog(BotSettings settings) {
        this.settings = settings;
    }

    void add(String channel, String entry) {
        List<String> entries = new ArrayList<>(entries(channel));
        entries.add(entry.replace(SEPARATOR, " "));
        while (entries.size() > KEEP) entries.removeFirst();
        settings.put(key(channel), String.join(SEPARATOR, entries));
    }

    List<String> entries(String channel) {
        String all = settings.get(key(channel), "");
        return all.isEmpty() ? List.of() : Arrays.asList(all.split(SEPARATOR));
    }

    private static String key(String channel) {
        return "log." + channel;
    }
}
