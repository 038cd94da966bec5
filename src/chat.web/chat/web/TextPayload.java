package chat.web;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The payload of an outgoing text message: RFC 6455 allows only UTF-8 there, so bytes that are not become U+FFFD
 * (IRCv3 WebSocket specification: "servers MUST replace" them). A line that is UTF-8 already, as every line the
 * server builds from its parsed messages is, goes out as it is, without a copy or a {@code String}.
 */
final class TextPayload {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private TextPayload() {
    }

    /** {@code bytes[offset, offset + length)} as a text message's payload: the same bytes, or a repaired copy. */
    static ByteBuffer of(byte[] bytes, int offset, int length) {
        if (isUtf8(bytes, offset, length)) return ByteBuffer.wrap(bytes, offset, length);
        return ByteBuffer.wrap(new String(bytes, offset, length, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF). */
    static boolean isUtf8(byte[] a, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (true) {
            // ASCII, the bulk of IRC, eight bytes at a time.
            while (i + Long.BYTES <= end && ((long) LONGS.get(a, i) & HIGH_BITS) == 0) i += Long.BYTES;
            while (i < end && a[i] >= 0) i++;
            if (i == end) return true;
            int b = a[i] & 0xFF;
            int more;
            int min = 0x80;
            int max = 0xBF; // the range of the byte after the lead; later ones are always 80..BF
            if (b >= 0xC2 && b <= 0xDF) {
                more = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                more = 2;
                if (b == 0xE0) min = 0xA0; // overlong
                if (b == 0xED) max = 0x9F; // surrogates
            } else if (b >= 0xF0 && b <= 0xF4) {
                more = 3;
                if (b == 0xF0) min = 0x90; // overlong
                if (b == 0xF4) max = 0x8F; // past U+10FFFF
            } else {
                return false;
            }
            if (end - i <= more) return false;
            int second = a[i + 1] & 0xFF;
            if (second < min || second > max) return false;
            for (int k = 2; k <= more; k++) {
                if ((a[i + k] & 0xC0) != 0x80) return false;
            }
            i += more + 1;
        }
    }
}
