package chat.bots.guard;

import chat.bots.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Guard's rules for one channel. Each rule has a default (built in, or {@code bot.Guard.RULE} in the config
 * file) that the channel's operators may change with {@code SET #chan RULE VALUE}; {@code off} disables a rule.
 *
 * @param floodLines       at most this many lines...
 * @param floodWindow      ...in this time (rule {@code flood}, written {@code 8/10s})
 * @param repeats          the same text at most this many times... (rule {@code repeat}, {@code 3/60s})
 * @param repeatWindow     ...in this time
 * @param highlights       a message naming this many members or more is mass highlighting ({@code highlight})
 * @param capsPercent      a message of {@link #CAPS_MIN_LETTERS} letters or more with this share in capitals
 * @param linkHosts        hosts a link may point to (and their subdomains); null: links are not checked
 * @param words            patterns no message may contain (case-insensitive); empty: none
 */
public record Rules(int floodLines, Duration floodWindow, int repeats, Duration repeatWindow, int highlights,
                    int capsPercent, List<String> linkHosts, List<Pattern> words) {

    /** The names {@code SET} accepts, in the order {@code RULES} lists them. */
    public static final List<String> NAMES = List.of("flood", "repeat", "highlight", "caps", "links", "words");

    /** Shorter messages are never shouting. */
    public static final int CAPS_MIN_LETTERS = 12;

    static final Map<String, String> DEFAULTS = Map.of(
            "flood", "8/10s", "repeat", "3/60s", "highlight", "6", "caps", "75", "links", "off", "words", "off");

    /** The rules from built-in defaults, then {@code config} ({@code bot.Guard.*}), then the channel's own. */
    public static Rules of(Map<String, String> config, Map<String, String> channel) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String v = channel.getOrDefault(name, config.getOrDefault(name, DEFAULTS.get(name)));
            try {
                validate(name, v);
            } catch (IllegalArgumentException e) {
                v = DEFAULTS.get(name);
            }
            values.put(name, v);
        }
        int[] flood = rate(values.get("flood"));
        int[] repeat = rate(values.get("repeat"));
        return new Rules(flood[0], Duration.ofSeconds(flood[1]), repeat[0], Duration.ofSeconds(repeat[1]),
                count(values.get("highlight")), count(values.get("caps")), hosts(values.get("links")),
                patterns(values.get("words")));
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with {@code value} for rule {@code name}. */
    public static void validate(String name, String value) {
        switch (name) {
            case "flood", "repeat" -> rate(value);
            case "highlight" -> count(value);
            case "caps" -> {
                int c = count(value);
                if (c != 0 && (c < 50 || c > 100)) throw new IllegalArgumentException("caps is a percentage from 50 to 100");
            }
            case "links" -> hosts(value);
            case "words" -> patterns(value);
            default -> throw new IllegalArgumentException("no rule " + name + " (rules: " + String.join(", ", NAMES) + ")");
        }
    }

    /** {@code N/DURATION}, e.g. {@code 8/10s}; off is {0, 0}. */
    private static int[] rate(String value) {
        if (off(value)) return new int[] {0, 0};
        int slash = value.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("write it as COUNT/TIME, e.g. 8/10s");
        int n = parseCount(value.substring(0, slash));
        long seconds = Durations.parse(value.substring(slash + 1)).toSeconds();
        if (n < 2 || seconds < 1 || seconds > 3600) throw new IllegalArgumentException("COUNT at least 2, TIME from 1s to 1h");
        return new int[] {n, (int) seconds};
    }

    private static int count(String value) {
        return off(value) ? 0 : parseCount(value);
    }

    private static int parseCount(String s) {
        try {
            int n = Integer.parseInt(s.strip());
            if (n < 1 || n > 1000) throw new IllegalArgumentException("a number from 1 to 1000, or off");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s);
        }
    }

    private static List<String> hosts(String value) {
        if (off(value)) return null;
        if (value.strip().equalsIgnoreCase("none")) return List.of();
        List<String> hosts = new ArrayList<>();
        for (String h : value.split("[,\\s]+")) {
            if (h.isEmpty()) continue;
            if (!h.matches("[A-Za-z0-9.-]+")) throw new IllegalArgumentException("not a host name: " + h);
            hosts.add(h.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(hosts);
    }

    private static List<Pattern> patterns(String value) {
        if (off(value)) return List.of();
        List<Pattern> out = new ArrayList<>();
        for (String p : value.split(";")) {
            if (p.isBlank()) continue;
            try {
                out.add(Pattern.compile(p.strip(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a pattern: " + p.strip());
            }
        }
        return List.copyOf(out);
    }

    private static boolean off(String value) {
        return value == null || value.isBlank() || value.strip().equalsIgnoreCase("off");
    }

    /** One line per rule as {@code RULES} shows them. */
    public List<String> describe() {
        return List.of(
                "flood: " + (floodLines == 0 ? "off" : "at most " + floodLines + " lines in " + Durations.format(floodWindow)),
                "repeat: " + (repeats == 0 ? "off" : "the same text at most " + repeats + " times in " + Durations.format(repeatWindow)),
                "highlight: " + (highlights == 0 ? "off" : "naming " + highlights + " or more members in one message is not allowed"),
                "caps: " + (capsPercent == 0 ? "off" : "more than " + capsPercent + "% capitals is shouting"),
                "links: " + (linkHosts == null ? "off (any link)" : linkHosts.isEmpty() ? "no links allowed"
                        : "only to " + String.join(", ", linkHosts)),
                "words: " + (words.isEmpty() ? "off" : words.size() + " pattern(s): "
                        + String.join("; ", Arrays.stream(words.toArray(Pattern[]::new)).map(Pattern::pattern).toList())));
    }
}
