package chat.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one received line (without its CR/LF) into an {@link IrcMessage} or a {@link ParseError}.
 * Stateless and thread-safe.
 */
public final class LineParser {

    /** Longest line without tags, counting the CR LF that ended it (RFC 1459 section 2.3). */
    public static final int MAX_LINE_BYTES = 512;
    /** Longest tag section from a client, counting the leading '@' and the trailing space (IRCv3 message-tags). */
    public static final int MAX_TAGS_BYTES = 4096;
    /** Longest raw line any reader needs to buffer: both parts together. */
    public static final int MAX_RAW_LINE_BYTES = MAX_LINE_BYTES + MAX_TAGS_BYTES;

    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private LineParser() {
    }

    /** Parses a line given as text (already decoded); length limits are checked on its UTF-8 form. */
    public static ParseResult parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    /** Parses {@code length} bytes of {@code buf} from {@code offset}: one line without CR or LF. */
    public static ParseResult parse(byte[] buf, int offset, int length) {
        int start = offset;
        int end = offset + length;
        int tagsEnd = start;
        if (start < end && buf[start] == '@') {
            int space = indexOf(buf, (byte) ' ', start, end);
            tagsEnd = space < 0 ? end : space + 1;
            if (tagsEnd - start > MAX_TAGS_BYTES) {
                return new ParseResult.Rejected(ParseError.TAGS_TOO_LONG, commandWord(buf, tagsEnd, end));
            }
        }
        // The limit counts the CR LF the line arrived with.
        if (end - tagsEnd + 2 > MAX_LINE_BYTES) {
            return new ParseResult.Rejected(ParseError.TOO_LONG, commandWord(buf, tagsEnd, end));
        }
        if (indexOf(buf, (byte) 0, start, end) >= 0) {
            return new ParseResult.Rejected(ParseError.NUL_BYTE, commandWord(buf, tagsEnd, end));
        }
        String text;
        try {
            text = decode(buf, start, length);
        } catch (CharacterCodingException e) {
            return new ParseResult.Rejected(ParseError.BAD_UTF8, commandWord(buf, tagsEnd, end));
        }
        return parseText(text);
    }

    private static String decode(byte[] buf, int offset, int length) throws CharacterCodingException {
        boolean ascii = true;
        for (int i = offset; i < offset + length; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return new String(buf, offset, length, StandardCharsets.ISO_8859_1);
        CharBuffer chars = DECODER.get().reset().decode(ByteBuffer.wrap(buf, offset, length));
        return chars.toString();
    }

    private static ParseResult parseText(String line) {
        int i = 0;
        int n = line.length();
        Map<String, String> tags = Map.of();
        if (i < n && line.charAt(i) == '@') {
            int space = line.indexOf(' ', i);
            if (space < 0) return new ParseResult.Rejected(ParseError.NO_COMMAND, null);
            tags = parseTags(line.substring(1, space));
            i = space;
        }
        i = skipSpaces(line, i);
        String source = null;
        if (i < n && line.charAt(i) == ':') {
            int space = line.indexOf(' ', i);
            if (space < 0) return new ParseResult.Rejected(ParseError.NO_COMMAND, null);
            source = line.substring(i + 1, space);
            i = skipSpaces(line, space);
        }
        if (i >= n) {
            return new ParseResult.Rejected(tags.isEmpty() && source == null ? ParseError.EMPTY : ParseError.NO_COMMAND, null);
        }
        int commandEnd = line.indexOf(' ', i);
        if (commandEnd < 0) commandEnd = n;
        String command = line.substring(i, commandEnd);
        if (!isCommandWord(command)) return new ParseResult.Rejected(ParseError.NO_COMMAND, null);
        command = command.toUpperCase(Locale.ROOT);
        List<String> params = new ArrayList<>(4);
        i = commandEnd;
        while (i < n) {
            i = skipSpaces(line, i);
            if (i >= n) break;
            if (line.charAt(i) == ':') {
                params.add(line.substring(i + 1));
                break;
            }
            int space = line.indexOf(' ', i);
            if (space < 0) space = n;
            params.add(line.substring(i, space));
            i = space;
        }
        return new ParseResult.Parsed(new IrcMessage(tags, source, command, params));
    }

    /**
     * #15: any word is a command word here (letters, digits, '_', non-ASCII...): whether the server knows it is
     * the dispatcher's question, answered with 421 (labeled when asked), as Ergo and the Modern document do.
     */
    private static boolean isCommandWord(String word) {
        if (word.isEmpty()) return false;
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) < ' ' || word.charAt(k) == 0x7f) return false;
        }
        return true;
    }

    /** Parses the tag section (without '@' and the trailing space); later duplicates win. */
    static Map<String, String> parseTags(String section) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String item : section.split(";")) {
            if (item.isEmpty()) continue;
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? "" : TagValues.unescape(item.substring(eq + 1));
            if (!key.isEmpty()) tags.put(key, value);
        }
        return tags;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') i++;
        return i;
    }

    private static int indexOf(byte[] buf, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) return i;
        }
        return -1;
    }

    /** The ASCII command word after an optional source, for error replies on lines that did not parse. */
    private static String commandWord(byte[] buf, int from, int to) {
        int i = from;
        while (i < to && buf[i] == ' ') i++;
        if (i < to && buf[i] == ':') {
            while (i < to && buf[i] != ' ') i++;
            while (i < to && buf[i] == ' ') i++;
        }
        int start = i;
        while (i < to && i - start < 16 && ((buf[i] >= 'A' && buf[i] <= 'Z') || (buf[i] >= 'a' && buf[i] <= 'z')
                || (buf[i] >= '0' && buf[i] <= '9'))) {
            i++;
        }
        if (i == start || (i < to && buf[i] != ' ')) return null;
        return new String(buf, start, i - start, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
    }
}
