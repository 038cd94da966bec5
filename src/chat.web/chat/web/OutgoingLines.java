package chat.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.OutgoingFrames;

/**
 * The server's CR LF-ended lines as WebSocket messages, one line each without its CR LF (#13): each line is a frame
 * of Jetty's, batched into Jetty's output buffer, and the last line of a write is sent unbatched, which flushes them
 * all in one socket write, as the TCP transport's writes do. Where the frames go is the caller's choice
 * ({@link IrcWebSocket}: Jetty's connection itself, past the session's per-frame path); Jetty writes the frame
 * headers.
 */
final class OutgoingLines {

    private final OutgoingFrames frames;
    private final byte opcode;

    /** {@code text}: text messages, whose payload must be UTF-8; else binary ones. */
    OutgoingLines(OutgoingFrames frames, boolean text) {
        this.frames = frames;
        this.opcode = text ? OpCode.TEXT : OpCode.BINARY;
    }

    /**
     * Sends the lines of {@code bytes[offset, offset + length)} and waits until they have gone out: the send queue's
     * pace, and the caller reuses {@code bytes} afterwards, which Jetty may read until then.
     *
     * @throws IOException when the connection failed
     */
    void write(byte[] bytes, int offset, int length) throws IOException {
        Callback.Completable sent = new Callback.Completable();
        if (!send(bytes, offset, length, sent)) return;
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw new IOException("WebSocket write failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
    }

    /** Sends the lines without waiting (the caller never reuses {@code lines}). */
    void send(byte[] lines) {
        send(lines, 0, lines.length, Callback.NOOP);
    }

    /**
     * Hands the CR LF-ended lines to Jetty; {@code sent} completes once all have gone out, or fails. False if there
     * was no line.
     */
    private boolean send(byte[] bytes, int offset, int length, Callback sent) {
        int[] ends = LineEnds.in(bytes, offset, length);
        if (ends.length == 0) return false;
        if (ends.length == 1) {
            frames.sendFrame(entry(bytes, offset, ends[0], false, sent));
        } else {
            frames.sendFrame(entry(bytes, offset, ends[0], true, new Rest(bytes, ends, sent)));
        }
        return true;
    }

    /** The line from {@code start} to the LF at {@code lf} as a message. */
    private OutgoingEntry entry(byte[] bytes, int start, int lf, boolean batch, Callback callback) {
        int lineLength = LineEnds.lineLength(bytes, start, lf);
        ByteBuffer payload = opcode == OpCode.TEXT
                ? TextPayload.of(bytes, start, lineLength)
                : ByteBuffer.wrap(bytes, start, lineLength);
        return new OutgoingEntry.Builder(new Frame(opcode, true, payload), callback).batch(batch).build();
    }

    /**
     * The lines after the first, sent once Jetty's flusher has taken the first into its buffer: they are sent from
     * the flusher's own callback, while it is still at work, so that it takes them all in one pass (up to eight at a
     * time) rather than one pass, its lock and its lists, per line. Jetty's flusher fails every frame once it has
     * failed one (a lost connection), the last one too: so the last frame's callback, {@code sent}, hears of any
     * failure, and the batched ones need none.
     */
    private final class Rest implements Callback {
        private final byte[] bytes;
        private final int[] ends;
        private final Callback sent;

        Rest(byte[] bytes, int[] ends, Callback sent) {
            this.bytes = bytes;
            this.ends = ends;
            this.sent = sent;
        }

        @Override
        public void succeeded() {
            int last = ends.length - 1;
            for (int i = 1; i < last; i++) frames.sendFrame(entry(bytes, ends[i - 1] + 1, ends[i], true, NOOP));
            // Unbatched: it flushes them all in one socket write.
            frames.sendFrame(entry(bytes, ends[last - 1] + 1, ends[last], false, sent));
        }

        @Override
        public void failed(Throwable x) {
            sent.failed(x);
        }
    }
}
