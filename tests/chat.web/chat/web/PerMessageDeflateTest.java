package chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.ExtensionConfig;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.eclipse.jetty.websocket.core.exception.ProtocolException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * #13: chat's permessage-deflate (RFC 7692) as a browser sees it: every message the server sends is one frame that
 * inflates on its own (server_no_context_takeover, always answered) and in the one context a browser keeps for the
 * connection, back to the line; a line several connections send is one compressed payload for all, or the line
 * itself when compression would not shrink it; what a client compresses arrives inflated; bad input fails the frame
 * with the close status RFC 6455 wants.
 */
@Tag("ircv3-websocket")
class PerMessageDeflateTest {

    private static final int MAX_MESSAGE = 8192;
    /** Words that take a line past {@link PerMessageDeflate#MIN_COMPRESSED_BYTES}, below which nothing is compressed. */
    private static final String LONG = " and the news of the day, told at some length".repeat(6);

    private final List<OutgoingEntry> sent = new ArrayList<>();
    private final List<Frame> received = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    private PerMessageDeflate extension(String offer) {
        return extension(offer, null, sent);
    }

    /** An extension sharing {@code lines} (null: none) whose outgoing frames go to {@code out}. */
    private PerMessageDeflate extension(String offer, SharedCompression lines, List<OutgoingEntry> out) {
        PerMessageDeflate e = new PerMessageDeflate();
        if (lines != null) e.share(lines);
        e.init(ExtensionConfig.parse(offer), new WebSocketComponents());
        CoreSession.Empty session = new CoreSession.Empty();
        session.setMaxTextMessageSize(MAX_MESSAGE);
        session.setMaxBinaryMessageSize(MAX_MESSAGE);
        e.setCoreSession(session);
        e.setNextOutgoingFrames(out::add);
        e.setNextIncomingFrames((frame, callback) -> {
            received.add(Frame.copy(frame));
            callback.succeeded();
        });
        return e;
    }

    @Test
    void theAnswerDropsTheServersContextTakeoverAndLeavesTheWindowSizesOut() {
        assertThat(extension("permessage-deflate; client_max_window_bits").getConfig().getParameterizedName())
                .isEqualTo("permessage-deflate;server_no_context_takeover");
        assertThat(extension("permessage-deflate; server_no_context_takeover; client_no_context_takeover")
                .getConfig().getParameterKeys())
                .containsExactlyInAnyOrder("server_no_context_takeover", "client_no_context_takeover");
    }

    @Test
    void everyMessageIsOneCompressedFrameAndTheyInflateInOneContext() throws Exception {
        PerMessageDeflate e = extension("permessage-deflate; client_max_window_bits");
        List<byte[]> lines = List.of(utf8(":alice!a@h PRIVMSG #chan :héllo ✓" + LONG), utf8(":alice!a@h PRIVMSG #chan :héllo ✓" + LONG),
                utf8("x".repeat(70_000)), utf8(":bob!b@h PRIVMSG #chan :bye" + LONG));
        List<Callback> callbacks = new ArrayList<>();
        for (byte[] line : lines) {
            Callback callback = Callback.from(() -> { });
            callbacks.add(callback);
            e.sendFrame(new OutgoingEntry.Builder(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(line)), callback).batch(true).build());
        }
        assertThat(sent).hasSize(lines.size());
        Inflater context = new Inflater(true);
        Inflater[] alone = new Inflater[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            OutgoingEntry entry = sent.get(i);
            Frame f = entry.getFrame();
            assertThat(f.isRsv1()).isTrue();
            assertThat(f.isFin()).isTrue();
            assertThat(f.getOpCode()).isEqualTo(OpCode.TEXT);
            assertThat(entry.isBatch()).isTrue();
            assertThat(entry.getCallback()).isSameAs(callbacks.get(i));
            assertThat(inflate(context, bytes(f.getPayload()))).isEqualTo(lines.get(i));
            alone[i] = new Inflater(true);
            assertThat(inflate(alone[i], bytes(f.getPayload()))).isEqualTo(lines.get(i));
        }
    }

    @Test
    void withoutServerContextTakeoverEveryMessageInflatesOnItsOwn() throws Exception {
        PerMessageDeflate e = extension("permessage-deflate; server_no_context_takeover");
        byte[] line = utf8(":alice!a@h PRIVMSG #chan :the same line twice" + LONG);
        for (int i = 0; i < 2; i++) {
            e.sendFrame(new OutgoingEntry.Builder(new Frame(OpCode.BINARY, true, ByteBuffer.wrap(line)), Callback.NOOP).build());
        }
        for (OutgoingEntry entry : sent) assertThat(inflate(new Inflater(true), bytes(entry.getFrame().getPayload()))).isEqualTo(line);
    }

    @Test
    void aLineSeveralConnectionsSendIsCompressedOnceAndEveryLaterReceiverGetsTheSamePayload() throws Exception {
        SharedCompression lines = new SharedCompression();
        List<List<OutgoingEntry>> outs = new ArrayList<>();
        List<PerMessageDeflate> receivers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outs.add(new ArrayList<>());
            receivers.add(extension("permessage-deflate; client_max_window_bits", lines, outs.get(i)));
        }
        byte[] line = utf8("@msgid=a1b2;time=2026-12-02T07:00:00.000Z :alice!a@h PRIVMSG #chan :hello hello hello all" + LONG);
        for (PerMessageDeflate r : receivers) {
            // A view into a bigger buffer, as OutgoingLines hands over a line of a write.
            byte[] write = utf8("xx" + new String(line, StandardCharsets.UTF_8) + "\r\n");
            r.sendFrame(new OutgoingEntry.Builder(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(write, 2, line.length)), Callback.NOOP).build());
        }
        List<Frame> frames = outs.stream().map(o -> o.getFirst().getFrame()).toList();
        // One payload, compressed once, not a copy per receiver.
        byte[] sharedPayload = frames.getFirst().getPayload().array();
        assertThat(sharedPayload.length).isLessThan(line.length);
        for (Frame f : frames) {
            assertThat(f.isRsv1()).isTrue();
            assertThat(f.getPayload().array()).isSameAs(sharedPayload);
        }
        for (Frame f : frames) {
            assertThat(f.isRsv1()).isTrue();
            assertThat(inflate(new Inflater(true), bytes(f.getPayload()))).isEqualTo(line);
        }
        // It refers to nothing before it: it inflates after anything else the receiver had.
        Inflater browser = new Inflater(true);
        PerMessageDeflate other = extension("permessage-deflate", null, sent);
        other.sendFrame(new OutgoingEntry.Builder(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(line)), Callback.NOOP).build());
        assertThat(inflate(browser, bytes(sent.getFirst().getFrame().getPayload()))).isEqualTo(line);
        assertThat(inflate(browser, bytes(frames.get(2).getPayload()))).isEqualTo(line);
        lines.close();
    }

    @Test
    void sharedLinesInterleavedWithEachReceiversOwnInflateInOneContextAsABrowserKeepsIt() throws Exception {
        SharedCompression lines = new SharedCompression();
        int receiverCount = 3;
        List<List<OutgoingEntry>> outs = new ArrayList<>();
        List<PerMessageDeflate> receivers = new ArrayList<>();
        List<List<byte[]>> expected = new ArrayList<>();
        for (int i = 0; i < receiverCount; i++) {
            outs.add(new ArrayList<>());
            expected.add(new ArrayList<>());
            receivers.add(extension("permessage-deflate; client_max_window_bits", lines, outs.get(i)));
        }
        java.util.Random random = new java.util.Random(13);
        int sharedSent = 0;
        for (int step = 0; step < 600; step++) {
            if (random.nextInt(3) == 0) {
                // A channel line: every member gets it.
                String topic = "about the same topic as before, " + step % 7 + " ";
                byte[] line = utf8(":bob!b@h PRIVMSG #chan :line " + step + " " + topic.repeat(8));
                for (int i = 0; i < receiverCount; i++) {
                    send(receivers.get(i), line);
                    expected.get(i).add(line);
                }
                sharedSent++;
            } else {
                // Each receiver's own reply, much like its earlier ones (which it must not refer to).
                for (int i = 0; i < receiverCount; i++) {
                    // Past the size below which nothing is compressed every fifth step, under it the others.
                    String members = (" member" + (step % 5)).repeat(step % 5 == 0 ? 40 : 1);
                    byte[] line = utf8(":server 353 user" + i + " = #chan :@op user" + i + members + " " + step);
                    send(receivers.get(i), line);
                    expected.get(i).add(line);
                }
            }
        }
        int sharedFrames = 0;
        for (int i = 0; i < receiverCount; i++) {
            Inflater browser = new Inflater(true);
            List<OutgoingEntry> out = outs.get(i);
            assertThat(out).hasSameSizeAs(expected.get(i));
            for (int m = 0; m < out.size(); m++) {
                Frame f = out.get(m).getFrame();
                byte[] got = f.isRsv1() ? inflate(browser, bytes(f.getPayload())) : bytes(f.getPayload());
                assertThat(got).as("receiver %d, message %d", i, m).isEqualTo(expected.get(i).get(m));
                if (f.isRsv1()) assertThat(inflate(new Inflater(true), bytes(f.getPayload()))).isEqualTo(got);
                if (i > 0 && f.isRsv1() && f.getPayload().array() == outs.get(0).get(m).getFrame().getPayload().array()) sharedFrames++;
            }
        }
        // Every channel line reached the later receivers as one shared payload.
        assertThat(sharedFrames).isEqualTo(sharedSent * (receiverCount - 1));
        lines.close();
    }

    @Test
    void aLineThatCompressionDoesNotShrinkGoesUncompressedBetweenCompressedOnes() throws Exception {
        SharedCompression lines = new SharedCompression();
        List<OutgoingEntry> out = new ArrayList<>();
        PerMessageDeflate other = extension("permessage-deflate", lines, new ArrayList<>());
        PerMessageDeflate receiver = extension("permessage-deflate", lines, out);
        byte[] own = utf8(":server NOTICE you :" + "a reply of your own, ".repeat(14));
        byte[] again = utf8(":server NOTICE you :" + "a reply of your own, ".repeat(14) + "again");
        byte[] noise = new byte[400];
        new java.util.Random(7).nextBytes(noise);
        send(receiver, own);
        send(other, noise);
        send(receiver, noise);
        send(receiver, again);
        Frame plain = out.get(1).getFrame();
        assertThat(plain.isRsv1()).isFalse();
        assertThat(bytes(plain.getPayload())).isEqualTo(noise);
        Inflater browser = new Inflater(true);
        assertThat(out.get(0).getFrame().isRsv1()).isTrue();
        assertThat(inflate(browser, bytes(out.get(0).getFrame().getPayload()))).isEqualTo(own);
        assertThat(out.get(2).getFrame().isRsv1()).isTrue();
        assertThat(inflate(browser, bytes(out.get(2).getFrame().getPayload()))).isEqualTo(again);
        lines.close();
    }

    @Test
    void aLineShorterThanTheMinimumGoesAsItIsAndALineOfTheMinimumCompressed() throws Exception {
        SharedCompression lines = new SharedCompression();
        List<OutgoingEntry> out = new ArrayList<>();
        PerMessageDeflate receiver = extension("permessage-deflate", lines, out);
        byte[] shorter = utf8(":a!a@h PRIVMSG #c :" + "z".repeat(PerMessageDeflate.MIN_COMPRESSED_BYTES - 20));
        byte[] minimum = utf8(":a!a@h PRIVMSG #c :" + "z".repeat(PerMessageDeflate.MIN_COMPRESSED_BYTES - 19));
        assertThat(minimum).hasSize(PerMessageDeflate.MIN_COMPRESSED_BYTES);
        OutgoingEntry plain = new OutgoingEntry.Builder(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(shorter)), Callback.NOOP).build();
        receiver.sendFrame(plain);
        send(receiver, minimum);
        // The same entry, untouched: RSV1 clear, the line's own bytes.
        assertThat(out.get(0)).isSameAs(plain);
        assertThat(out.get(0).getFrame().isRsv1()).isFalse();
        Frame compressed = out.get(1).getFrame();
        assertThat(compressed.isRsv1()).isTrue();
        assertThat(compressed.getPayloadLength()).isLessThan(minimum.length);
        assertThat(inflate(new Inflater(true), bytes(compressed.getPayload()))).isEqualTo(minimum);
        lines.close();
    }

    private static void send(PerMessageDeflate e, byte[] line) {
        e.sendFrame(new OutgoingEntry.Builder(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(line)), Callback.NOOP).batch(true).build());
    }

    @Test
    void controlFramesPassAsTheyAre() {
        PerMessageDeflate e = extension("permessage-deflate");
        Frame ping = new Frame(OpCode.PING, "are you there");
        e.sendFrame(new OutgoingEntry.Builder(ping, Callback.NOOP).build());
        assertThat(sent).singleElement().satisfies(entry -> assertThat(entry.getFrame()).isSameAs(ping));
    }

    @Test
    void compressedMessagesFromTheClientArriveInflatedAndPlainOnesUnchanged() {
        PerMessageDeflate e = extension("permessage-deflate");
        Deflater client = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] first = utf8("PRIVMSG #chan :héllo");
        byte[] second = utf8("PRIVMSG #chan :héllo again");
        e.onFrame(compressed(OpCode.TEXT, true, deflate(client, first, true)), recording());
        e.onFrame(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(utf8("PING :plain"))), recording());
        // One message in two frames: RSV1 on the first only, the tail dropped at the end only.
        byte[] whole = deflate(client, second, true);
        e.onFrame(compressed(OpCode.TEXT, false, Arrays.copyOf(whole, 3)), recording());
        e.onFrame(new Frame(OpCode.CONTINUATION, true, ByteBuffer.wrap(Arrays.copyOfRange(whole, 3, whole.length))), recording());
        assertThat(failures).isEmpty();
        assertThat(received).hasSize(4);
        assertThat(bytes(received.get(0).getPayload())).isEqualTo(first);
        assertThat(bytes(received.get(1).getPayload())).isEqualTo(utf8("PING :plain"));
        ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        fragments.writeBytes(bytes(received.get(2).getPayload()));
        fragments.writeBytes(bytes(received.get(3).getPayload()));
        assertThat(fragments.toByteArray()).isEqualTo(second);
        assertThat(received.get(2).isFin()).isFalse();
        assertThat(received).noneMatch(Frame::isRsv1);
        assertThat(received).extracting(Frame::getOpCode).containsExactly(OpCode.TEXT, OpCode.TEXT, OpCode.TEXT, OpCode.CONTINUATION);
    }

    @Test
    void badInputFailsTheFrame() {
        PerMessageDeflate e = extension("permessage-deflate");
        e.onFrame(compressed(OpCode.TEXT, true, new byte[] {(byte) 0xff, (byte) 0xff, 0x13, 0x37}), recording());
        e = extension("permessage-deflate");
        e.onFrame(new Frame(OpCode.TEXT, false, ByteBuffer.wrap(utf8("a"))), recording());
        e.onFrame(compressed(OpCode.CONTINUATION, true, new byte[] {0x00}), recording());
        e = extension("permessage-deflate");
        e.onFrame(compressed(OpCode.BINARY, true, deflate(new Deflater(9, true), new byte[MAX_MESSAGE + 1], true)), recording());
        assertThat(failures).hasSize(3);
        assertThat(failures.get(0)).isInstanceOf(BadPayloadException.class);
        assertThat(failures.get(1)).isInstanceOf(ProtocolException.class);
        assertThat(failures.get(2)).isInstanceOf(MessageTooLargeException.class);
        assertThat(received).extracting(f -> new String(bytes(f.getPayload()), StandardCharsets.UTF_8)).containsExactly("a");
    }

    @Test
    void framesAfterCloseFailTheirCallbacksInsteadOfReachingAnEndedDeflater() {
        PerMessageDeflate e = extension("permessage-deflate");
        e.sendFrame(new OutgoingEntry.Builder(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(utf8("before"))), recording()).build());
        e.close();
        e.sendFrame(new OutgoingEntry.Builder(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(utf8("after"))), recording()).build());
        e.onFrame(compressed(OpCode.TEXT, true, deflate(new Deflater(1, true), utf8("late"), true)), recording());
        assertThat(sent).hasSize(1);
        assertThat(received).isEmpty();
        assertThat(failures).hasSize(2).allMatch(f -> f instanceof java.nio.channels.ClosedChannelException);
    }

    /** A frame's callback that keeps its failure. */
    private Callback recording() {
        return Callback.from(() -> { }, failures::add);
    }

    /** A frame with RSV1 set. */
    private static Frame compressed(byte opcode, boolean fin, byte[] payload) {
        Frame f = new Frame(opcode, fin, ByteBuffer.wrap(payload));
        f.setRsv1(true);
        return f;
    }

    /** What a client sends: a sync-flushed block without its last four bytes (RFC 7692 7.2.1). */
    private static byte[] deflate(Deflater deflater, byte[] data, boolean dropTail) {
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        byte[] a = out.toByteArray();
        return dropTail ? Arrays.copyOf(a, a.length - 4) : a;
    }

    private static byte[] inflate(Inflater context, byte[] payload) throws Exception {
        byte[] input = Arrays.copyOf(payload, payload.length + 4);
        input[input.length - 2] = (byte) 0xff;
        input[input.length - 1] = (byte) 0xff;
        context.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!context.needsInput()) {
            int n = context.inflate(buffer);
            out.write(buffer, 0, n);
            if (n == 0 && context.needsInput()) break;
        }
        return out.toByteArray();
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] a = new byte[d.remaining()];
        d.get(a);
        return a;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
