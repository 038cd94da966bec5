package chat.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * The server's CR LF-ended lines as WebSocket messages, one line each without its CR LF, written through Jetty's core
 * session (#13): each line is a frame of Jetty's, queued in batch mode, and one flush sends all the lines of one
 * write in one socket write, as the TCP transport's do. (The API session sends and writes each message on its own: a
 * system call per line, 20 times TCP's CPU per delivery in a fan-out.) Jetty does all the framing, extensions
 * (a browser's permessage-deflate, by {@link PerMessageDeflate}) included.
 */
final class OutgoingLines {

    private final CoreSession frames;
    private final byte opcode;

    /** {@code text}: text messages, whose payload must be UTF-8; else binary ones. */
    OutgoingLines(CoreSession frames, boolean text) {
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
        FirstFailure failure = new FirstFailure();
        if (!send(bytes, offset, length, sent, failure)) return;
        try {
            sent.get();
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
        send(lines, 0, lines.length, Callback.NOOP, Callback.NOOP);
    }

    /**
     * Hands the CR LF-ended lines to Jetty; {@code sent} completes once all have gone out, {@code eachFailure} hears
     * of a message that failed on its own. False if there was no line.
     */
    private boolean send(byte[] bytes, int offset, int length, Callback sent, Callback eachFailure) {
        int[] ends = LineEnds.in(bytes, offset, length);
        if (ends.length == 0) return false;
        int start = offset;
        for (int lf : ends) {
            int lineLength = LineEnds.lineLength(bytes, start, lf);
            ByteBuffer payload = opcode == OpCode.TEXT
                    ? TextPayload.of(bytes, start, lineLength)
                    : ByteBuffer.wrap(bytes, start, lineLength);
            frames.sendFrame(new Frame(opcode, true, payload), eachFailure, true);
            start = lf + 1;
        }
        frames.flush(sent);
        return true;
    }

    /** The batched frames' shared callback: keeps the first failure (the flush's callback hears of a lost connection). */
    private static final class FirstFailure implements Callback {
        volatile Throwable cause;

        @Override
        public void failed(Throwable x) {
            if (cause == null) cause = x;
        }
    }
}
