package chat.client.input;

import chat.protocol.LineParser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits text that would not fit in one message into several, at spaces when it can. */
final class TextChunks {

    /**
     * Bytes the server adds when it relays our message to others: {@code :nick!user@host } with a 30-byte
     * nickname, a 10-byte user name and a 63-byte host name, rounded up.
     */
    static final int RELAY_PREFIX_BYTES = 110;
    /** The CR LF that ends every line. */
    private static final int CRLF_BYTES = 2;

    private TextChunks() {
    }

    /**
     * How many bytes of text fit in {@code COMMAND target :text} once relayed.
     *
     * @param wrapperBytes bytes around the text inside the parameter (a CTCP envelope), else 0
     */
    static int budget(String command, String target, int wrapperBytes) {
        int head = (command + " " + target + " :").getBytes(StandardCharsets.UTF_8).length;
        return LineParser.MAX_LINE_BYTES - CRLF_BYTES - RELAY_PREFIX_BYTES - head - wrapperBytes;
    }

    /**
     * The text cut into pieces of at most {@code maxBytes} UTF-8 bytes each (never inside a character). A cut
     * falls on the last space that fits, which is dropped; a word longer than a piece is cut where it must be.
     */
    static List<String> split(String text, int maxBytes) {
        if (maxBytes < 4) throw new IllegalArgumentException("no room for text: " + maxBytes + " bytes");
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (true) {
            int bytes = 0;
            int i = start;
            int lastSpace = -1;
            while (i < n) {
                int cp = text.codePointAt(i);
                int size = utf8Length(cp);
                if (bytes + size > maxBytes) break;
                if (cp == ' ') lastSpace = i;
                bytes += size;
                i += Character.charCount(cp);
            }
            if (i >= n) {
                pieces.add(text.substring(start));
                return pieces;
            }
            if (lastSpace > start) {
                pieces.add(text.substring(start, lastSpace));
                start = lastSpace + 1;
            } else {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) return 1;
        if (cp < 0x800) return 2;
        if (cp < 0x10000) return 3;
        return 4;
    }
}
