package chat.protocol;

/**
 * {@code nick!user@host} masks with the wildcards {@code *} (any run of characters) and {@code ?} (any one
 * character), as used by channel bans, exceptions and quiets, and their case-insensitive matching.
 */
public final class HostMask {

    private HostMask() {
    }

    /**
     * The full {@code nick!user@host} form of a mask a client gave: {@code nick} becomes {@code nick!*@*},
     * {@code user@host} becomes {@code *!user@host}, {@code nick!user} becomes {@code nick!user@*}, and an
     * empty part becomes {@code *}. A bare word holding a '.' or ':' is taken as a host, as Solanum does.
     */
    public static String normalise(String mask) {
        String nick;
        String user;
        String host;
        int bang = mask.indexOf('!');
        int at = mask.indexOf('@', bang + 1);
        if (bang >= 0) {
            nick = mask.substring(0, bang);
            user = at >= 0 ? mask.substring(bang + 1, at) : mask.substring(bang + 1);
            host = at >= 0 ? mask.substring(at + 1) : "";
        } else if (at >= 0) {
            nick = "";
            user = mask.substring(0, at);
            host = mask.substring(at + 1);
        } else if (mask.indexOf('.') >= 0 || mask.indexOf(':') >= 0) {
            nick = "";
            user = "";
            host = mask;
        } else {
            nick = mask;
            user = "";
            host = "";
        }
        return orAny(nick) + "!" + orAny(user) + "@" + orAny(host);
    }

    /** Whether {@code text} matches the wildcard {@code pattern}, both compared under {@code mapping}. */
    public static boolean matches(String pattern, String text, CaseMapping mapping) {
        return glob(mapping.fold(pattern), mapping.fold(text));
    }

    /** Whether {@code text} matches {@code pattern} exactly as given: {@code *} and {@code ?} are the only wildcards. */
    public static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        // Greedy scan that backtracks only to the last '*': linear in practice, never exponential.
        while (t < text.length()) {
            // A '*' in the pattern is a wildcard even where the text has a '*' (user names may hold one).
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }

    /** Whether the text holds a wildcard. */
    public static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static String orAny(String part) {
        return part.isEmpty() ? "*" : part;
    }
}
