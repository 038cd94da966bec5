package chat.protocol;

/** Validation of nicknames and channel names. */
public final class Names {

    /** Longest nickname accepted (ISUPPORT NICKLEN). */
    public static final int NICKLEN = 30;
    /** Longest channel name accepted, prefix included (ISUPPORT CHANNELLEN). */
    public static final int CHANNELLEN = 50;
    /**
     * Longest real name kept, in UTF-8 bytes (ISUPPORT NAMELEN, as InspIRCd advertises it): USER's is cut to it,
     * SETNAME refuses a longer one. #10: one limit for both, so that WHOIS and WHO lines are never cut.
     */
    public static final int NAMELEN = 100;
    /** Channel name prefixes (ISUPPORT CHANTYPES). */
    public static final String CHANTYPES = "#";

    private static final String SPECIAL = "[]\\`_^{|}";

    private Names() {
    }

    /**
     * RFC 2812 nicknames: a letter or one of {@code []\`_^{|}} first, then letters, digits, those and '-',
     * at most {@link #NICKLEN} characters.
     */
    public static boolean isValidNick(String nick) {
        if (nick == null || nick.isEmpty() || nick.length() > NICKLEN) return false;
        char first = nick.charAt(0);
        if (!isLetter(first) && SPECIAL.indexOf(first) < 0) return false;
        for (int i = 1; i < nick.length(); i++) {
            char c = nick.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && SPECIAL.indexOf(c) < 0 && c != '-') return false;
        }
        return true;
    }

    /** Whether the name starts with a channel prefix (it may still be invalid). */
    public static boolean isChannel(String name) {
        return name != null && !name.isEmpty() && CHANTYPES.indexOf(name.charAt(0)) >= 0;
    }

    /**
     * A channel prefix, then at least one character, none of them space, comma, BEL, NUL, CR or LF, at most
     * {@link #CHANNELLEN} characters.
     */
    public static boolean isValidChannel(String name) {
        if (!isChannel(name) || name.length() < 2 || name.length() > CHANNELLEN) return false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == ',' || c == 7 || c == 0 || c == '\r' || c == '\n' || c == ':') return false;
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
