package chat.server.command;

import java.nio.charset.StandardCharsets;

/** Text measured as the wire measures it: in bytes of UTF-8. */
final class Utf8Text {

    private Utf8Text() {
    }

    /** {@code text} cut to at most {@code maxBytes} bytes of UTF-8, at a character boundary. */
    static String truncate(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) return text;
        int cut = maxBytes;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
        return new String(bytes, 0, cut, StandardCharsets.UTF_8);
    }
}
