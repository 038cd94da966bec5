package chat.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link IrcMessage} into its wire form. CR, LF and NUL inside parameters are replaced by spaces
 * so that no parameter can smuggle a second line; the last parameter gets a ':' when it needs one.
 */
public final class LineWriter {

    private LineWriter() {
    }

    /** The line without CR LF. */
    public static String format(IrcMessage message) {
        StringBuilder out = new StringBuilder(64);
        Map<String, String> tags = message.tags();
        if (!tags.isEmpty()) {
            out.append('@');
            boolean first = true;
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (!first) out.append(';');
                first = false;
                out.append(tag.getKey());
                if (!tag.getValue().isEmpty()) out.append('=').append(TagValues.escape(tag.getValue()));
            }
            out.append(' ');
        }
        if (message.source() != null) out.append(':').append(message.source()).append(' ');
        out.append(message.command());
        List<String> params = message.params();
        for (int i = 0; i < params.size(); i++) {
            String p = clean(params.get(i));
            out.append(' ');
            boolean last = i == params.size() - 1;
            if (last && (p.isEmpty() || p.indexOf(' ') >= 0 || p.charAt(0) == ':')) {
                out.append(':');
            } else if (!last) {
                // A middle parameter cannot hold a space or start with ':'.
                p = p.replace(' ', '_');
                if (p.isEmpty() || p.charAt(0) == ':') p = "*" + p;
            }
            out.append(p);
        }
        return out.toString();
    }

    /** The line with CR LF, as UTF-8 bytes ready for a socket. */
    public static byte[] encode(IrcMessage message) {
        return (format(message) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The line with CR LF, its untagged part cut to {@link LineParser#MAX_LINE_BYTES}: the last parameter is
     * shortened first (a relayed message grows by its source's length), then, if that is not enough, the
     * longest middle parameters (an echoed oversized token), always at a character boundary.
     */
    public static byte[] encodeWithin(IrcMessage message) {
        byte[] line = encode(message);
        int excess = untaggedLength(line) - LineParser.MAX_LINE_BYTES;
        if (excess <= 0 || message.params().isEmpty()) return line;
        java.util.List<String> params = new java.util.ArrayList<>(message.params());
        int lastIndex = params.size() - 1;
        while (excess > 0) {
            shorten(params, lastIndex, excess);
            line = encode(new IrcMessage(message.tags(), message.source(), message.command(), params));
            int left = untaggedLength(line) - LineParser.MAX_LINE_BYTES;
            // Emptying the last parameter adds a ':' the count above does not see: go round again if so.
            if (left >= excess) break;
            excess = left;
        }
        return line;
    }

    /** Cuts about {@code excess} bytes from the parameters, the last one first. */
    private static void shorten(java.util.List<String> params, int lastIndex, int excess) {
        while (excess > 0) {
            int longest = lastIndex;
            if (utf8Length(params.get(lastIndex)) == 0) {
                longest = -1;
                for (int i = 0; i < lastIndex; i++) {
                    if (longest < 0 || utf8Length(params.get(i)) > utf8Length(params.get(longest))) longest = i;
                }
                if (longest < 0 || utf8Length(params.get(longest)) <= 1) break;
            }
            String p = params.get(longest);
            int keep = Math.max(longest == lastIndex ? 0 : 1, utf8Length(p) - excess);
            String shorter = cutUtf8(p, keep);
            excess -= utf8Length(p) - utf8Length(shorter);
            params.set(longest, shorter);
        }
    }

    private static int untaggedLength(byte[] line) {
        int tagBytes = 0;
        if (line.length > 0 && line[0] == '@') {
            while (tagBytes < line.length && line[tagBytes] != ' ') tagBytes++;
            tagBytes++;
        }
        return line.length - tagBytes;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes that ends on a character. */
    private static String cutUtf8(String s, int maxBytes) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) return s;
        int cut = maxBytes;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
        return new String(bytes, 0, cut, StandardCharsets.UTF_8);
    }

    private static String clean(String p) {
        if (p.indexOf('\r') < 0 && p.indexOf('\n') < 0 && p.indexOf('\0') < 0) return p;
        return p.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
    }
}
