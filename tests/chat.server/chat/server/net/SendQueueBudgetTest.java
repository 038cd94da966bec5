package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** #17: the rule of the send queues' shared budget, without queues or threads. */
class SendQueueBudgetTest {

    /** A queue whose client reads nothing: no write completed for an hour. */
    private static final SendQueueBudget.Drain STALLED = () -> TimeUnit.HOURS.toNanos(1);
    /** A queue whose last write completed just now. */
    private static final SendQueueBudget.Drain DRAINING = () -> 0;

    @Test
    void upToThreeQuartersOfTheBudgetEveryLineIsTaken() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 10);

        // A queue far past its share (25 bytes) is still served while the total stays within three quarters.
        assertThat(budget.take(300, 300, STALLED)).isTrue();
        assertThat(budget.take(200, 500, STALLED)).isTrue();
        assertThat(budget.take(250, 750, STALLED)).isTrue();
        assertThat(budget.heldBytes()).isEqualTo(750);
    }

    @Test
    void pastThreeQuartersAQueuePastItsShareIsRefusedAndNothingIsTaken() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.fairShareBytes()).as("the last quarter over four connections").isEqualTo(62);
        assertThat(budget.take(750, 750, STALLED)).isTrue();

        assertThat(budget.take(10, 760, STALLED)).as("the queue holding 750 bytes").isFalse();
        assertThat(budget.take(63, 63, STALLED)).as("a line bigger than a share").isFalse();
        assertThat(budget.heldBytes()).isEqualTo(750);
    }

    @Test
    void pastThreeQuartersAQueuePastItsShareThatIsStillWrittenOutIsServedUntilTheBudgetIsUsed() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(750, 750, DRAINING)).isTrue();

        assertThat(budget.take(100, 850, DRAINING)).as("past its share of 62, but its client reads").isTrue();
        assertThat(budget.take(150, 1000, DRAINING)).as("up to the whole budget").isTrue();
        assertThat(budget.take(1, 1001, DRAINING)).as("past the whole budget").isFalse();
        assertThat(budget.take(1, 1, DRAINING)).as("another queue within its share").isTrue();
        assertThat(budget.heldBytes()).isEqualTo(1001);
    }

    @Test
    void aQueueIsStalledOnceItsLastWriteIsOlderThanTheStallTime() {
        long[] stalledNanos = {0};
        SendQueueBudget.Drain queue = () -> stalledNanos[0];
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4, 500);
        assertThat(budget.take(800, 800, queue)).isTrue();

        stalledNanos[0] = 499;
        assertThat(budget.take(10, 810, queue)).isTrue();
        stalledNanos[0] = 500;
        assertThat(budget.take(10, 820, queue)).isFalse();
        assertThat(budget.heldBytes()).isEqualTo(810);
    }

    @Test
    void aQueueWithinItsShareIsNeverRefused() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(750, 750, STALLED)).isTrue();

        assertThat(budget.take(50, 50, STALLED)).isTrue();
        assertThat(budget.take(12, 62, STALLED)).isTrue();
        assertThat(budget.take(62, 62, STALLED)).as("another queue").isTrue();
        assertThat(budget.heldBytes()).isEqualTo(874);
    }

    @Test
    void theShareFollowsTheNumberOfConnections() {
        AtomicInteger connections = new AtomicInteger(2);
        SendQueueBudget budget = new SendQueueBudget(1000, connections::get);
        assertThat(budget.take(750, 750, STALLED)).isTrue();

        assertThat(budget.take(100, 100, STALLED)).isTrue();
        connections.set(5);
        assertThat(budget.fairShareBytes()).isEqualTo(50);
        assertThat(budget.take(1, 101, STALLED)).isFalse();
        connections.set(0);
        assertThat(budget.fairShareBytes()).as("no connection counts as one").isEqualTo(250);
    }

    @Test
    void releasedBytesMakeRoomAgain() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(750, 750, STALLED)).isTrue();
        assertThat(budget.take(10, 760, STALLED)).isFalse();

        budget.release(750);
        assertThat(budget.heldBytes()).isZero();
        assertThat(budget.take(10, 10, STALLED)).isTrue();
    }

    @Test
    void forcedBytesCountWhateverTheBudget() {
        SendQueueBudget budget = new SendQueueBudget(100, () -> 1);
        budget.force(400);

        assertThat(budget.heldBytes()).isEqualTo(400);
        assertThat(budget.take(1, 26, STALLED)).isFalse();
        budget.release(400);
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void aBudgetIsPositive() {
        assertThatThrownBy(() -> new SendQueueBudget(0, () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
