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
        int start = offset;
        int last = ends.length - 1;
        for (int i = 0; i <= last; i++) {
            int lf = ends[i];
            int lineLength = LineEnds.lineLength(bytes, start, lf);
            ByteBuffer payload = opcode == OpCode.TEXT
                    ? TextPayload.of(bytes, start, lineLength)
                    : ByteBuffer.wrap(bytes, start, lineLength);
            Frame frame = new Frame(opcode, true, payload);
            // Jetty's flusher fails every frame once it has failed one (a lost connection), the last one too: so the
            // last frame's callback hears of any failure, and the batched frames before it need none.
            if (i < last) frames.sendFrame(new OutgoingEntry.Builder(frame, Callback.NOOP).batch(true).build());
            else frames.sendFrame(new OutgoingEntry.Builder(frame, sent).batch(false).build());
            start = lf + 1;
        }
        return true;
    }
}
