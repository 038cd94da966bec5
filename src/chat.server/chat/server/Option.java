package chat.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One server option, declared once in {@link Options}: its name (the flag without {@code --}; the config-file key
 * is the same name, with or without its dashes), its type (how text becomes a value), its default, its
 * validation, whether REHASH may change it while running, and its help text. Command-line parsing,
 * {@code --help}, the config-file keys and REHASH's refusals all follow from the declarations.
 *
 * @param <T> the value's type; a value may be null where the option allows "none"
 */
public final class Option<T> {

    /** Where {@code --help} lists an option. */
    public enum Section {
        SERVER(""),
        TLS("TLS:"),
        LIMITS("Abuse limits (CIDR lists are comma-separated, IPv4 or IPv6):"),
        ADMIN("ADMIN:"),
        STORE("Accounts and history:"),
        WEB("Web (the chat.web module: web client at /, IRC over WebSocket at /webirc, /metrics, /status):"),
        CLUSTER("Several nodes, one network (the chat.cluster module, see docs/cluster.md):");

        final String heading;

        Section(String heading) {
            this.heading = heading;
        }
    }

    /** Text to value; throws {@link IllegalArgumentException} with a message that names what was expected. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text) throws IOException;
    }

    private final String name;
    private final Section section;
    private final String metavar;
    private final Parser<T> parser;
    private final T defaultValue;
    private final String defaultText;
    private final Predicate<T> valid;
    private final String requirement;
    private final boolean reloadable;
    private final String help;

    private Option(Builder<T> b) {
        this.name = b.name;
        this.section = b.section;
        this.metavar = b.metavar;
        this.parser = b.parser;
        this.defaultValue = b.defaultValue;
        this.defaultText = b.defaultText;
        this.valid = b.valid;
        this.requirement = b.requirement;
        this.reloadable = b.reloadable;
        this.help = Objects.requireNonNull(b.help, "help of " + b.name);
        check(defaultValue);
    }

    /** The flag without its dashes in front, e.g. {@code ping-interval}. */
    public String name() {
        return name;
    }

    /** The config-file key as looked up: the name without any dash ({@code pinginterval}). */
    public String key() {
        return keyOf(name);
    }

    static String keyOf(String name) {
        return name.replace("-", "");
    }

    public Section section() {
        return section;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as README's option table and {@code --help} say it, e.g. {@code 1 MiB}; null when none is shown. */
    public String defaultText() {
        return defaultText;
    }

    /** Whether REHASH applies a new value while running; if not, it keeps the running one and says so. */
    public boolean reloadable() {
        return reloadable;
    }

    public String help() {
        return help;
    }

    /** The value {@code text} gives, validated. */
    public T parse(String text) throws IOException {
        T value = parser.parse(text.trim());
        check(value);
        return value;
    }

    /** Throws if {@code value} is not one this option takes. */
    T check(Object value) {
        @SuppressWarnings("unchecked")
        T v = (T) value;
        if (!valid.test(v)) throw new IllegalArgumentException(name + " " + requirement + ", not " + v);
        return v;
    }

    /** The line {@code --help} shows. */
    String usageLine() {
        String flag = "  --" + name + (metavar.isEmpty() ? "" : " " + metavar);
        String pad = flag.length() < 30 ? " ".repeat(30 - flag.length()) : "  ";
        return flag + pad + help + (defaultText == null ? "" : " (default " + defaultText + ")");
    }

    @Override
    public String toString() {
        return "--" + name;
    }

    // The types. Each starts a builder; Options finishes it with section, help and, where needed, a check.

    static Builder<String> text(String name, String metavar, String defaultValue) {
        return new Builder<String>(name, metavar, s -> s, defaultValue).shown(defaultValue);
    }

    static Builder<Integer> integer(String name, String metavar, int defaultValue) {
        return new Builder<Integer>(name, metavar, s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not '" + s + "'");
            }
        }, defaultValue).shown(Integer.toString(defaultValue));
    }

    static Builder<Double> number(String name, String metavar, double defaultValue) {
        return new Builder<Double>(name, metavar, s -> decimal(name, s, "a number"), defaultValue)
                .shown(plain(defaultValue));
    }

    /** A duration given as a number of seconds (fractions allowed). */
    static Builder<Duration> seconds(String name, Duration defaultValue) {
        return new Builder<Duration>(name, "SECONDS",
                s -> Duration.ofMillis(Math.round(decimal(name, s, "a number of seconds") * 1000)), defaultValue)
                .shown(plain(defaultValue.toMillis() / 1000.0) + " s");
    }

    /** A duration given as a number of days (fractions allowed). */
    static Builder<Duration> days(String name, Duration defaultValue) {
        return new Builder<Duration>(name, "DAYS",
                s -> Duration.ofMillis(Math.round(decimal(name, s, "a number of days") * 86_400_000)), defaultValue)
                .shown(plain(defaultValue.toMillis() / 86_400_000.0) + " days");
    }

    static Builder<Boolean> onOff(String name, boolean defaultValue) {
        return new Builder<Boolean>(name, "on|off", s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, not '" + s + "'");
        }, defaultValue).shown(defaultValue ? "on" : "off");
    }

    /** One of a few words, each standing for a value; the metavar lists them. */
    static <T> Builder<T> choice(String name, Map<String, T> words, T defaultValue) {
        Map<String, T> copy = new LinkedHashMap<>(words);
        List<String> names = List.copyOf(copy.keySet());
        String alternatives = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        String shown = copy.entrySet().stream().filter(e -> e.getValue().equals(defaultValue)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        return new Builder<T>(name, String.join("|", names), s -> {
            T v = copy.get(s.toLowerCase(Locale.ROOT));
            if (v == null) throw new IllegalArgumentException(name + " must be " + alternatives + ", not '" + s + "'");
            return v;
        }, defaultValue).shown(shown);
    }

    static Builder<Path> path(String name, String metavar, Path defaultValue) {
        return new Builder<Path>(name, metavar, Path::of, defaultValue)
                .shown(defaultValue == null ? null : defaultValue.toString());
    }

    /** A comma-separated list, blanks dropped. */
    static Builder<List<String>> list(String name, String metavar) {
        return new Builder<List<String>>(name, metavar,
                s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList(), List.of())
                .shown("none");
    }

    /** Any other type: {@code parser} turns the text into a value. */
    static <T> Builder<T> of(String name, String metavar, Parser<T> parser, T defaultValue) {
        return new Builder<>(name, metavar, parser, defaultValue);
    }

    private static double decimal(String name, String s, String what) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + what + ", not '" + s + "'");
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** An option being declared: {@link Options} sets its section, help, check and reloadability. */
    static final class Builder<T> {
        private final String name;
        private final String metavar;
        private final Parser<T> parser;
        private final T defaultValue;
        private Section section = Section.SERVER;
        private String defaultText;
        private Predicate<T> valid = v -> true;
        private String requirement = "";
        private boolean reloadable = true;
        private String help;

        private Builder(String name, String metavar, Parser<T> parser, T defaultValue) {
            this.name = name;
            this.metavar = metavar;
            this.parser = parser;
            this.defaultValue = defaultValue;
        }

        Builder<T> in(Section s) {
            section = s;
            return this;
        }

        /** How the default is written in README and {@code --help}. */
        Builder<T> shown(String text) {
            defaultText = text;
            return this;
        }

        /** The value must pass {@code test}; otherwise the error says the option "{@code requirement}". */
        Builder<T> must(Predicate<T> test, String requirementText) {
            Predicate<T> before = valid;
            valid = v -> before.test(v) && test.test(v);
            requirement = requirement.isEmpty() ? requirementText : requirement + " and " + requirementText;
            return this;
        }

        /** Whole numbers from {@code min} up. */
        Builder<T> atLeast(long min) {
            return must(v -> ((Number) v).longValue() >= min, "must be at least " + min);
        }

        /** Whole numbers from {@code min} to {@code max}. */
        Builder<T> between(long min, long max) {
            return must(v -> ((Number) v).longValue() >= min && ((Number) v).longValue() <= max,
                    "must be from " + min + " to " + max);
        }

        /** Durations above zero. */
        Builder<T> positive() {
            return must(v -> !((Duration) v).isNegative() && !((Duration) v).isZero(), "must be positive");
        }

        /** Numbers or durations of zero or more. */
        Builder<T> notNegative() {
            return must(v -> v instanceof Duration d ? !d.isNegative() : ((Number) v).doubleValue() >= 0,
                    "must not be negative");
        }

        /** Each element of a list passes {@code check} (which throws with its own message). */
        <E> Builder<T> eachChecked(Function<E, ?> check) {
            return must(v -> {
                @SuppressWarnings("unchecked")
                List<E> list = (List<E>) v;
                list.forEach(check::apply);
                return true;
            }, "");
        }

        /** REHASH keeps the running value and names this option (it changes only on restart). */
        Builder<T> fixed() {
            reloadable = false;
            return this;
        }

        Builder<T> help(String text) {
            help = text;
            return this;
        }

        Option<T> build() {
            return new Option<>(this);
        }
    }
}
