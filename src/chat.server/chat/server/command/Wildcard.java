package chat.server.command;

/** IRC wildcard masks: {@code *} matches any run of characters (also none), {@code ?} exactly one. */
final class Wildcard {

    private Wildcard() {
    }

    /** Whether {@code mask} has a wildcard at all. */
    static boolean isMask(String mask) {
        return mask.indexOf('*') >= 0 || mask.indexOf('?') >= 0;
    }

    /** Whether {@code text} matches {@code mask} as written (callers fold both for case-insensitivity). */
    static boolean matches(String mask, String text) {
        int m = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (m < mask.length() && (mask.charAt(m) == '?' || mask.charAt(m) == text.charAt(t))) {
                m++;
                t++;
            } else if (m < mask.length() && mask.charAt(m) == '*') {
                star = m++;
                resume = t;
            } else if (star >= 0) {
                // Let the last '*' swallow one more character and retry from there.
                m = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (m < mask.length() && mask.charAt(m) == '*') m++;
        return m == mask.length();
    }
}
