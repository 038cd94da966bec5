package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** #9: what the poller reads reaches the client's reader whole, in order, with its end last and one reader at a time. */
class InboxTest {

    private static final int RECVQ = 64 * 1024;

    private final List<String> stops = new ArrayList<>();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void linesComeOutInTheOrderTheirBytesWereReadWhereverTheReadsCutThem() throws IOException {
        Inbox inbox = new Inbox(() -> stops.add("stop"));
        LineReader reader = new LineReader(inbox, RECVQ, true);
        LineReaderTest.Events sink = new LineReaderTest.Events();

        inbox.received(ascii("NICK a\r\nUS"));
        inbox.received(ascii("ER a 0 * :A\r"));
        assertThat(reader.run(sink)).as("nothing more for now").isTrue();
        inbox.received(ascii("\nPRIVMSG b :1\r\nPRIVMSG b :2\n"));
        inbox.received(ascii("PRIVMSG b :3\n"));
        assertThat(reader.run(sink)).isTrue();

        assertThat(sink.events).containsExactly("NICK a", "USER a 0 * :A", "PRIVMSG b :1", "PRIVMSG b :2", "PRIVMSG b :3");
        assertThat(inbox.available()).isZero();
        assertThat(stops).isEmpty();
    }

    @Test
    void theEndOfTheStreamComesAfterTheBytesReadBeforeIt() throws IOException {
        Inbox inbox = new Inbox(() -> stops.add("stop"));
        LineReader reader = new LineReader(inbox, RECVQ, true);
        LineReaderTest.Events sink = new LineReaderTest.Events();

        inbox.received(ascii("PRIVMSG b :last\r\n"));
        inbox.ended(null);

        assertThat(reader.run(sink)).as("end of stream").isFalse();
        assertThat(sink.events).containsExactly("PRIVMSG b :last");
    }

    @Test
    void aReadErrorIsThrownToTheReaderAfterTheBytesReadBeforeIt() throws IOException {
        Inbox inbox = new Inbox(() -> stops.add("stop"));
        LineReader reader = new LineReader(inbox, RECVQ, true);
        LineReaderTest.Events sink = new LineReaderTest.Events();

        inbox.received(ascii("PRIVMSG b :one\r\nPRIVMSG b :two\r\n"));
        inbox.ended(new IOException("Connection reset"));

        assertThatThrownBy(() -> reader.run(sink)).isInstanceOf(IOException.class).hasMessage("Connection reset");
        assertThat(sink.events).containsExactly("PRIVMSG b :one", "PRIVMSG b :two");
    }

    @Test
    void aReaderFarBehindStopsThePollerReadingUntilItHasDrainedTheInbox() throws IOException {
        List<Boolean> resumableAtStop = new ArrayList<>();
        Inbox[] holder = new Inbox[1];
        Inbox inbox = new Inbox(() -> resumableAtStop.add(holder[0].rearm()));
        holder[0] = inbox;
        byte[] line = ascii("PRIVMSG b :" + "x".repeat(1000) + "\r\n");

        int accepted = 0;
        while (inbox.received(line)) accepted++;

        assertThat(accepted).isEqualTo(Inbox.MAX_QUEUED_BYTES / line.length);
        assertThat(resumableAtStop).as("stopped once, before a reader could ask to resume").containsExactly(false);
        assertThat(inbox.available()).isEqualTo((accepted + 1) * line.length);

        LineReader reader = new LineReader(inbox, RECVQ, true);
        LineReaderTest.Events sink = new LineReaderTest.Events();
        assertThat(reader.run(sink)).isTrue();
        assertThat(sink.events).hasSize(accepted + 1);
        assertThat(inbox.rearm()).as("the reader resumes reading once it drained").isTrue();
        assertThat(inbox.rearm()).as("only once").isFalse();
    }

    @Test
    void aLineLongerThanTheReceiveLimitCutsTheClientOffWhateverTheReads() {
        Inbox inbox = new Inbox(() -> stops.add("stop"));
        int recvq = 4 * 1024;
        LineReader reader = new LineReader(inbox, recvq, true);
        LineReaderTest.Events sink = new LineReaderTest.Events();
        byte[] noEnding = new byte[700];
        Arrays.fill(noEnding, (byte) 'x');
        for (int i = 0; i * noEnding.length <= recvq + LineReader.MAX_BUFFER_BYTES; i++) inbox.received(noEnding);

        assertThatThrownBy(() -> reader.run(sink)).isInstanceOf(LineReader.ReceiveQueueExceeded.class);
    }

    @Test
    void aTlsHandshakeIsFoundInTheFirstChunk() throws IOException {
        Inbox inbox = new Inbox(() -> stops.add("stop"));
        LineReader reader = new LineReader(inbox, RECVQ, true);
        LineReaderTest.Events sink = new LineReaderTest.Events();
        inbox.received(new byte[] {0x16, 0x03, 0x01, 0x00, 0x10});

        assertThat(reader.run(sink)).isFalse();
        assertThat(sink.events).containsExactly("<tls>");
    }

    @Test
    void oneReaderIsClaimedAtATimeAndInputThatArrivesAsItStopsKeepsItGoing() throws IOException {
        Inbox inbox = new Inbox(() -> stops.add("stop"));

        assertThat(inbox.claim()).isTrue();
        assertThat(inbox.claim()).as("a reader runs").isFalse();
        inbox.received(ascii("PING x\r\n"));
        assertThat(inbox.release()).as("input arrived before it stopped: it goes on").isTrue();
        assertThat(inbox.claim()).as("still its own").isFalse();
        assertThat(inbox.release()).as("its input not taken yet").isTrue();
        assertThat(inbox.read(new byte[64], 0, 64)).isEqualTo(8);
        assertThat(inbox.read(new byte[64], 0, 64)).as("nothing now").isZero();
        assertThat(inbox.release()).isFalse();
        assertThat(inbox.claim()).as("stopped: the next input starts a reader").isTrue();
    }

    /** The poller's side on one thread, readers started as the poller would, on virtual threads. */
    @Test
    void everyLineReachesExactlyOneReaderInOrderWhenPollerAndReadersRace() throws Exception {
        int lines = 50_000;
        Inbox inbox = new Inbox(() -> stops.add("stop"));
        LineReader reader = new LineReader(inbox, RECVQ, true);
        List<String> seen = new ArrayList<>(lines); // one reader at a time, each after the previous released
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        LineReader.Sink sink = new LineReader.Sink() {
            @Override
            public boolean line(byte[] buf, int offset, int length) {
                seen.add(new String(buf, offset, length, StandardCharsets.US_ASCII));
                if (seen.size() == lines) done.countDown();
                return true;
            }

            @Override
            public boolean tooLong() {
                return true;
            }

            @Override
            public void tlsHandshake() {
            }
        };
        Runnable read = () -> {
            do {
                if (running.incrementAndGet() > 1) overlaps.incrementAndGet();
                try {
                    reader.run(sink);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                running.decrementAndGet();
            } while (inbox.release());
        };

        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            batch.append("PRIVMSG b :").append(i).append("\r\n");
            if (i % 7 == 6 || i == lines - 1) {
                inbox.received(ascii(batch.toString()));
                batch.setLength(0);
                if (inbox.claim()) Thread.ofVirtual().start(read);
            }
        }

        assertThat(done.await(30, TimeUnit.SECONDS)).as("every line read").isTrue();
        assertThat(overlaps.get()).isZero();
        for (int i = 0; i < lines; i++) assertThat(seen.get(i)).isEqualTo("PRIVMSG b :" + i);
    }
}
