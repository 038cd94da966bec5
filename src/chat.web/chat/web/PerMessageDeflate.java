package chat.web;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.AbstractExtension;
import org.eclipse.jetty.websocket.core.ExtensionConfig;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.eclipse.jetty.websocket.core.exception.ProtocolException;

/**
 * {@code permessage-deflate} (RFC 7692), the compression every browser negotiates, registered with Jetty in place of
 * its own extension (#13). Jetty's compresses each message once per receiver against that receiver's context: a
 * channel's line cost zlib once per member, seven to eleven times a TCP delivery. Here the server's messages are
 * compressed without context ({@code server_no_context_takeover} is always answered, which also lets the browser
 * free its window): each whole message once, for every connection that sends it, by the server's
 * {@link SharedCompression}, the same bytes going to every receiver; a message under {@link #MIN_COMPRESSED_BYTES},
 * or one that compression does not make smaller, goes uncompressed (RSV1 clear). A fragmented message (never one of
 * the server's lines) is deflated here, on its own. What the client sends is inflated with the context it asked for.
 *
 * <p>Public only because Jetty instantiates registered extensions reflectively.
 */
public final class PerMessageDeflate extends AbstractExtension {

    /** The extension's registered name. */
    static final String NAME = "permessage-deflate";
    /**
     * zlib's fastest level: a lone IRC line comes out the same size at level 1 as at 6 (BENCHMARKS.md, #13), and
     * level 1 costs less.
     */
    static final int LEVEL = Deflater.BEST_SPEED;
    /**
     * The server's messages shorter than this go uncompressed (RSV1 clear, RFC 7692 6), without a look for them in
     * {@link SharedCompression}: compressed alone, a line of IRC text with tags comes out 6% smaller at 140 bytes,
     * 15% at 200, 27% at 360 and 35% at 600 (BENCHMARKS.md, #13, seventh session), a few dozen bytes below this
     * size, while every compressed message costs the server a look-up per receiver and every receiver an inflation:
     * in {@code make bench}, whose lines are about 100 bytes, compressing them cost twice the CPU per delivery.
     */
    static final int MIN_COMPRESSED_BYTES = 256;
    /** RFC 7692 7.2.1: a message's compressed data ends with an empty stored block's last four bytes, not sent. */
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};
    /** Room for a message before the first grow: lines are at most a few KiB. */
    private static final int INITIAL_OUTPUT_BYTES = 1024;

    /** Guards the deflater: frames are compressed in the order they reach the wire. */
    private final ReentrantLock sending = new ReentrantLock();
    private Deflater deflater; // guarded by sending
    private byte[] deflated = new byte[INITIAL_OUTPUT_BYTES]; // guarded by sending
    private boolean outgoingMessageStarted; // guarded by sending
    private SharedCompression shared; // guarded by sending; null: every message deflated here
    private boolean sendingClosed; // guarded by sending

    /** Guards the inflater against a close from another thread (Jetty reads one frame at a time). */
    private final ReentrantLock receiving = new ReentrantLock();
    private Inflater inflater; // guarded by receiving
    private byte[] inflated = new byte[INITIAL_OUTPUT_BYTES]; // guarded by receiving
    private boolean incomingCompressed; // guarded by receiving
    private boolean receivingClosed; // guarded by receiving
    private boolean resetAfterIncoming;

    /** Jetty's reflective constructor. */
    public PerMessageDeflate() {
    }

    /** Lets lines that other connections send too go out as compressed once for all ({@link SharedCompression}). */
    void share(SharedCompression lines) {
        sending.lock();
        try {
            shared = lines;
        } finally {
            sending.unlock();
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isRsv1User() {
        return true;
    }

    /**
     * Accepts the client's offer: {@code client_no_context_takeover} is honoured and echoed, and the answer always
     * has {@code server_no_context_takeover} (RFC 7692 7.1.1.1 allows it unasked): no message of the server's refers to
     * an earlier one, which is what lets one compressed message serve every receiver. The window sizes are left out of the answer, as Jetty's own extension does: both sides
     * then use the default 32 KiB window, the only one {@link Deflater} writes (a {@code server_max_window_bits}
     * below 15 cannot be honoured; no browser asks for one).
     */
    @Override
    public void init(ExtensionConfig offer, WebSocketComponents components) {
        Map<String, String> answer = new HashMap<>();
        answer.put("server_no_context_takeover", null);
        for (String key : offer.getParameterKeys()) {
            switch (key.trim()) {
                case "server_no_context_takeover" -> {
                    // answered anyway
                }
                case "client_no_context_takeover" -> {
                    resetAfterIncoming = true;
                    answer.put("client_no_context_takeover", null);
                }
                case "client_max_window_bits", "server_max_window_bits" -> {
                    // see above
                }
                default -> throw new IllegalArgumentException("permessage-deflate: unknown parameter " + key);
            }
        }
        super.init(new ExtensionConfig(NAME, answer), components);
    }

    @Override
    public void sendFrame(OutgoingEntry entry) {
        if (!entry.getFrame().isDataFrame()) {
            nextOutgoingFrame(entry);
            return;
        }
        sending.lock();
        try {
            OutgoingEntry next = compressed(entry);
            // Still under the lock: the frames must reach Jetty's flusher in the deflater's order.
            if (next != null) nextOutgoingFrame(next);
        } finally {
            sending.unlock();
        }
    }

    /**
     * #13: a whole message (one frame with FIN) as it goes on the wire, for a sender that hands it to Jetty's
     * connection itself ({@link IrcWebSocket}); null once its callback has failed. Such a message refers to nothing
     * sent before it, so these need no order among themselves.
     */
    OutgoingEntry compressedWhole(OutgoingEntry entry) {
        sending.lock();
        try {
            return compressed(entry);
        } finally {
            sending.unlock();
        }
    }

    /** The data frame's entry as it goes on (compressed, or as it is with RSV1 clear), or null once failed. */
    private OutgoingEntry compressed(OutgoingEntry entry) {
        Frame frame = entry.getFrame();
        // A frame that passed the session's checks just before the connection closed.
        if (sendingClosed) {
            entry.getCallback().failed(new ClosedChannelException());
            return null;
        }
        boolean whole = !outgoingMessageStarted && frame.isFin();
        // RFC 7692 6: a message without RSV1 is not compressed.
        if (whole && frame.getPayloadLength() < MIN_COMPRESSED_BYTES) return entry;
        SharedCompression.Shared line = whole ? sharedForm(frame) : null;
        if (line != null) return sharedEntry(entry, line);
        Frame compressed = new Frame(frame.getOpCode(), frame.isFin(), ByteBuffer.wrap(deflate(frame)));
        // RSV1 marks a compressed message on its first frame only (RFC 7692 6.1).
        compressed.setRsv1(!outgoingMessageStarted);
        outgoingMessageStarted = !frame.isFin();
        if (frame.isFin()) deflater.reset();
        return new OutgoingEntry.Builder(entry).frame(compressed).build();
    }

    /** How a whole message goes when other connections send it too, or null: compressed here. */
    private SharedCompression.Shared sharedForm(Frame frame) {
        ByteBuffer payload = frame.getPayload();
        if (shared == null || payload == null || !payload.hasArray()) return null;
        return shared.lookup(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
    }

    /** A whole message in its shared form: the same payload for every receiver, or the line as it is. */
    private static OutgoingEntry sharedEntry(OutgoingEntry entry, SharedCompression.Shared line) {
        // RFC 7692 6: a message without RSV1 is not compressed.
        if (!line.compressed()) return entry;
        Frame frame = new Frame(entry.getFrame().getOpCode(), true, ByteBuffer.wrap(line.payload()));
        frame.setRsv1(true);
        return new OutgoingEntry.Builder(entry).frame(frame).build();
    }

    /** The frame's payload deflated with a sync flush, its tail dropped if the message ends here. */
    private byte[] deflate(Frame frame) {
        if (deflater == null) deflater = new Deflater(LEVEL, true);
        deflater.setInput(frame.getPayload().slice());
        int length = 0;
        while (true) {
            length += deflater.deflate(deflated, length, deflated.length - length, Deflater.SYNC_FLUSH);
            // A sync flush is complete once it leaves room in the output: then all its bytes are out.
            if (length < deflated.length) break;
            deflated = Arrays.copyOf(deflated, deflated.length * 2);
        }
        if (frame.isFin()) length = withoutTail(deflated, length);
        // RFC 7692 7.2.3.6: a message that deflates to nothing is sent as one empty stored block.
        if (length == 0 && frame.isFin()) return new byte[] {0x00};
        return Arrays.copyOf(deflated, length);
    }

    /** The length of the sync-flushed {@code bytes[0, length)} without the tail a message's end drops. */
    static int withoutTail(byte[] bytes, int length) {
        if (length < TAIL.length) return length;
        for (int i = 0; i < TAIL.length; i++) {
            if (bytes[length - TAIL.length + i] != TAIL[i]) return length;
        }
        return length - TAIL.length;
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        if (frame.isControlFrame()) {
            nextIncomingFrame(frame, callback);
            return;
        }
        Frame next;
        receiving.lock();
        try {
            next = received(frame, callback);
        } finally {
            receiving.unlock();
        }
        if (next != null) nextIncomingFrame(next, callback);
    }

    /** The data frame to hand on (inflated, or as it came), or null once its callback has failed. */
    private Frame received(Frame frame, Callback callback) {
        if (receivingClosed) {
            callback.failed(new ClosedChannelException());
            return null;
        }
        if (frame.getOpCode() == OpCode.CONTINUATION) {
            if (frame.isRsv1()) {
                callback.failed(new ProtocolException("RSV1 on a continuation frame"));
                return null;
            }
        } else {
            incomingCompressed = frame.isRsv1();
        }
        if (!incomingCompressed) return frame;
        Frame inflated;
        try {
            inflated = new Frame(frame.getOpCode(), frame.isFin(), ByteBuffer.wrap(inflate(frame)));
        } catch (DataFormatException e) {
            callback.failed(new BadPayloadException("bad deflate data: " + e.getMessage()));
            return null;
        } catch (MessageTooLargeException e) {
            callback.failed(e);
            return null;
        }
        if (frame.isFin() && resetAfterIncoming) inflater.reset();
        return inflated;
    }

    /** The frame's payload inflated (with the tail put back if the message ends here), at most a message's size. */
    private byte[] inflate(Frame frame) throws DataFormatException {
        if (inflater == null) inflater = new Inflater(true);
        int length = inflateInto(frame.getPayload().slice(), 0);
        if (frame.isFin()) {
            length = inflateInto(ByteBuffer.wrap(TAIL), length);
            // A client that ended its stream with a final block starts a new one with its next message.
            if (inflater.finished()) inflater.reset();
        }
        return Arrays.copyOf(inflated, length);
    }

    private int inflateInto(ByteBuffer input, int length) throws DataFormatException {
        long text = getConfiguration().getMaxTextMessageSize();
        long binary = getConfiguration().getMaxBinaryMessageSize();
        long limit = text < 0 || binary < 0 ? Long.MAX_VALUE : Math.max(text, binary); // negative: no limit
        inflater.setInput(input);
        while (true) {
            int n = inflater.inflate(inflated, length, inflated.length - length);
            length += n;
            if (length > limit) throw new MessageTooLargeException("inflated message over " + limit + " bytes");
            if (length == inflated.length) {
                inflated = Arrays.copyOf(inflated, inflated.length * 2);
            } else if (inflater.needsInput()) {
                return length;
            } else if (inflater.finished()) {
                if (inflater.getRemaining() > 0) throw new DataFormatException("data after the final block");
                return length;
            } else if (n == 0) {
                throw new DataFormatException(inflater.needsDictionary() ? "a preset dictionary" : "no progress");
            }
        }
    }

    @Override
    public void close() {
        sending.lock();
        try {
            sendingClosed = true;
            if (deflater != null) deflater.end();
        } finally {
            sending.unlock();
        }
        receiving.lock();
        try {
            receivingClosed = true;
            if (inflater != null) inflater.end();
        } finally {
            receiving.unlock();
        }
    }
}
