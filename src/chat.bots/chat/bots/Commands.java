package chat.bots;

import java.util.Locale;

/** A line split into its first word (upper-cased, without a leading '!') and the rest. */
public record Commands(String verb, String rest) {

    /** Splits {@code text}; a missing rest is the empty string. */
    public static Commands parse(String text) {
        String t = text.strip();
        if (t.startsWith("!")) t = t.substring(1);
        int space = t.indexOf(' ');
        String verb = space < 0 ? t : t.substring(0, space);
        String rest = space < 0 ? "" : t.substring(space + 1).strip();
        return new Commands(verb.toUpperCase(Locale.ROOT), rest);
    }

    /** The first word of {@code rest}, or "" (e.g. the channel of {@code ENABLE #chan}). */
    public String firstArg() {
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** What follows the first word of {@code rest}, or "". */
    public String afterFirstArg() {
        int space = rest.indexOf(' ');
        return space < 0 ? "" : rest.substring(space + 1).strip();
    }
}
