package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.protocol.LineParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LineReaderTest {

    private static final int RECVQ = 64 * 1024;

    /** How the bytes reach the reader: as much as it asks for, or one byte per read. */
    enum Feed {
        BULK, ONE_BYTE;

        InputStream of(byte[] bytes) {
            return this == BULK ? new ByteArrayInputStream(bytes) : new OneByteAtATime(bytes);
        }
    }

    /** Returns one byte per read, so that every line ending falls across reads. */
    static final class OneByteAtATime extends InputStream {
        private final ByteArrayInputStream in;

        OneByteAtATime(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return len == 0 ? 0 : in.read(b, off, 1);
        }

        @Override
        public int available() {
            return in.available();
        }
    }

    /** Records what the reader reports; lines as ISO-8859-1 text so that every byte survives. */
    static final class Events implements LineReader.Sink {
        final List<String> events = new ArrayList<>();
        String stopAfter;

        @Override
        public boolean line(byte[] buf, int offset, int length) {
            String line = new String(buf, offset, length, StandardCharsets.ISO_8859_1);
            events.add(line);
            return !line.equals(stopAfter);
        }

        @Override
        public boolean tooLong() {
            events.add("<too long>");
            return !"<too long>".equals(stopAfter);
        }

        @Override
        public void tlsHandshake() {
            events.add("<tls>");
        }
    }

    private static List<String> read(Feed feed, String input) throws IOException {
        return read(feed, input.getBytes(StandardCharsets.ISO_8859_1), RECVQ);
    }

    private static List<String> read(Feed feed, byte[] input, int limit) throws IOException {
        Events sink = new Events();
        new LineReader(feed.of(input), limit, true).run(sink);
        return sink.events;
    }

    private static String x(int n) {
        return "x".repeat(n);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void splitsOnCrLfCrAndLf(Feed feed) throws IOException {
        assertThat(read(feed, "NICK a\r\nUSER b 0 * :B\rPING c\nQUIT\r\n"))
                .containsExactly("NICK a", "USER b 0 * :B", "PING c", "QUIT");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void skipsEmptyLines(Feed feed) throws IOException {
        assertThat(read(feed, "\r\n\r\n\n\rA\r\n\n\n\r\rB\n\r")).containsExactly("A", "B");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void unterminatedTailIsNotALine(Feed feed) throws IOException {
        assertThat(read(feed, "A\r\nB")).containsExactly("A");
        assertThat(read(feed, "")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void passesBytesThroughUnchanged(Feed feed) throws IOException {
        byte[] input = {'P', ' ', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, 0, 0x16, '\n'};

        assertThat(read(feed, input, RECVQ))
                .containsExactly(new String(input, 0, input.length - 1, StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void deliversManyLinesInOrderAcrossBufferRefills(Feed feed) throws IOException {
        StringBuilder in = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String line = "PRIVMSG #a :message number " + i;
            expected.add(line);
            in.append(line).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
        }

        assertThat(read(feed, in.toString())).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void deliversLinesOfEveryLegalLengthWhateverTheBufferState(Feed feed) throws IOException {
        StringBuilder in = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int len = 1; len <= LineParser.MAX_RAW_LINE_BYTES; len += 97) {
            String line = Integer.toString(len) + "y".repeat(Math.max(0, len - Integer.toString(len).length()));
            expected.add(line);
            in.append(line).append("\r\n");
        }
        expected.add("z".repeat(LineParser.MAX_RAW_LINE_BYTES));
        in.append(expected.getLast()).append("\n");

        assertThat(read(feed, in.toString())).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void lineOfExactlyTheLongestRawLengthIsDelivered(Feed feed) throws IOException {
        String longest = x(LineParser.MAX_RAW_LINE_BYTES);

        assertThat(read(feed, longest + "\r\nNEXT\r\n")).containsExactly(longest, "NEXT");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void lineOneByteLongerThanTheLongestIsSkippedAsTooLong(Feed feed) throws IOException {
        assertThat(read(feed, x(LineParser.MAX_RAW_LINE_BYTES + 1) + "\r\nNEXT\r\n"))
                .containsExactly("<too long>", "NEXT");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void longLinesAreSkippedAndReportedWhenTheirEndingArrives(Feed feed) throws IOException {
        String in = "A\r\n" + x(LineParser.MAX_RAW_LINE_BYTES + 2) + "\r\nB\n" + x(10_000) + "\nC\r" + x(20_000) + "\r\nD\n";

        assertThat(read(feed, in)).containsExactly("A", "<too long>", "B", "<too long>", "C", "<too long>", "D");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void tooLongIsReportedOnceForACrLfEnding(Feed feed) throws IOException {
        assertThat(read(feed, x(9_000) + "\r\n")).containsExactly("<too long>");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void longLineWithoutEndingIsNotReported(Feed feed) throws IOException {
        assertThat(read(feed, "A\n" + x(9_000))).containsExactly("A");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void moreThanTheReceiveLimitWithoutEndingIsCutOff(Feed feed) {
        Events sink = new Events();
        byte[] in = ("A\n" + x(RECVQ + 1)).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new LineReader(feed.of(in), RECVQ, true).run(sink))
                .isInstanceOf(LineReader.ReceiveQueueExceeded.class)
                .hasMessage("RecvQ exceeded");
        assertThat(sink.events).containsExactly("A");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void endingThatArrivesLongAfterTheLimitIsTooLate(Feed feed) {
        Events sink = new Events();
        byte[] in = (x(3 * RECVQ) + "\r\nNEXT\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new LineReader(feed.of(in), RECVQ, true).run(sink))
                .isInstanceOf(LineReader.ReceiveQueueExceeded.class);
        assertThat(sink.events).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void exactlyTheReceiveLimitWithoutEndingIsStillTolerated(Feed feed) throws IOException {
        assertThat(read(feed, x(RECVQ) + "\nNEXT\n")).containsExactly("<too long>", "NEXT");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void receiveLimitBelowTheLongestLineStillCutsOff(Feed feed) {
        // ServerConfig accepts receive queues from 1024 bytes: "bytes of one line without an ending after which
        // the client is dropped".
        int limit = 1024;
        byte[] in = x(4_000).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new LineReader(feed.of(in), limit, true).run(new Events()))
                .isInstanceOf(LineReader.ReceiveQueueExceeded.class);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void tlsHandshakeAsFirstByteIsReportedAndNothingElseIsRead(Feed feed) throws IOException {
        byte[] clientHello = {0x16, 0x03, 0x01, 0x02, 0x00, '\r', '\n', 'N', 'I', 'C', 'K', ' ', 'a', '\r', '\n'};

        assertThat(read(feed, clientHello, RECVQ)).containsExactly("<tls>");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void handshakeByteIsOrdinaryDataWhenDetectionIsOff(Feed feed) throws IOException {
        // On a TLS port the reader sees decrypted bytes: a first 0x16 is just a (strange) line.
        Events sink = new Events();

        new LineReader(feed.of("\u0016X\r\nNICK a\r\n".getBytes(StandardCharsets.ISO_8859_1)), RECVQ, false).run(sink);

        assertThat(sink.events).containsExactly("\u0016X", "NICK a");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void handshakeByteLaterInTheStreamIsOrdinaryData(Feed feed) throws IOException {
        assertThat(read(feed, "A\n\u0016B\n")).containsExactly("A", "\u0016B");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void stopsWhenTheSinkSaysSo(Feed feed) throws IOException {
        Events sink = new Events();
        sink.stopAfter = "QUIT";

        new LineReader(feed.of("A\r\nQUIT\r\nB\r\n".getBytes(StandardCharsets.US_ASCII)), RECVQ, true).run(sink);

        assertThat(sink.events).containsExactly("A", "QUIT");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void pendingBytesCountBufferedAndWaitingInput(Feed feed) throws IOException {
        Events sink = new Events();
        sink.stopAfter = "QUIT";
        LineReader reader = new LineReader(feed.of("A\r\nQUIT\r\nB\r\n".getBytes(StandardCharsets.US_ASCII)), RECVQ, true);

        reader.run(sink);

        assertThat(reader.pendingBytes()).isEqualTo("\nB\r\n".length());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void stopsWhenTheSinkRefusesATooLongLine(Feed feed) throws IOException {
        Events sink = new Events();
        sink.stopAfter = "<too long>";

        new LineReader(feed.of((x(5_000) + "\nB\n").getBytes(StandardCharsets.US_ASCII)), RECVQ, true).run(sink);

        assertThat(sink.events).containsExactly("<too long>");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void readErrorsPropagate(Feed feed) {
        InputStream failing = new InputStream() {
            private final InputStream first = feed.of("A\n".getBytes(StandardCharsets.US_ASCII));

            @Override
            public int read() throws IOException {
                throw new IOException("reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = first.read(b, off, len);
                if (n < 0) throw new IOException("connection reset");
                return n;
            }
        };
        Events sink = new Events();

        assertThatThrownBy(() -> new LineReader(failing, RECVQ, true).run(sink)).hasMessage("connection reset");
        assertThat(sink.events).containsExactly("A");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void deliversConsecutiveLinesOfTheLongestLength(Feed feed) throws IOException {
        // A full line and its CR LF fit in the largest buffer.
        assertThat(LineReader.MAX_BUFFER_BYTES).isEqualTo(LineParser.MAX_RAW_LINE_BYTES + 2);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) in.writeBytes((x(LineParser.MAX_RAW_LINE_BYTES) + "\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(read(feed, in.toByteArray(), RECVQ)).hasSize(20).allMatch(l -> l.length() == LineParser.MAX_RAW_LINE_BYTES);
    }
}
