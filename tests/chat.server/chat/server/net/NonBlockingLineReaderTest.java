package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.LineParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** #17: the reader on a non-blocking socket returns when nothing is there, and goes on where it stopped. */
class NonBlockingLineReaderTest {

    private static final int RECVQ = 64 * 1024;

    /** Gives the bytes in random pieces, with "nothing now" (0) between them, then the end (-1). */
    static final class Trickle implements LineReader.Source {
        private final byte[] bytes;
        private final Random random;
        private int at;
        private boolean dry;
        int waits;

        Trickle(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.random = new Random(seed);
        }

        @Override
        public int read(byte[] buf, int offset, int length) {
            if (at == bytes.length) return -1;
            dry = !dry;
            if (dry) {
                waits++;
                return 0;
            }
            int n = Math.min(Math.min(length, bytes.length - at), 1 + random.nextInt(700));
            System.arraycopy(bytes, at, buf, offset, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return 0;
        }
    }

    @Test
    void findsTheSameLinesAsABlockingReadWhateverThePausesBetweenPieces() throws IOException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            in.append(i % 97 == 0 ? "x".repeat(LineParser.MAX_RAW_LINE_BYTES + 1 + i) : "PRIVMSG #a :line " + i)
                    .append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
        }
        byte[] bytes = in.toString().getBytes(StandardCharsets.US_ASCII);
        LineReaderTest.Events blocking = new LineReaderTest.Events();
        new LineReader(new ByteArrayInputStream(bytes), RECVQ, true).run(blocking);

        for (long seed = 1; seed <= 5; seed++) {
            Trickle source = new Trickle(bytes, seed);
            LineReader reader = new LineReader(source, RECVQ, true);
            LineReaderTest.Events sink = new LineReaderTest.Events();
            int calls = 0;
            while (reader.run(sink)) calls++;
            assertThat(sink.events).isEqualTo(blocking.events);
            assertThat(calls).as("one return per pause").isEqualTo(source.waits);
            assertThat(calls).isGreaterThan(100);
        }
    }

    @Test
    void stopsWhenTheSinkSaysSoEvenBetweenPauses() throws IOException {
        byte[] bytes = "A\r\nQUIT\r\nB\r\n".getBytes(StandardCharsets.US_ASCII);
        LineReaderTest.Events sink = new LineReaderTest.Events();
        sink.stopAfter = "QUIT";
        LineReader reader = new LineReader(new Trickle(bytes, 7), RECVQ, true);
        boolean more = true;
        for (int i = 0; i < 100 && more; i++) more = reader.run(sink);

        assertThat(more).isFalse();
        assertThat(sink.events).containsExactly("A", "QUIT");
    }
}
