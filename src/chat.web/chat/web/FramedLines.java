package chat.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.core.Frame;

/**
 * Several whole WebSocket messages handed to Jetty as one frame (#13): Jetty writes the first message's header
 * from {@link #getPayloadLength()}, the first line's length, and then the payload as it is, which holds that line
 * and every further line framed here (RFC 6455, 5.2: FIN, the opcode, a server's unmasked length). Jetty's own
 * per-frame path (a queue entry, locks and a callback for each message) costs several times what the whole TCP
 * delivery of a line costs; this is one pass through it per write.
 *
 * <p>Only for a session with no extension: an extension (permessage-deflate) would transform the whole payload.
 */
final class FramedLines extends Frame {

    /** Longest header of a server's frame: 2 bytes and a 64-bit length. */
    static final int MAX_HEADER_BYTES = 10;

    private final int firstLength;

    private FramedLines(byte opcode, ByteBuffer messages, int firstLength) {
        super(opcode, true, messages);
        this.firstLength = firstLength;
    }

    /** The length Jetty puts in the header it writes: the first message's; the rest of the payload is framed. */
    @Override
    public int getPayloadLength() {
        return firstLength;
    }

    /** The lines of {@code bytes} from {@code offset} that end at the LFs at {@code ends} (one at least) as messages. */
    static FramedLines of(byte opcode, byte[] bytes, int offset, int[] ends) {
        int firstLength = LineEnds.lineLength(bytes, offset, ends[0]);
        int size = firstLength;
        for (int i = 1; i < ends.length; i++) {
            int length = LineEnds.lineLength(bytes, ends[i - 1] + 1, ends[i]);
            size += headerLength(length) + length;
        }
        byte[] out = new byte[size];
        System.arraycopy(bytes, offset, out, 0, firstLength);
        int n = firstLength;
        for (int i = 1; i < ends.length; i++) {
            int start = ends[i - 1] + 1;
            int length = LineEnds.lineLength(bytes, start, ends[i]);
            n = header(out, n, opcode, length);
            System.arraycopy(bytes, start, out, n, length);
            n += length;
        }
        return new FramedLines(opcode, ByteBuffer.wrap(out), firstLength);
    }

    static int headerLength(int payloadLength) {
        return payloadLength < 126 ? 2 : payloadLength < 65536 ? 4 : MAX_HEADER_BYTES;
    }

    private static int header(byte[] out, int n, byte opcode, int length) {
        out[n++] = (byte) (0x80 | opcode); // FIN: one frame per message
        if (length < 126) {
            out[n++] = (byte) length;
        } else if (length < 65536) {
            out[n++] = 126;
            out[n++] = (byte) (length >>> 8);
            out[n++] = (byte) length;
        } else {
            out[n++] = 127;
            for (int shift = 56; shift >= 0; shift -= 8) out[n++] = (byte) ((long) length >>> shift);
        }
        return n;
    }
}
