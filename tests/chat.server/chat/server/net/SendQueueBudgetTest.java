package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** #17: the rule of the send queues' shared budget, without queues. */
class SendQueueBudgetTest {

    /** A queue whose client reads nothing: no write completed for an hour. */
    private static final SendQueueBudget.Drain STALLED = () -> TimeUnit.HOURS.toNanos(1);
    /** A queue whose last write completed just now. */
    private static final SendQueueBudget.Drain DRAINING = () -> 0;

    @Test
    void upToHalfTheBudgetEveryLineIsTaken() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 10);

        // A stalled queue far past its share (50 bytes) is still served while the total stays within half.
        assertThat(budget.take(300, 300, STALLED)).isTrue();
        assertThat(budget.take(200, 500, STALLED)).isTrue();
        assertThat(budget.heldBytes()).isEqualTo(500);
        assertThat(budget.underPressure()).isFalse();
    }

    @Test
    void pastHalfAStalledQueuePastItsShareIsRefusedAndNothingIsTaken() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.fairShareBytes()).as("the other half over four connections").isEqualTo(125);
        assertThat(budget.take(500, 500, STALLED)).isTrue();

        assertThat(budget.take(10, 510, STALLED)).as("the queue holding 500 bytes").isFalse();
        assertThat(budget.take(126, 126, STALLED)).as("a line bigger than a share").isFalse();
        assertThat(budget.heldBytes()).isEqualTo(500);
    }

    @Test
    void pastHalfAQueuePastItsShareThatIsStillWrittenOutIsServedUntilTheBudgetIsUsed() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(500, 500, DRAINING)).isTrue();

        assertThat(budget.take(100, 600, DRAINING)).as("past its share of 125, but its client reads").isTrue();
        assertThat(budget.take(400, 1000, DRAINING)).as("up to the whole budget").isTrue();
        assertThat(budget.take(1, 1001, DRAINING)).as("past the whole budget").isFalse();
        assertThat(budget.take(1, 1, DRAINING)).as("another queue within its share").isTrue();
        assertThat(budget.heldBytes()).isEqualTo(1001);
    }

    @Test
    void aQueueIsStalledOnceItsLastWriteIsOlderThanTheStallTime() {
        long[] stalledNanos = {0};
        SendQueueBudget.Drain queue = () -> stalledNanos[0];
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4, 500);
        assertThat(budget.take(600, 600, queue)).isTrue();

        stalledNanos[0] = 499;
        assertThat(budget.take(10, 610, queue)).isTrue();
        stalledNanos[0] = 500;
        assertThat(budget.take(10, 620, queue)).isFalse();
        assertThat(budget.heldBytes()).isEqualTo(610);
    }

    @Test
    void aQueueWithinItsShareIsNeverRefused() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(500, 500, STALLED)).isTrue();

        assertThat(budget.take(100, 100, STALLED)).isTrue();
        assertThat(budget.take(25, 125, STALLED)).isTrue();
        assertThat(budget.take(125, 125, STALLED)).as("another queue").isTrue();
        assertThat(budget.take(125, 125, STALLED)).as("a third").isTrue();
        assertThat(budget.heldBytes()).isEqualTo(875);
    }

    @Test
    void theShareFollowsTheNumberOfConnections() {
        AtomicInteger connections = new AtomicInteger(2);
        SendQueueBudget budget = new SendQueueBudget(1000, connections::get);
        assertThat(budget.take(500, 500, STALLED)).isTrue();

        assertThat(budget.take(200, 200, STALLED)).isTrue();
        connections.set(5);
        assertThat(budget.fairShareBytes()).isEqualTo(100);
        assertThat(budget.take(1, 201, STALLED)).isFalse();
        connections.set(0);
        assertThat(budget.fairShareBytes()).as("no connection counts as one").isEqualTo(500);
    }

    @Test
    void releasedBytesMakeRoomAgain() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(500, 500, STALLED)).isTrue();
        assertThat(budget.take(10, 510, STALLED)).isFalse();

        budget.release(500);
        assertThat(budget.heldBytes()).isZero();
        assertThat(budget.take(10, 10, STALLED)).isTrue();
    }

    @Test
    void forcedBytesCountWhateverTheBudget() {
        SendQueueBudget budget = new SendQueueBudget(100, () -> 1);
        budget.force(400);

        assertThat(budget.heldBytes()).isEqualTo(400);
        assertThat(budget.take(1, 51, STALLED)).isFalse();
        budget.release(400);
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void underPressureAReaderWaitsUntilTheQueuesAreBackUnderHalf() throws Exception {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(700, 700, DRAINING)).isTrue();
        assertThat(budget.underPressure()).isTrue();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicLong heldWhenDone = new AtomicLong(-1);
        Thread reader = Thread.ofVirtual().start(() -> {
            waiting.countDown();
            try {
                budget.awaitRoom(TimeUnit.MINUTES.toNanos(1));
            } catch (InterruptedException e) {
                return;
            }
            heldWhenDone.set(budget.heldBytes());
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        budget.release(100);
        assertThat(reader.join(Duration.ofMillis(200))).as("still past half: waits on").isFalse();
        budget.release(100);
        assertThat(reader.join(Duration.ofSeconds(10))).as("back at half: goes on").isTrue();
        assertThat(heldWhenDone.get()).isEqualTo(500);
        assertThat(budget.underPressure()).isFalse();
    }

    @Test
    void aReaderWaitsNoLongerThanAskedWhenNothingDrains() throws Exception {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(900, 900, DRAINING)).isTrue();

        long started = System.nanoTime();
        budget.awaitRoom(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(System.nanoTime() - started).as("it waited").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(budget.heldBytes()).isEqualTo(900);
    }

    @Test
    void aBudgetIsPositive() {
        assertThatThrownBy(() -> new SendQueueBudget(0, () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
