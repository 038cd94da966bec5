package chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.OutgoingFrames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * #13: what one write puts on the wire, read back as RFC 6455 messages: one per line, in order, whole, without CR LF,
 * with one flush or one frame per write; text that is not UTF-8 has U+FFFD instead. The wire bytes are made as Jetty's
 * generator makes them: a header from the frame's opcode and payload length, then its payload as it is.
 */
@Tag("ircv3-websocket")
class OutgoingLinesTest {

    /** Lines of every length class: empty, short, a 16-bit length (126 and up), a 64-bit one (65536 and up). */
    private static final List<byte[]> LINES = List.of(
            ascii(":a PRIVMSG #c :hi"), ascii(""), utf8(":b PRIVMSG #c :héllo ✓ 😀"), ascii("x".repeat(125)),
            ascii("y".repeat(126)), ascii("z".repeat(65_535)), ascii("w".repeat(65_536)), ascii("end"));

    @ParameterizedTest(name = "text={0}")
    @CsvSource({"true", "false"})
    void eachLineOfAWriteIsOneMessageInOrderAndTheWriteIsOneFlush(boolean text) throws Exception {
        Recorder session = new Recorder();
        new OutgoingLines(session, text).write(joined(LINES, "\r\n", 5), 5, joined(LINES, "\r\n", 5).length - 10);
        assertThat(session.messages()).containsExactlyElementsOf(LINES);
        assertThat(session.opcodes).containsOnly(text ? OpCode.TEXT : OpCode.BINARY);
        // A frame of Jetty's per line, batched but the last, whose sending flushes them all: one socket write.
        assertThat(session.writes).isEqualTo(1);
        assertThat(session.entries).hasSize(LINES.size());
        assertThat(session.entries.subList(0, LINES.size() - 1)).allMatch(OutgoingEntry::isBatch);
        assertThat(session.entries.getLast().isBatch()).isFalse();
    }

    @Test
    void textThatIsNotUtf8IsSentWithReplacementCharactersAndTheOtherLinesUnchanged() throws Exception {
        List<byte[]> lines = List.of(ascii("PRIVMSG a :ok"), new byte[] {'b', 'a', 'd', ' ', (byte) 0xff, (byte) 0xc3, '!'}, utf8("é"));
        Recorder session = new Recorder();
        byte[] bytes = joined(lines, "\n", 0);
        new OutgoingLines(session, true).write(bytes, 0, bytes.length);
        assertThat(session.messages()).containsExactly(ascii("PRIVMSG a :ok"), utf8("bad \uFFFD\uFFFD!"), utf8("é"));
        assertThat(session.writes).isEqualTo(1);
    }

    @Test
    void binaryMessagesCarryAnyBytes() throws Exception {
        byte[] bad = {'b', 'a', 'd', ' ', (byte) 0xff};
        Recorder session = new Recorder();
        byte[] bytes = joined(List.of(bad, ascii("next")), "\r\n", 0);
        new OutgoingLines(session, false).write(bytes, 0, bytes.length);
        assertThat(session.messages()).containsExactly(bad, ascii("next"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The lines, each ended by {@code ending}, between {@code pad} bytes of junk on each side. */
    private static byte[] joined(List<byte[]> lines, String ending, int pad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[pad]);
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.writeBytes(ascii(ending));
        }
        out.writeBytes(new byte[pad]);
        return out.toByteArray();
    }

    /**
     * Jetty's connection as the lines reach it: generates the wire bytes of what it is sent, completes every callback
     * at once (a batched frame's as soon as it is in the buffer, as Jetty's flusher does), and counts flushes.
     */
    private static final class Recorder implements OutgoingFrames {
        private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        final List<Byte> opcodes = new ArrayList<>();
        final List<OutgoingEntry> entries = new ArrayList<>();
        int writes;

        @Override
        public void sendFrame(OutgoingEntry entry) {
            entries.add(entry);
            Frame f = entry.getFrame();
            assertThat(f.isFin()).isTrue();
            int length = f.getPayloadLength();
            pending.write(0x80 | f.getOpCode());
            if (length < 126) {
                pending.write(length);
            } else if (length < 65536) {
                pending.write(126);
                pending.write(length >>> 8);
                pending.write(length & 0xFF);
            } else {
                pending.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) pending.write((int) ((long) length >>> shift) & 0xFF);
            }
            ByteBuffer payload = f.getPayload().duplicate();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            pending.writeBytes(bytes);
            if (!entry.isBatch()) flushPending();
            entry.getCallback().succeeded();
        }

        private void flushPending() {
            if (pending.size() == 0) return;
            wire.writeBytes(pending.toByteArray());
            pending.reset();
            writes++;
        }

        /** The wire bytes read back as messages (every one a single frame with FIN, unmasked). */
        List<byte[]> messages() {
            assertThat(pending.size()).as("bytes never flushed").isZero();
            byte[] a = wire.toByteArray();
            List<byte[]> out = new ArrayList<>();
            int p = 0;
            while (p < a.length) {
                assertThat(a[p] & 0x80).as("FIN").isNotZero();
                opcodes.add((byte) (a[p] & 0x0F));
                int len7 = a[p + 1] & 0x7F;
                long length = len7;
                p += 2;
                if (len7 == 126) {
                    length = ((a[p] & 0xFF) << 8) | (a[p + 1] & 0xFF);
                    p += 2;
                } else if (len7 == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) length = (length << 8) | (a[p + i] & 0xFF);
                    p += 8;
                }
                byte[] message = new byte[(int) length];
                System.arraycopy(a, p, message, 0, message.length);
                out.add(message);
                p += message.length;
            }
            return out;
        }
    }
}
