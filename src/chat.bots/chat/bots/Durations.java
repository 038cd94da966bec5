package chat.bots;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in settings and commands: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d{1,7})([smhdw])");

    private Durations() {
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a readable reason. */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.matches("\\d{1,7}")) return Duration.ofSeconds(Long.parseLong(t));
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
            end = m.end();
        }
        if (end == 0 || end != t.length()) throw new IllegalArgumentException("not a duration: " + text + " (e.g. 30s, 5m, 1h)");
        return total;
    }

    /** The shortest way to write {@code d} with the units above. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0) return "0s";
        StringBuilder out = new StringBuilder();
        long[] sizes = {604_800, 86_400, 3_600, 60, 1};
        String units = "wdhms";
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                out.append(s / sizes[i]).append(units.charAt(i));
                s %= sizes[i];
            }
        }
        return out.toString();
    }
}
