package chat.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The receiving half of permessage-deflate (RFC 7692) for one WebSocket member, as a browser negotiates it: the
 * offer Chromium makes, the server's answer read from the upgrade response, and the inflating of each compressed
 * message (RSV1 set). The generator's own messages go out uncompressed, which the extension allows; the server's
 * come compressed, and inflating them is what a browser does for every line it receives. Confined to the event
 * loop's thread, like its {@link Client}.
 */
final class PerMessageDeflate {

    /** What Chromium offers in {@code Sec-WebSocket-Extensions}. */
    static final String OFFER = "permessage-deflate; client_max_window_bits";
    /** The end of a sync flush, which the sender takes off each message and the receiver puts back (RFC 7692, 7.2.2). */
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};
    private static final String HEADER = "sec-websocket-extensions:";

    private final Inflater inflater = new Inflater(true);
    /** The server resets its compressor after each message: so must the inflater. */
    private final boolean serverNoContextTakeover;
    private final int maxMessageBytes;
    private byte[] out = new byte[512];
    private long compressedBytes;
    private long inflatedBytes;
    private long messages;
    private long uncompressedMessages;

    PerMessageDeflate(boolean serverNoContextTakeover, int maxMessageBytes) {
        this.serverNoContextTakeover = serverNoContextTakeover;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * The extension as the server accepted it in the upgrade response {@code a[start, end)} (its header lines), or
     * null when it did not accept {@code permessage-deflate}.
     */
    static PerMessageDeflate accepted(byte[] a, int start, int end, int maxMessageBytes) {
        String head = new String(a, start, end - start, StandardCharsets.ISO_8859_1);
        for (String line : head.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith(HEADER)) continue;
            for (String extension : line.substring(HEADER.length()).split(",")) {
                String[] params = extension.split(";");
                if (!params[0].strip().equalsIgnoreCase("permessage-deflate")) continue;
                boolean noTakeover = Arrays.stream(params).skip(1)
                        .anyMatch(p -> p.strip().equalsIgnoreCase("server_no_context_takeover"));
                return new PerMessageDeflate(noTakeover, maxMessageBytes);
            }
        }
        return null;
    }

    boolean serverNoContextTakeover() {
        return serverNoContextTakeover;
    }

    /**
     * Inflates the compressed message {@code a[from, to)} (one whole message) into {@link #output()}; returns its
     * length.
     *
     * @throws DataFormatException when the payload is not deflate data, or inflates past the longest message
     */
    int inflate(byte[] a, int from, int to) throws DataFormatException {
        inflater.setInput(a, from, to - from);
        int n = drain(0);
        inflater.setInput(TAIL);
        n = drain(n);
        // A final block ends the stream: the next message starts a new one, as without context takeover.
        if (serverNoContextTakeover || inflater.finished()) inflater.reset();
        compressedBytes += to - from;
        inflatedBytes += n;
        messages++;
        return n;
    }

    /**
     * Counts a message of {@code length} bytes the server sent uncompressed (RSV1 clear, RFC 7692 6: when compressing
     * would not make it smaller); the window does not change.
     */
    void uncompressed(int length) {
        compressedBytes += length;
        inflatedBytes += length;
        messages++;
        uncompressedMessages++;
    }

    private int drain(int n) throws DataFormatException {
        while (true) {
            if (n == out.length) out = Arrays.copyOf(out, Math.min(2 * n, maxMessageBytes + 1));
            int k = inflater.inflate(out, n, out.length - n);
            n += k;
            if (n > maxMessageBytes) throw new DataFormatException("message longer than " + maxMessageBytes + " bytes");
            if (inflater.finished() || inflater.needsDictionary()) return n;
            // Room left in the output and nothing more came out: all of the input is inflated.
            if (n < out.length && (k == 0 || inflater.needsInput())) return n;
        }
    }

    /** The last inflated message; reused by the next {@link #inflate}. */
    byte[] output() {
        return out;
    }

    /** Messages received, compressed or not. */
    long messages() {
        return messages;
    }

    /** Of those, the messages that came uncompressed. */
    long uncompressedMessages() {
        return uncompressedMessages;
    }

    /** Payload bytes of the messages received, as they came on the wire. */
    long compressedBytes() {
        return compressedBytes;
    }

    /** Those messages' bytes once inflated (an uncompressed one's as they came). */
    long inflatedBytes() {
        return inflatedBytes;
    }

    /** Frees the inflater's native memory. */
    void end() {
        inflater.end();
    }
}
