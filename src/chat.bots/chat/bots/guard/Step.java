package chat.bots.guard;

import chat.bots.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One rung of Guard's escalation: warn, quiet for a while, kick, or ban for a while. */
public record Step(Kind kind, Duration duration) {

    public enum Kind { WARN, QUIET, KICK, BAN }

    /** The built-in ladder; {@code bot.Guard.steps} in the config file replaces it. */
    public static final String DEFAULT_STEPS = "warn, quiet 5m, kick, ban 1h";

    /** Parses a ladder such as {@code warn, quiet 5m, kick, ban 1h}. */
    public static List<Step> parseAll(String text) {
        List<Step> steps = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) steps.add(parse(part.strip()));
        }
        if (steps.isEmpty()) throw new IllegalArgumentException("no steps");
        return List.copyOf(steps);
    }

    static Step parse(String text) {
        String[] words = text.split("\\s+");
        Kind kind;
        try {
            kind = Kind.valueOf(words[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a step: " + words[0] + " (warn, quiet TIME, kick, ban TIME)");
        }
        boolean timed = kind == Kind.QUIET || kind == Kind.BAN;
        if (timed && words.length != 2) throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " needs a time, e.g. 5m");
        if (!timed && words.length != 1) throw new IllegalArgumentException("only quiet and ban take a time");
        return new Step(kind, timed ? Durations.parse(words[1]) : null);
    }

    /** How the user is told what happens: "a warning", "quiet for 5m"... */
    public String describe() {
        return switch (kind) {
            case WARN -> "a warning";
            case QUIET -> "quiet for " + Durations.format(duration);
            case KICK -> "a kick";
            case BAN -> "a ban for " + Durations.format(duration);
        };
    }
}
