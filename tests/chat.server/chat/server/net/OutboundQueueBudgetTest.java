package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.net.OutboundQueueTest.Events;
import chat.server.net.OutboundQueueTest.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** #17: send queues sharing one {@link SendQueueBudget}: every byte counted until written or thrown away. */
class OutboundQueueBudgetTest {

    private static final long WAIT_SECONDS = 10;

    private static byte[] line(String text) {
        return (text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as(what).isTrue();
    }

    /** Waits until the budget holds {@code bytes}: a writer gives a line's bytes back just after its write returns. */
    private static void awaitHeld(SendQueueBudget budget, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (budget.heldBytes() != bytes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the budget holds " + budget.heldBytes() + " bytes, not " + bytes);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void bytesCountFromTheOfferUntilTheirWriteReturns() throws Exception {
        SendQueueBudget budget = new SendQueueBudget(1 << 20, () -> 2);
        CountDownLatch gate = new CountDownLatch(1);
        Wire held = new Wire(gate, null);
        OutboundQueue stuck = new OutboundQueue(held, 1 << 20, budget, new Events());
        Wire free = new Wire();
        OutboundQueue flowing = new OutboundQueue(free, 1 << 20, budget, new Events());

        stuck.offer(line("in flight"));
        await(held.firstWriteEntered, "first write started");
        stuck.offer(line("waiting"));
        assertThat(budget.heldBytes()).isEqualTo(11 + 9);
        flowing.offer(line("one"));
        flowing.offer(line("two"));
        free.awaitTotal(10);
        free.awaitWriterEnd();
        assertThat(budget.heldBytes()).as("the flowing queue's lines are given back").isEqualTo(20);

        gate.countDown();
        held.awaitTotal(20);
        held.awaitWriterEnd();
        assertThat(budget.heldBytes()).isZero();
        assertThat(stuck.queuedBytes()).isZero();
    }

    @Test
    void killGivesBackWhatWasQueuedAndTheWriteUnderWayOnceItReturns() throws Exception {
        SendQueueBudget budget = new SendQueueBudget(1 << 20, () -> 1);
        CountDownLatch gate = new CountDownLatch(1);
        Wire wire = new Wire(gate, null);
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, budget, new Events());

        queue.offer(line("in flight"));
        await(wire.firstWriteEntered, "first write started");
        queue.offer(line("dropped 1"));
        queue.offer(line("dropped 2"));
        queue.kill();
        assertThat(budget.heldBytes()).as("the write under way still holds its bytes").isEqualTo(11);

        gate.countDown();
        wire.awaitWriterEnd();
        assertThat(budget.heldBytes()).isZero();
        assertThat(queue.offer(line("after"))).isFalse();
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void aFailedWriteGivesEverythingBack() throws Exception {
        SendQueueBudget budget = new SendQueueBudget(1 << 20, () -> 1);
        Events events = new Events();
        Wire wire = new Wire(null, new IOException("Broken pipe"));
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, budget, events);

        for (int i = 0; i < 50; i++) queue.offer(line("line " + i));
        await(events.failed, "writeFailed");
        wire.awaitWriterEnd();

        assertThat(budget.heldBytes()).isZero();
        assertThat(queue.queuedBytes()).isZero();
    }

    @Test
    void theFinalLineCountsPastTheBudgetAndIsGivenBackWhenWritten() throws Exception {
        // Budget 8192: pressure past 4096 bytes, and the one connection's share is 4096; a queue whose write has not
        // returned is stalled at once.
        SendQueueBudget budget = new SendQueueBudget(8192, () -> 1, 0);
        CountDownLatch gate = new CountDownLatch(1);
        Events events = new Events();
        Wire wire = new Wire(gate, null);
        OutboundQueue queue = new OutboundQueue(wire, 1 << 20, budget, events);
        byte[] big = line("b".repeat(3998));

        assertThat(queue.offer(big)).isTrue();
        await(wire.firstWriteEntered, "first write started");
        assertThat(queue.offer(line("y".repeat(98)))).as("past half the budget and past the one share").isFalse();
        queue.finish(line("ERROR :SendQ exceeded"));
        assertThat(budget.heldBytes()).isEqualTo(big.length + 23);

        gate.countDown();
        await(events.finished, "finished");
        awaitHeld(budget, 0);
        assertThat(wire.text()).endsWith("\r\nERROR :SendQ exceeded\r\n");
    }

    @Test
    void aQueuePastItsShareIsRefusedWhileOneThatKeepsUpIsServed() throws Exception {
        // Budget 2000: pressure past 1000 bytes; two connections: a share of 500 each; a queue whose write has not
        // returned is stalled at once.
        SendQueueBudget budget = new SendQueueBudget(2000, () -> 2, 0);
        CountDownLatch gate = new CountDownLatch(1);
        Wire held = new Wire(gate, null);
        OutboundQueue slow = new OutboundQueue(held, 1 << 20, budget, new Events());
        Wire free = new Wire();
        OutboundQueue reader = new OutboundQueue(free, 1 << 20, budget, new Events());
        byte[] hundred = line("h".repeat(98));

        int taken = 0;
        while (slow.offer(hundred)) taken++;
        assertThat(taken).as("lines the slow queue took").isEqualTo(10);
        assertThat(budget.heldBytes()).isEqualTo(1000);

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String text = "PRIVMSG #a :" + i;
            assertThat(reader.offer(line(text))).as("line %d to the queue that keeps up", i).isTrue();
            expected.append(text).append("\r\n");
            free.awaitTotal(expected.length());
        }
        assertThat(free.text()).isEqualTo(expected.toString());
        assertThat(slow.offer(line("x"))).isFalse();

        slow.kill();
        gate.countDown();
        held.awaitWriterEnd();
        free.awaitWriterEnd();
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void underPressureAQueuePastItsShareIsRefusedOnlyOnceItsWriteIsStalled() throws Exception {
        // Budget 2000: pressure past 1000 bytes; two connections: a share of 500 each; stalled after a second.
        long stallNanos = TimeUnit.SECONDS.toNanos(1);
        SendQueueBudget budget = new SendQueueBudget(2000, () -> 2, stallNanos);
        CountDownLatch gate = new CountDownLatch(1);
        Wire held = new Wire(gate, null);
        OutboundQueue slow = new OutboundQueue(held, 1 << 20, budget, new Events());
        byte[] hundred = line("h".repeat(98));

        for (int i = 0; i < 17; i++) {
            assertThat(slow.offer(hundred)).as("line %d, up to 1,700 bytes before its write stalled", i).isTrue();
        }
        await(held.firstWriteEntered, "first write started");
        while (slow.stalledNanos() < stallNanos) Thread.sleep(10);
        assertThat(slow.offer(hundred)).as("past its share and stalled").isFalse();
        assertThat(budget.heldBytes()).isEqualTo(1700);

        slow.kill();
        gate.countDown();
        held.awaitWriterEnd();
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void offersRacingKillsLeaveTheCountExact() throws Exception {
        SendQueueBudget budget = new SendQueueBudget(64L << 20, () -> 8);
        int queues = 8;
        int offersEach = 2_000;
        List<OutboundQueue> all = new ArrayList<>();
        for (int q = 0; q < queues; q++) all.add(new OutboundQueue(new Wire(), 1 << 20, budget, new Events()));
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicLong acceptedBytes = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < queues * 2; t++) {
            OutboundQueue target = all.get(t % queues);
            boolean killer = t >= queues;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < offersEach; i++) {
                    byte[] bytes = line("line " + i + " " + "p".repeat(i % 200));
                    if (target.offer(bytes)) {
                        accepted.incrementAndGet();
                        acceptedBytes.addAndGet(bytes.length);
                    }
                    if (killer && i == offersEach / 2) target.kill();
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) assertThat(t.join(Duration.ofSeconds(WAIT_SECONDS))).isTrue();

        assertThat(accepted.get()).as("some offers came before the kills").isPositive();
        for (OutboundQueue q : all) q.kill();
        awaitHeld(budget, 0);
        for (OutboundQueue q : all) assertThat(q.queuedBytes()).isZero();
    }
}
