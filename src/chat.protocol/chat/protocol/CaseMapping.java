package chat.protocol;

/** How nicknames and channel names compare regardless of case, as advertised in ISUPPORT CASEMAPPING. */
public enum CaseMapping {
    /** Only A-Z fold to a-z. */
    ASCII("ascii"),
    /** A-Z and also []\~ fold to {}|^ (RFC 1459's Scandinavian heritage). */
    RFC1459("rfc1459");

    private final String token;

    CaseMapping(String token) {
        this.token = token;
    }

    /** The ISUPPORT value. */
    public String token() {
        return token;
    }

    /** The mapping named by an ISUPPORT value, or null. */
    public static CaseMapping ofToken(String token) {
        for (CaseMapping m : values()) {
            if (m.token.equalsIgnoreCase(token)) return m;
        }
        return null;
    }

    /** The folded (lower-case) form used as a key. */
    public String fold(String name) {
        int i = 0;
        int n = name.length();
        while (i < n && !folds(name.charAt(i))) i++;
        if (i == n) return name;
        char[] chars = name.toCharArray();
        for (; i < n; i++) chars[i] = foldChar(chars[i]);
        return new String(chars);
    }

    /** Whether two names are the same under this mapping. */
    public boolean equal(String a, String b) {
        return a.length() == b.length() && fold(a).equals(fold(b));
    }

    private boolean folds(char c) {
        return (c >= 'A' && c <= 'Z') || (this == RFC1459 && (c == '[' || c == ']' || c == '\\' || c == '~'));
    }

    private char foldChar(char c) {
        if (c >= 'A' && c <= 'Z') return (char) (c + 32);
        if (this == RFC1459) {
            switch (c) {
                case '[': return '{';
                case ']': return '}';
                case '\\': return '|';
                case '~': return '^';
                default: return c;
            }
        }
        return c;
    }
}
