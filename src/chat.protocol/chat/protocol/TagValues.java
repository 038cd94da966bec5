package chat.protocol;

/** Escaping of IRCv3 tag values ({@code \:} for ';', {@code \s} for space, and so on). */
public final class TagValues {

    private TagValues() {
    }

    /** Decodes an escaped tag value; a trailing lone backslash is dropped, unknown escapes keep the character. */
    public static String unescape(String value) {
        if (value.indexOf('\\') < 0) return value;
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= value.length()) break;
            char e = value.charAt(i);
            switch (e) {
                case ':' -> out.append(';');
                case 's' -> out.append(' ');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** Encodes a tag value for the wire. */
    public static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String rep = switch (c) {
                case ';' -> "\\:";
                case ' ' -> "\\s";
                case '\\' -> "\\\\";
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                default -> null;
            };
            if (rep != null && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (rep != null) out.append(rep);
                else out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
