package chat.server.net;

import chat.server.spi.Transport;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    private static final long WAIT_SECONDS = 10;

    /** A socket's output: records each write call; the first write can be held until a gate opens. */
    static final class Wire extends OutputStream implements Transport {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition grew = lock.newCondition();
        private final List<byte[]> writes = new ArrayList<>(); // guarded by lock
        private long total; // guarded by lock
        private final CountDownLatch gate;
        private final IOException failure;
        final CountDownLatch firstWriteEntered = new CountDownLatch(1);
        volatile Thread lastWriter;

        Wire() {
            this(null, null);
        }

        /** The first write waits until {@code gate} opens; every write throws {@code failure} when not null. */
        Wire(CountDownLatch gate, IOException failure) {
            this.gate = gate;
            this.failure = failure;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public String kind() {
            return "test";
        }

        @Override
        public void close() {
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            lastWriter = Thread.currentThread();
            boolean first = firstWriteEntered.getCount() > 0;
            firstWriteEntered.countDown();
            if (failure != null) throw failure;
            if (first && gate != null) {
                try {
                    gate.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lock.lock();
            try {
                writes.add(Arrays.copyOfRange(b, off, off + len));
                total += len;
                grew.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits until at least {@code bytes} were written. */
        void awaitTotal(long bytes) throws InterruptedException {
            lock.lock();
            try {
                long nanos = TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
                while (total < bytes) {
                    if (nanos <= 0) throw new AssertionError("only " + total + " of " + bytes + " bytes were written");
                    nanos = grew.awaitNanos(nanos);
                }
            } finally {
                lock.unlock();
            }
        }

        List<String> writes() {
            lock.lock();
            try {
                return writes.stream().map(w -> new String(w, StandardCharsets.UTF_8)).toList();
            } finally {
                lock.unlock();
            }
        }

        String text() {
            return String.join("", writes());
        }

        /** Waits for the writer thread that made the last write to end. */
        void awaitWriterEnd() throws InterruptedException {
            assertThat(lastWriter.join(Duration.ofSeconds(WAIT_SECONDS))).as("writer thread ended").isTrue();
        }
    }

    static final class Events implements OutboundQueue.Listener {
        final CountDownLatch finished = new CountDownLatch(1);
        final CountDownLatch failed = new CountDownLatch(1);
        final AtomicInteger finishedCount = new AtomicInteger();
        final AtomicReference<IOException> failure = new AtomicReference<>();

        @Override
        public void writeFailed(IOException e) {
            failure.set(e);
            failed.countDown();
        }

        @Override
        public void finished() {
            finishedCount.incrementAndGet();
            finished.countDown();
        }
    }

    private static byte[] line(String text) {
        return (text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as(what).isTrue();
    }

    @Test
    void allOfferedLinesArriveInOrder() throws Exception {
        Wire wire = new Wire();
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), new Events());
        StringBuilder expected = new StringBuilder();

        for (int i = 0; i < 1000; i++) {
            String text = "PRIVMSG #a :line " + i;
            assertThat(queue.offer(line(text))).isTrue();
            expected.append(text).append("\r\n");
        }
        wire.awaitTotal(expected.length());
        wire.awaitWriterEnd();

        assertThat(wire.text()).isEqualTo(expected.toString());
        assertThat(queue.queuedBytes()).isZero();
    }

    @Test
    void offerPastTheLimitIsRefusedAndQueuesNothing() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Wire wire = new Wire(gate, null);
        OutboundQueue queue = new OutboundQueue(wire, 107, SendQueueBudget.unlimited(), new Events());
        byte[] first = line("first");
        byte[] sixty = line("6".repeat(58));
        byte[] forty = line("4".repeat(38));

        assertThat(queue.offer(first)).isTrue();
        await(wire.firstWriteEntered, "first write started");
        // #17: the first line counts until its write returns; what follows waits behind it.
        assertThat(queue.queuedBytes()).isEqualTo(7);
        assertThat(queue.offer(sixty)).isTrue();
        assertThat(queue.offer(forty)).isTrue();
        assertThat(queue.queuedBytes()).isEqualTo(107);
        assertThat(queue.offer(line("x"))).isFalse();
        assertThat(queue.offer(new byte[1])).isFalse();
        assertThat(queue.queuedBytes()).isEqualTo(107);

        gate.countDown();
        wire.awaitTotal(first.length + 100);
        wire.awaitWriterEnd();
        assertThat(queue.queuedBytes()).isZero();

        assertThat(wire.text()).isEqualTo("first\r\n" + "6".repeat(58) + "\r\n" + "4".repeat(38) + "\r\n");
        assertThat(queue.offer(line("again"))).as("room again once drained").isTrue();
    }

    @Test
    void pendingLinesAreGatheredIntoOneWrite() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Wire wire = new Wire(gate, null);
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), new Events());

        queue.offer(line("one"));
        await(wire.firstWriteEntered, "first write started");
        queue.offer(line("two"));
        queue.offer(line("three"));
        queue.offer(line("four"));
        gate.countDown();
        wire.awaitTotal("one\r\ntwo\r\nthree\r\nfour\r\n".length());

        assertThat(wire.writes()).containsExactly("one\r\n", "two\r\nthree\r\nfour\r\n");
    }

    @Test
    void lineOfAFullWriteIsWrittenOnItsOwn() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Wire wire = new Wire(gate, null);
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), new Events());
        String big = "b".repeat(OutboundQueue.MAX_WRITE_BYTES - 2) + "\r\n";

        queue.offer(line("one"));
        await(wire.firstWriteEntered, "first write started");
        queue.offer(line("small"));
        queue.offer(big.getBytes(StandardCharsets.US_ASCII));
        queue.offer(line("tail"));
        gate.countDown();
        wire.awaitTotal(5 + 7 + big.length() + 6);

        assertThat(wire.writes()).containsExactly("one\r\n", "small\r\n", big, "tail\r\n");
    }

    @Test
    void batchesNeverExceedTheWriteSize() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Wire wire = new Wire(gate, null);
        OutboundQueue queue = new OutboundQueue(wire, 1 << 22, SendQueueBudget.unlimited(), new Events());
        StringBuilder expected = new StringBuilder("first\r\n");

        queue.offer(line("first"));
        await(wire.firstWriteEntered, "first write started");
        for (int i = 0; i < 500; i++) {
            String text = i + " " + "p".repeat(400);
            queue.offer(line(text));
            expected.append(text).append("\r\n");
        }
        gate.countDown();
        wire.awaitTotal(expected.length());

        assertThat(wire.text()).isEqualTo(expected.toString());
        assertThat(wire.writes()).allSatisfy(w -> assertThat(w.length()).isLessThanOrEqualTo(OutboundQueue.MAX_WRITE_BYTES));
        assertThat(wire.writes().size()).isLessThan(500);
    }

    @Test
    void finishWritesTheLastLineAfterTheQueuedOnesThenReportsFinished() throws Exception {
        Wire wire = new Wire();
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), events);

        queue.offer(line("a"));
        queue.offer(line("b"));
        queue.finish(line("ERROR :Quit: bye"));
        await(events.finished, "finished");

        assertThat(wire.text()).isEqualTo("a\r\nb\r\nERROR :Quit: bye\r\n");
        assertThat(events.finishedCount).hasValue(1);
        assertThat(events.failure).hasValue(null);
    }

    @Test
    void nothingIsQueuedAfterFinish() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Wire wire = new Wire(gate, null);
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), events);

        queue.offer(line("a"));
        await(wire.firstWriteEntered, "first write started");
        queue.finish(line("ERROR :closing"));
        long queued = queue.queuedBytes();

        assertThat(queue.offer(line("late"))).isFalse();
        queue.finish(line("ERROR :twice"));
        assertThat(queue.queuedBytes()).isEqualTo(queued);

        gate.countDown();
        await(events.finished, "finished");
        assertThat(wire.text()).isEqualTo("a\r\nERROR :closing\r\n");
    }

    @Test
    void finishGoesPastTheLimit() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Wire wire = new Wire(gate, null);
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(wire, 17, SendQueueBudget.unlimited(), events);

        queue.offer(line("first"));
        await(wire.firstWriteEntered, "first write started");
        assertThat(queue.offer(line("12345678"))).isTrue();
        assertThat(queue.offer(line("x"))).isFalse();
        queue.finish(line("ERROR :SendQ exceeded"));
        gate.countDown();
        await(events.finished, "finished");

        assertThat(wire.text()).isEqualTo("first\r\n12345678\r\nERROR :SendQ exceeded\r\n");
    }

    @Test
    void finishOnAnIdleQueueWritesAndReports() throws Exception {
        Wire wire = new Wire();
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), events);

        queue.finish(line("ERROR :Registration timed out"));
        await(events.finished, "finished");

        assertThat(wire.text()).isEqualTo("ERROR :Registration timed out\r\n");
    }

    @Test
    void writeFailureIsReportedAndClosesTheQueue() throws Exception {
        IOException broken = new IOException("Broken pipe");
        Wire wire = new Wire(null, broken);
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), events);

        assertThat(queue.offer(line("a"))).isTrue();
        await(events.failed, "writeFailed");
        wire.awaitWriterEnd();

        assertThat(events.failure).hasValue(broken);
        assertThat(queue.offer(line("b"))).isFalse();
        assertThat(events.finishedCount).hasValue(0);
    }

    @Test
    void writeFailureOfTheLastLineIsNoFinish() throws Exception {
        IOException broken = new IOException("Connection reset");
        Wire wire = new Wire(null, broken);
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), events);

        queue.finish(line("ERROR :bye"));
        await(events.failed, "writeFailed");
        wire.awaitWriterEnd();

        assertThat(events.failure).hasValue(broken);
        assertThat(events.finishedCount).hasValue(0);
    }

    @Test
    void killDropsWhatIsStillQueued() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Wire wire = new Wire(gate, null);
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), events);

        queue.offer(line("in flight"));
        await(wire.firstWriteEntered, "first write started");
        queue.offer(line("dropped 1"));
        queue.offer(line("dropped 2"));
        queue.kill();
        gate.countDown();
        wire.awaitWriterEnd();

        assertThat(wire.text()).isEqualTo("in flight\r\n");
        assertThat(queue.offer(line("after"))).isFalse();
        assertThat(events.finishedCount).hasValue(0);
        assertThat(events.failure).hasValue(null);
    }

    @Test
    void writerThreadIsVirtualAndEndsWhenTheQueueIsEmpty() throws Exception {
        Wire wire = new Wire();
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), new Events());

        queue.offer(line("a"));
        wire.awaitTotal(3);
        Thread first = wire.lastWriter;
        wire.awaitWriterEnd();
        queue.offer(line("b"));
        wire.awaitTotal(6);

        assertThat(first.isVirtual()).isTrue();
        assertThat(wire.lastWriter).isNotSameAs(first);
        assertThat(wire.text()).isEqualTo("a\r\nb\r\n");
    }

    @Test
    void concurrentOffersArriveExactlyOnceAndInOrderPerThread() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        Wire wire = new Wire();
        OutboundQueue queue = new OutboundQueue(wire, 64L << 20, SendQueueBudget.unlimited(), new Events());
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        long[] bytes = new long[threads];
        List<Thread> offerers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            for (int i = 0; i < perThread; i++) bytes[id] += line("t" + id + " " + i).length;
            offerers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    if (!queue.offer(line("t" + id + " " + i))) refused.incrementAndGet();
                }
            }));
        }
        go.countDown();
        for (Thread t : offerers) assertThat(t.join(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
        wire.awaitTotal(Arrays.stream(bytes).sum());

        assertThat(refused).hasValue(0);
        String text = wire.text();
        assertThat(text).endsWith("\r\n");
        Map<Integer, Integer> next = new HashMap<>();
        int lines = 0;
        for (String l : text.substring(0, text.length() - 2).split("\r\n", -1)) {
            String[] parts = l.split(" ");
            int id = Integer.parseInt(parts[0].substring(1));
            int seq = Integer.parseInt(parts[1]);
            assertThat(seq).as("next line of thread %d", id).isEqualTo(next.getOrDefault(id, 0));
            next.put(id, seq + 1);
            lines++;
        }
        assertThat(lines).isEqualTo(threads * perThread);
        assertThat(next).hasSize(threads).allSatisfy((id, n) -> assertThat(n).isEqualTo(perThread));
    }

    @Test
    void wireBytesAreTheOfferedBytes() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Wire wire = new Wire();
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, SendQueueBudget.unlimited(), new Events());
        byte[] utf8 = line("PRIVMSG #a :caf\u00e9 \u2603");

        queue.offer(utf8);
        expected.writeBytes(utf8);
        wire.awaitTotal(utf8.length);

        assertThat(wire.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.toByteArray());
    }
}
