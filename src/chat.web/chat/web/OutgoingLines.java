package chat.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * The server's CR LF-ended lines as WebSocket messages, one line each without its CR LF, written through Jetty's core
 * session: #13: each line of one write is a frame queued in batch mode and the write ends with one flush, so the
 * frames share one buffer and one socket write, as the TCP transport's lines do. (The API session sends and writes
 * each message on its own, a system call per line: 20 times TCP's CPU per delivery in a fan-out.)
 */
final class OutgoingLines {

    private final CoreSession frames;
    private final byte opcode;

    /** {@code text}: text messages, whose payload must be UTF-8; else binary ones. */
    OutgoingLines(Session session, boolean text) {
        // The API's session is Jetty's WebSocketSession, whose public getCoreSession() leads to the core API.
        this.frames = ((WebSocketSession) session).getCoreSession();
        this.opcode = text ? OpCode.TEXT : OpCode.BINARY;
    }

    /**
     * Sends the lines of {@code bytes[offset, offset + length)} and waits until they have gone out: the send queue's
     * pace, and the caller reuses {@code bytes} afterwards, which the frames still point into until then.
     *
     * @throws IOException when the connection failed
     */
    void write(byte[] bytes, int offset, int length) throws IOException {
        FirstFailure failure = new FirstFailure();
        if (!queue(bytes, offset, length, failure)) return;
        Callback.Completable flushed = new Callback.Completable();
        frames.flush(flushed);
        try {
            flushed.get();
        } catch (ExecutionException e) {
            throw new IOException("WebSocket write failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
        Throwable cause = failure.cause;
        if (cause != null) throw new IOException("WebSocket write failed: " + cause.getMessage(), cause);
    }

    /** Sends the lines without waiting (the caller never reuses {@code lines}). */
    void send(byte[] lines) {
        if (queue(lines, 0, lines.length, Callback.NOOP)) frames.flush(Callback.NOOP);
    }

    /** Queues one batched frame for each CR LF-ended line; false if there was none. */
    private boolean queue(byte[] bytes, int offset, int length, Callback callback) {
        boolean any = false;
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            if (bytes[i] != '\n') continue;
            int lineEnd = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
            ByteBuffer payload = opcode == OpCode.TEXT
                    ? TextPayload.of(bytes, start, lineEnd - start)
                    : ByteBuffer.wrap(bytes, start, lineEnd - start);
            frames.sendFrame(new Frame(opcode, true, payload), callback, true);
            any = true;
            start = i + 1;
        }
        return any;
    }

    /** The frames' shared callback: keeps the first failure (the flush's own callback hears of a lost connection). */
    private static final class FirstFailure implements Callback {
        volatile Throwable cause;

        @Override
        public void failed(Throwable x) {
            if (cause == null) cause = x;
        }
    }
}
