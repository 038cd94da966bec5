package chat.client.render;

/**
 * Makes received text safe and plain for a terminal: IRC formatting codes (bold, colours, ...) are dropped,
 * and so is every other control character, so that a message cannot move the cursor or retitle the window.
 */
final class PlainText {

    private static final char COLOR = '\u0003';
    private static final char HEX_COLOR = '\u0004';
    private static final int COLOR_DIGITS = 2;
    private static final int HEX_COLOR_DIGITS = 6;

    private PlainText() {
    }

    /** The text without formatting or control characters; a tab becomes a space. */
    static String clean(String text) {
        if (isClean(text)) return text;
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i++);
            if (c == COLOR) {
                i = skipColor(text, i, COLOR_DIGITS, false);
            } else if (c == HEX_COLOR) {
                i = skipColor(text, i, HEX_COLOR_DIGITS, true);
            } else if (c == '\t') {
                out.append(' ');
            } else if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) return false;
        }
        return true;
    }

    /** C0, DEL and C1 controls. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** Skips {@code fg[,bg]} after a colour code; a comma without a colour after it is text. */
    private static int skipColor(String text, int i, int digits, boolean hex) {
        int fg = countDigits(text, i, digits, hex);
        if (fg == 0) return i;
        i += fg;
        if (i < text.length() && text.charAt(i) == ',') {
            int bg = countDigits(text, i + 1, digits, hex);
            if (bg > 0) i += 1 + bg;
        }
        return i;
    }

    private static int countDigits(String text, int from, int max, boolean hex) {
        int k = 0;
        while (k < max && from + k < text.length() && isDigit(text.charAt(from + k), hex)) k++;
        // Hex colours are all six digits or none.
        return hex && k != max ? 0 : k;
    }

    private static boolean isDigit(char c, boolean hex) {
        return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    }
}
