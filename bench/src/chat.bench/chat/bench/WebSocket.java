package chat.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The client side of RFC 6455 as the IRCv3 WebSocket specification uses it ({@code text.ircv3.net}, one IRC
 * line per message without CR LF), for the generator's WebSocket members: the upgrade request, lines framed
 * as masked text messages, and the header of a server's frame. Stateless; the {@link EventLoop} keeps each
 * client's unfinished frame in its carry.
 *
 * <p>The mask key is all zeros (RFC 6455 only asks that a client mask, with a key of its choosing): the
 * server still unmasks every byte, the generator saves the work of masking them.
 */
final class WebSocket {

    /** The subprotocol the built-in web client asks for. */
    static final String PROTOCOL = "text.ircv3.net";
    /** Opcodes (RFC 6455, 5.2). */
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    /** Longest frame header a server sends: 2 bytes, 8 of extended length (servers never mask). */
    static final int MAX_HEADER_BYTES = 10;

    private WebSocket() {
    }

    /**
     * The HTTP/1.1 upgrade request for {@code path} on {@code host:port} (a fixed key: nothing is secret here),
     * offering {@code extensions} (or null: none).
     */
    static byte[] upgrade(String host, int port, String path, String extensions) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + PROTOCOL + "\r\n"
                + (extensions == null ? "" : "Sec-WebSocket-Extensions: " + extensions + "\r\n")
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Where the upgrade response's header ends in {@code a[0, end)} (after its blank line), or -1 if not yet. */
    static int endOfResponse(byte[] a, int end) {
        for (int i = 3; i < end; i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') return i + 1;
        }
        return -1;
    }

    /** Whether an upgrade response's status line says 101 Switching Protocols. */
    static boolean switched(byte[] a, int start, int end) {
        byte[] ok = "HTTP/1.1 101".getBytes(StandardCharsets.US_ASCII);
        if (end - start < ok.length) return false;
        for (int i = 0; i < ok.length; i++) {
            if (a[start + i] != ok[i]) return false;
        }
        return true;
    }

    /**
     * Frames each line of {@code data[offset, offset + length)} (lines end with LF or CR LF) as one masked text
     * message, without the line ending; empty lines are left out.
     */
    static byte[] lines(byte[] data, int offset, int length) {
        byte[] out = new byte[length + 14 * (1 + count(data, offset, length))];
        int n = 0;
        int end = offset + length;
        int start = offset;
        while (start < end) {
            int lf = Bytes.indexOf(data, start, end, (byte) '\n');
            int next = lf < 0 ? end : lf + 1;
            int lineEnd = lf < 0 ? end : lf > start && data[lf - 1] == '\r' ? lf - 1 : lf;
            if (lineEnd > start) n = frame(out, n, TEXT, data, start, lineEnd - start);
            start = next;
        }
        return Arrays.copyOf(out, n);
    }

    /** One masked message of {@code opcode} holding {@code data[offset, offset + length)}. */
    static byte[] message(int opcode, byte[] data, int offset, int length) {
        byte[] out = new byte[length + 14];
        return Arrays.copyOf(out, frame(out, 0, opcode, data, offset, length));
    }

    private static int frame(byte[] out, int n, int opcode, byte[] data, int offset, int length) {
        n = header(out, n, opcode, length);
        System.arraycopy(data, offset, out, n, length);
        return n + length;
    }

    /** Writes a FIN frame header with a zero mask key at {@code out[n]}; returns the offset after it. */
    private static int header(byte[] out, int n, int opcode, int length) {
        out[n++] = (byte) (0x80 | opcode);
        if (length < 126) {
            out[n++] = (byte) (0x80 | length);
        } else if (length < 65536) {
            out[n++] = (byte) (0x80 | 126);
            out[n++] = (byte) (length >>> 8);
            out[n++] = (byte) length;
        } else {
            out[n++] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) out[n++] = (byte) ((long) length >>> shift);
        }
        for (int i = 0; i < 4; i++) out[n++] = 0; // the mask key
        return n;
    }

    private static int count(byte[] data, int offset, int length) {
        int lines = 0;
        for (int i = offset; i < offset + length; i++) if (data[i] == '\n') lines++;
        return lines;
    }

    /**
     * The length of the header of the server frame at {@code a[p]}, or -1 when {@code a[p, end)} does not hold
     * all of it yet. Servers never mask (RFC 6455, 5.1).
     */
    static int headerLength(byte[] a, int p, int end) {
        if (end - p < 2) return -1;
        int len7 = a[p + 1] & 0x7F;
        int h = len7 == 126 ? 4 : len7 == 127 ? 10 : 2;
        return end - p < h ? -1 : h;
    }

    /** The payload length of the server frame whose whole header is at {@code a[p]}. */
    static long payloadLength(byte[] a, int p) {
        int len7 = a[p + 1] & 0x7F;
        if (len7 < 126) return len7;
        if (len7 == 126) return ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
        long v = 0;
        for (int i = 2; i < 10; i++) v = (v << 8) | (a[p + i] & 0xFF);
        return v;
    }

    static boolean fin(byte[] a, int p) {
        return (a[p] & 0x80) != 0;
    }

    /** Whether the frame's RSV1 bit is set: with permessage-deflate, its message is compressed (RFC 7692, 6). */
    static boolean compressed(byte[] a, int p) {
        return (a[p] & 0x40) != 0;
    }

    static int opcode(byte[] a, int p) {
        return a[p] & 0x0F;
    }
}
