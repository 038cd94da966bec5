package chat.server.net;

import chat.protocol.LineParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a client's byte stream into lines ended by CR, LF or both. Its buffer starts small and grows only
 * up to the longest legal line; a longer line is skipped without being kept, and a client that sends more
 * than the receive limit without any line ending is cut off. Confined to the connection's reader thread (on a
 * non-blocking socket, to one reader thread at a time: each hands over to the next through the {@link Inbox}).
 *
 * <p>#17: on a non-blocking source the reader returns when nothing more is there, and lets go of an empty
 * buffer: an idle client keeps neither a thread nor a read buffer.
 */
final class LineReader {

    /** First size of the read buffer: most idle clients never need more. */
    static final int INITIAL_BUFFER_BYTES = 512;
    /** Largest buffer: a full tag section plus a full line and its ending. */
    static final int MAX_BUFFER_BYTES = LineParser.MAX_RAW_LINE_BYTES + 2;

    /** What the reader finds. Each method returns false to stop reading. */
    interface Sink {
        boolean line(byte[] buf, int offset, int length);

        boolean tooLong();

        /** The first byte was a TLS handshake record: this is not an IRC client on a plain port. */
        void tlsHandshake();
    }

    /** A client sent more than the receive limit without a line ending. */
    static final class ReceiveQueueExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        ReceiveQueueExceeded() {
            super("RecvQ exceeded");
        }
    }

    /** Where the bytes come from: a blocking stream, or a non-blocking socket whose read may give 0. */
    interface Source {
        /** Bytes read into {@code buf[offset, offset + length)}; 0 when a non-blocking source has none now; -1 at the end. */
        int read(byte[] buf, int offset, int length) throws IOException;

        /** Bytes that can be read without blocking. */
        int available() throws IOException;
    }

    private static final byte[] RELEASED = new byte[0];

    private final Source in;
    private final int receiveLimitBytes;
    private final boolean detectTls;
    private byte[] buf = new byte[INITIAL_BUFFER_BYTES];
    private int start;
    private int end;
    private boolean skipping;
    private long skipped;
    private boolean first = true;

    LineReader(InputStream in, int receiveLimitBytes, boolean detectTls) {
        this(new Source() {
            @Override
            public int read(byte[] buf, int offset, int length) throws IOException {
                return in.read(buf, offset, length);
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }
        }, receiveLimitBytes, detectTls);
    }

    LineReader(Source in, int receiveLimitBytes, boolean detectTls) {
        this.in = in;
        this.receiveLimitBytes = receiveLimitBytes;
        this.detectTls = detectTls;
    }

    /** Input received but not yet handed to the sink, including what waits in the socket. */
    long pendingBytes() {
        long waiting;
        try {
            waiting = in.available();
        } catch (IOException e) {
            waiting = 0;
        }
        return (end - start) + waiting;
    }

    /**
     * Reads until end of stream or until the sink says stop (false), or until a non-blocking source has nothing
     * more for now (true: call again when it has).
     */
    boolean run(Sink sink) throws IOException {
        while (true) {
            if (buf == RELEASED) buf = new byte[INITIAL_BUFFER_BYTES];
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) return false;
            if (n == 0) {
                if (start == end && !skipping) {
                    start = end = 0;
                    buf = RELEASED;
                }
                return true;
            }
            if (first && n > 0) {
                first = false;
                if (detectTls && buf[0] == 0x16) {
                    sink.tlsHandshake();
                    return false;
                }
            }
            int scan = end;
            end += n;
            for (int i = scan; i < end; i++) {
                byte b = buf[i];
                if (b != '\n' && b != '\r') continue;
                boolean go;
                if (skipping) {
                    skipping = false;
                    skipped = 0;
                    go = sink.tooLong();
                } else if (i - start > LineParser.MAX_RAW_LINE_BYTES) {
                    go = sink.tooLong();
                } else {
                    go = i <= start || sink.line(buf, start, i - start);
                }
                start = i + 1;
                if (!go) return false;
            }
            makeRoom();
        }
    }

    private void makeRoom() throws ReceiveQueueExceeded {
        int pending = end - start;
        if (skipping) {
            skipped += pending;
            start = end = 0;
        } else if (pending > LineParser.MAX_RAW_LINE_BYTES) {
            skipping = true;
            skipped = pending;
            start = end = 0;
        }
        if ((skipping ? skipped : pending) > receiveLimitBytes) throw new ReceiveQueueExceeded();
        if (start == end) {
            start = end = 0;
        } else if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, pending);
                start = 0;
                end = pending;
            } else {
                byte[] bigger = new byte[Math.min(buf.length * 2, MAX_BUFFER_BYTES)];
                System.arraycopy(buf, 0, bigger, 0, end);
                buf = bigger;
            }
        }
    }
}
