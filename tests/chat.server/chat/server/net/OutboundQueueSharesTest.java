package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.spi.Transport;
import chat.server.state.WriterShares;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** #17: a fan-out's writers shared by its receivers' queues ({@link WriterShares}). */
class OutboundQueueSharesTest {

    private static final long WAIT_SECONDS = 10;

    /**
     * A wire that can also write without waiting: that way it takes at most {@code room} bytes in all (then it is a
     * full socket); once it is full, the parking write waits until {@link #roomAgain} opens.
     */
    static final class NonBlockingWire implements Transport, OutboundQueue.NonBlockingWrites {
        final OutboundQueueTest.Wire wire;
        final CountDownLatch roomAgain = new CountDownLatch(1);
        private long room; // only the thread holding the queue's claim writes

        NonBlockingWire(OutboundQueueTest.Wire wire, long room) {
            this.wire = wire;
            this.room = room;
        }

        @Override
        public int writeNow(byte[] bytes, int offset, int length) throws IOException {
            int taken = (int) Math.min(length, room);
            room -= taken;
            if (taken > 0) wire.write(bytes, offset, taken);
            return taken;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (room == 0) {
                try {
                    roomAgain.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            wire.write(bytes, offset, length);
        }

        @Override
        public String kind() {
            return "test";
        }

        @Override
        public void close() {
        }
    }

    private static byte[] line(String text) {
        return (text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as(what).isTrue();
    }

    private static OutboundQueue queue(Transport out, OutboundQueue.Listener events) {
        return new OutboundQueue(out, 64L << 20, SendQueueBudget.unlimited(), events);
    }

    @Test
    void claimedQueueWaitsForTheEndOfTheFanOut() throws Exception {
        NonBlockingWire out = new NonBlockingWire(new OutboundQueueTest.Wire(), Long.MAX_VALUE);
        OutboundQueue queue = queue(out, new OutboundQueueTest.Events());
        WriterShares shares = new WriterShares(1);

        queue.offer(line("one"), shares);
        queue.offer(line("two"), shares);
        assertThat(out.wire.writes()).as("no writer before the fan-out ends").isEmpty();
        shares.start();
        out.wire.awaitTotal(10);

        assertThat(out.wire.writes()).as("both lines in one write").containsExactly("one\r\ntwo\r\n");
        assertThat(out.wire.lastWriter.getName()).isEqualTo("writer-share");
    }

    @Test
    void transportThatCannotWriteWithoutWaitingKeepsItsOwnWriter() throws Exception {
        OutboundQueueTest.Wire wire = new OutboundQueueTest.Wire();
        OutboundQueue queue = queue(wire, new OutboundQueueTest.Events());
        WriterShares shares = new WriterShares(1);

        queue.offer(line("tls"), shares);
        wire.awaitTotal(5);
        shares.start();

        assertThat(wire.text()).isEqualTo("tls\r\n");
        assertThat(wire.lastWriter.getName()).isEqualTo("writer");
    }

    @Test
    void eachReceiverGetsEveryLineInOrderUnderConcurrentFanOuts() throws Exception {
        int senders = 6;
        int messages = 400;
        List<NonBlockingWire> wires = new ArrayList<>();
        List<OutboundQueue> queues = new ArrayList<>();
        List<OutboundQueueTest.Events> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            wires.add(new NonBlockingWire(new OutboundQueueTest.Wire(), Long.MAX_VALUE));
            events.add(new OutboundQueueTest.Events());
            queues.add(queue(wires.get(i), events.get(i)));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int m = 0; m < messages; m++) {
                    // Odd senders offer one by one, as a reply does; even ones fan out through shares.
                    WriterShares shares = sender % 2 == 0 ? new WriterShares(1 + m % 3) : null;
                    byte[] bytes = line("s" + sender + " " + m);
                    for (OutboundQueue queue : queues) assertThat(queue.offer(bytes, shares)).isTrue();
                    if (shares != null) shares.start();
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) assertThat(t.join(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
        for (int i = 0; i < queues.size(); i++) {
            queues.get(i).finish(line("ERROR :end"));
            await(events.get(i).finished, "finished");
            assertThat(queues.get(i).queuedBytes()).isZero();
        }

        for (NonBlockingWire out : wires) {
            String[] received = out.wire.text().split("\r\n");
            assertThat(received).hasSize(senders * messages + 1);
            assertThat(received[received.length - 1]).isEqualTo("ERROR :end");
            Map<String, Integer> next = new HashMap<>();
            for (int i = 0; i < received.length - 1; i++) {
                String[] parts = received[i].split(" ");
                assertThat(Integer.parseInt(parts[1])).as("next line of %s", parts[0])
                        .isEqualTo(next.getOrDefault(parts[0], 0));
                next.merge(parts[0], 1, Integer::sum);
            }
        }
    }

    @Test
    void fullSocketGoesToAWriterOfItsOwnWithoutHoldingBackTheShare() throws Exception {
        NonBlockingWire full = new NonBlockingWire(new OutboundQueueTest.Wire(), 4);
        NonBlockingWire reading = new NonBlockingWire(new OutboundQueueTest.Wire(), Long.MAX_VALUE);
        OutboundQueueTest.Events fullEvents = new OutboundQueueTest.Events();
        OutboundQueue slow = queue(full, fullEvents);
        OutboundQueue fast = queue(reading, new OutboundQueueTest.Events());
        WriterShares shares = new WriterShares(1);

        slow.offer(line("first"), shares);
        fast.offer(line("first"), shares);
        slow.offer(line("second"), shares);
        shares.start();
        // The share wrote the other queue (after the full one) while the full one's rest waits for room.
        reading.wire.awaitTotal(7);
        assertThat(slow.queuedBytes()).isEqualTo(15 - 4);
        slow.offer(line("third"));
        assertThat(slow.queuedBytes()).isEqualTo(15 - 4 + 7);
        full.roomAgain.countDown();
        slow.finish(line("ERROR :end"));
        await(fullEvents.finished, "finished");

        assertThat(full.wire.text()).isEqualTo("first\r\nsecond\r\nthird\r\nERROR :end\r\n");
        assertThat(full.wire.writes().get(0)).isEqualTo("firs");
        assertThat(full.wire.lastWriter.getName()).isEqualTo("writer");
        assertThat(slow.queuedBytes()).isZero();
    }

    @Test
    void queueThatKeepsFillingGoesOnWithAWriterOfItsOwnAfterOneFullWrite() throws Exception {
        NonBlockingWire busy = new NonBlockingWire(new OutboundQueueTest.Wire(), Long.MAX_VALUE);
        NonBlockingWire other = new NonBlockingWire(new OutboundQueueTest.Wire(), Long.MAX_VALUE);
        OutboundQueueTest.Events busyEvents = new OutboundQueueTest.Events();
        OutboundQueue busyQueue = queue(busy, busyEvents);
        OutboundQueue otherQueue = queue(other, new OutboundQueueTest.Events());
        String big = "b".repeat(10_000);
        WriterShares shares = new WriterShares(1);

        for (int i = 0; i < 3; i++) busyQueue.offer(line(big + i), shares);
        otherQueue.offer(line("other"), shares);
        shares.start();
        other.wire.awaitTotal(7);
        busyQueue.finish(line("ERROR :end"));
        await(busyEvents.finished, "finished");

        assertThat(busy.wire.text()).isEqualTo(big + "0\r\n" + big + "1\r\n" + big + "2\r\nERROR :end\r\n");
        assertThat(busy.wire.writes().size()).isGreaterThanOrEqualTo(3);
        assertThat(busy.wire.lastWriter.getName()).as("the third line's writer").isEqualTo("writer");
    }

    /** A queue whose share is in the middle of writing its first line, held there until {@code gate} opens. */
    private record InFlight(NonBlockingWire out, OutboundQueueTest.Events events, OutboundQueue queue) {
        static InFlight start(CountDownLatch gate, String firstLine) throws InterruptedException {
            NonBlockingWire out = new NonBlockingWire(new OutboundQueueTest.Wire(gate, null), Long.MAX_VALUE);
            OutboundQueueTest.Events events = new OutboundQueueTest.Events();
            OutboundQueue queue = OutboundQueueSharesTest.queue(out, events);
            WriterShares shares = new WriterShares(1);
            queue.offer(line(firstLine), shares);
            shares.start();
            await(out.wire.firstWriteEntered, "the share's write started");
            return new InFlight(out, events, queue);
        }
    }

    @Test
    void killDuringAShareDropsTheRestAndGivesItsBytesBack() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        InFlight shared = InFlight.start(gate, "in flight");
        shared.queue().offer(line("dropped"));
        shared.queue().kill();
        gate.countDown();
        shared.out().wire.awaitWriterEnd();

        assertThat(shared.out().wire.text()).isEqualTo("in flight\r\n");
        assertThat(shared.queue().queuedBytes()).isZero();
        assertThat(shared.queue().offer(line("after"))).isFalse();
        assertThat(shared.events().finishedCount).hasValue(0);
        assertThat(shared.events().failure).hasValue(null);
    }

    @Test
    void finishDuringAShareIsWrittenByTheShare() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        InFlight shared = InFlight.start(gate, "a");
        shared.queue().offer(line("b"));
        shared.queue().finish(line("ERROR :bye"));
        gate.countDown();
        await(shared.events().finished, "finished");

        assertThat(shared.out().wire.text()).isEqualTo("a\r\nb\r\nERROR :bye\r\n");
        assertThat(shared.out().wire.lastWriter.getName()).isEqualTo("writer-share");
        assertThat(shared.queue().queuedBytes()).isZero();
    }

    @Test
    void writeFailureDuringAShareGivesEveryByteBack() throws Exception {
        IOException broken = new IOException("Broken pipe");
        NonBlockingWire out = new NonBlockingWire(new OutboundQueueTest.Wire(null, broken), Long.MAX_VALUE);
        OutboundQueueTest.Events events = new OutboundQueueTest.Events();
        SendQueueBudget budget = new SendQueueBudget(1 << 20, () -> 1);
        OutboundQueue queue = new OutboundQueue(out, 1 << 20, budget, events);
        WriterShares shares = new WriterShares(1);

        queue.offer(line("a"), shares);
        queue.offer(line("b"), shares);
        shares.start();
        await(events.failed, "writeFailed");

        assertThat(events.failure).hasValue(broken);
        assertThat(queue.queuedBytes()).isZero();
        assertThat(budget.heldBytes()).isZero();
    }

    /** A client connected to a server-side {@link PolledSocket}; small buffers, so that little fills them. */
    private record Pair(SocketChannel client, PolledSocket server) implements AutoCloseable {
        static Pair open(ServerSocketChannel listener, SocketPoller poller) throws IOException {
            SocketChannel client = SocketChannel.open();
            client.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            client.connect(listener.getLocalAddress());
            client.socket().setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            SocketChannel accepted = listener.accept();
            accepted.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
            return new Pair(client, new PolledSocket(accepted, poller));
        }

        String read(int bytes) throws IOException {
            InputStream in = client.socket().getInputStream();
            return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            client.close();
            server.close();
        }
    }

    @Test
    void clientThatDoesNotReadStallsNoOtherMemberOfItsShareOnRealSockets() throws Exception {
        int messages = 2000;
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             SocketPoller poller = new SocketPoller()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            List<Pair> pairs = new ArrayList<>();
            List<OutboundQueue> queues = new ArrayList<>();
            List<OutboundQueueTest.Events> events = new ArrayList<>();
            SendQueueBudget budget = new SendQueueBudget(1L << 30, () -> 3);
            try {
                for (int i = 0; i < 3; i++) {
                    pairs.add(Pair.open(listener, poller));
                    events.add(new OutboundQueueTest.Events());
                    queues.add(new OutboundQueue(pairs.get(i).server(), 64L << 20, budget, events.get(i)));
                }
                StringBuilder expected = new StringBuilder();
                for (int m = 0; m < messages; m++) {
                    byte[] bytes = line(m + " " + "x".repeat(300));
                    expected.append(new String(bytes, StandardCharsets.UTF_8));
                    WriterShares shares = new WriterShares(1);
                    for (OutboundQueue queue : queues) queue.offer(bytes, shares);
                    shares.start();
                }
                int total = expected.length();

                // The first client reads nothing; the others, in the same share after it, get everything.
                assertThat(pairs.get(1).read(total)).isEqualTo(expected.toString());
                assertThat(pairs.get(2).read(total)).isEqualTo(expected.toString());
                assertThat(queues.get(0).queuedBytes()).as("the silent client's rest waits").isPositive();

                queues.get(0).finish(line("ERROR :end"));
                assertThat(pairs.get(0).read(total + 12)).isEqualTo(expected + "ERROR :end\r\n");
                await(events.get(0).finished, "the silent client's queue finished");
                assertThat(queues.get(0).queuedBytes()).isZero();
            } finally {
                for (Pair pair : pairs) pair.close();
            }
        }
    }

    @Test
    void clientThatDiesWithAFullSocketGivesItsBytesBack() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             SocketPoller poller = new SocketPoller()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            SendQueueBudget budget = new SendQueueBudget(1L << 30, () -> 1);
            OutboundQueueTest.Events events = new OutboundQueueTest.Events();
            try (Pair pair = Pair.open(listener, poller)) {
                OutboundQueue queue = new OutboundQueue(pair.server(), 64L << 20, budget, events);
                byte[] bytes = line("x".repeat(1000));
                for (int m = 0; m < 1000; m++) {
                    WriterShares shares = new WriterShares(1);
                    queue.offer(bytes, shares);
                    shares.start();
                }
                pair.client().close();
                await(events.failed, "writeFailed");

                assertThat(queue.queuedBytes()).isZero();
                assertThat(budget.heldBytes()).isZero();
            }
        }
    }
}
