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
     * The line with CR LF, its untagged part cut to {@link LineParser#MAX_LINE_BYTES} by shortening the last
     * parameter at a character boundary (a relayed message grows by its source's length).
     */
    public static byte[] encodeWithin(IrcMessage message) {
        byte[] line = encode(message);
        int tagBytes = 0;
        if (line.length > 0 && line[0] == '@') {
            while (tagBytes < line.length && line[tagBytes] != ' ') tagBytes++;
            tagBytes++;
        }
        int excess = line.length - tagBytes - LineParser.MAX_LINE_BYTES;
        if (excess <= 0 || message.params().isEmpty()) return line;
        int cut = line.length - 2 - excess;
        int lastParamStart = line.length - 2 - message.last().getBytes(StandardCharsets.UTF_8).length;
        if (cut < lastParamStart) return line;
        while (cut > lastParamStart && (line[cut] & 0xC0) == 0x80) cut--;
        byte[] shorter = new byte[cut + 2];
        System.arraycopy(line, 0, shorter, 0, cut);
        shorter[cut] = '\r';
        shorter[cut + 1] = '\n';
        return shorter;
    }

    private static String clean(String p) {
        if (p.indexOf('\r') < 0 && p.indexOf('\n') < 0 && p.indexOf('\0') < 0) return p;
        return p.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
    }
}
