package chat.server.limit;

import java.util.Locale;

/**
 * One server ban: a K-line ({@code user@host}, checked at registration) or a D-line (an IP address or CIDR
 * network, checked right after accept). Immutable.
 *
 * @param kind             K-line or D-line
 * @param mask             the canonical mask ({@link UserHostMask} text for a K-line, {@link Cidr} text for a D-line)
 * @param reason           shown to the banned client
 * @param setBy            the operator who set it (nick)
 * @param setAtSeconds     when, in Unix seconds
 * @param expiresAtSeconds when it lapses, in Unix seconds; 0 for never
 */
public record BanEntry(Kind kind, String mask, String reason, String setBy, long setAtSeconds, long expiresAtSeconds) {

    /** Longest reason kept, in characters. */
    public static final int MAX_REASON = 200;
    /** Longest duration accepted: ten years, in seconds. */
    public static final long MAX_DURATION_SECONDS = 10L * 365 * 24 * 3600;

    /** What a ban matches. */
    public enum Kind {
        /** {@code user@host}, at registration. */
        KLINE,
        /** IP address or network, at accept. */
        DLINE;

        /** "K-line" or "D-line". */
        public String label() {
            return this == KLINE ? "K-line" : "D-line";
        }
    }

    public BanEntry {
        reason = clean(reason);
        setBy = clean(setBy);
    }

    /** For the log: what, on what, by whom, until when and why. */
    public String describe() {
        return kind.label() + " on " + mask + " by " + setBy
                + (expiresAtSeconds == 0 ? "" : " until " + java.time.Instant.ofEpochSecond(expiresAtSeconds))
                + " (" + reason + ")";
    }

    /** Whether it has lapsed at {@code nowSeconds}. */
    public boolean expired(long nowSeconds) {
        return expiresAtSeconds != 0 && nowSeconds >= expiresAtSeconds;
    }

    /** The canonical mask for {@code text} under {@code kind}; throws IllegalArgumentException if invalid. */
    public static String canonicalMask(Kind kind, String text) {
        return kind == Kind.KLINE ? UserHostMask.parse(text).toString() : Cidr.parse(text).toString();
    }

    /**
     * Parses a ban duration: whole seconds ({@code 3600}) or numbers with units s, m, h, d, w, which may be
     * combined ({@code 1h30m}). Returns -1 when {@code text} is not a duration; 0 means permanent.
     */
    public static long parseDuration(String text) {
        if (text == null || text.isEmpty() || text.length() > 20) return -1;
        String t = text.toLowerCase(Locale.ROOT);
        if (t.length() <= 12 && t.chars().allMatch(c -> c >= '0' && c <= '9')) return bounded(Long.parseLong(t));
        long total = 0;
        long number = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                number = (number < 0 ? 0 : number * 10) + (c - '0');
                if (number > MAX_DURATION_SECONDS) return -1;
                continue;
            }
            long unit = switch (c) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86_400;
                case 'w' -> 604_800;
                default -> -1;
            };
            if (unit < 0 || number < 0) return -1;
            total += number * unit;
            if (total > MAX_DURATION_SECONDS) return -1;
            number = -1;
        }
        if (number >= 0) return -1;
        return total;
    }

    private static long bounded(long seconds) {
        return seconds > MAX_DURATION_SECONDS ? -1 : seconds;
    }

    // Tabs and line ends would break the one-line-per-entry file; a long reason would break the 465 line.
    private static String clean(String text) {
        if (text == null) return "";
        String flat = text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ').strip();
        return flat.length() > MAX_REASON ? flat.substring(0, MAX_REASON) : flat;
    }
}
