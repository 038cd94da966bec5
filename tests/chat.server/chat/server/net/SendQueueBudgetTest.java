package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** #17: the rule of the send queues' shared budget, without queues or threads. */
class SendQueueBudgetTest {

    @Test
    void belowHalfTheBudgetEveryLineIsTaken() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 10);

        // A queue far past its share (50 bytes) is still served while the total stays within half the budget.
        assertThat(budget.take(300, 300)).isTrue();
        assertThat(budget.take(200, 500)).isTrue();
        assertThat(budget.heldBytes()).isEqualTo(500);
    }

    @Test
    void pastHalfTheBudgetAQueuePastItsShareIsRefusedAndNothingIsTaken() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.fairShareBytes()).isEqualTo(125);
        assertThat(budget.take(500, 500)).isTrue();

        assertThat(budget.take(10, 510)).as("the queue holding 500 bytes").isFalse();
        assertThat(budget.take(126, 126)).as("a line bigger than a share").isFalse();
        assertThat(budget.heldBytes()).isEqualTo(500);
    }

    @Test
    void aQueueWithinItsShareIsNeverRefused() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(500, 500)).isTrue();

        assertThat(budget.take(100, 100)).isTrue();
        assertThat(budget.take(25, 125)).isTrue();
        assertThat(budget.take(125, 125)).as("another queue").isTrue();
        assertThat(budget.heldBytes()).isEqualTo(750);
    }

    @Test
    void theShareFollowsTheNumberOfConnections() {
        AtomicInteger connections = new AtomicInteger(2);
        SendQueueBudget budget = new SendQueueBudget(1000, connections::get);
        assertThat(budget.take(500, 500)).isTrue();

        assertThat(budget.take(200, 200)).isTrue();
        connections.set(5);
        assertThat(budget.fairShareBytes()).isEqualTo(100);
        assertThat(budget.take(1, 201)).isFalse();
        connections.set(0);
        assertThat(budget.fairShareBytes()).as("no connection counts as one").isEqualTo(500);
    }

    @Test
    void releasedBytesMakeRoomAgain() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(500, 500)).isTrue();
        assertThat(budget.take(10, 510)).isFalse();

        budget.release(500);
        assertThat(budget.heldBytes()).isZero();
        assertThat(budget.take(10, 10)).isTrue();
    }

    @Test
    void forcedBytesCountWhateverTheBudget() {
        SendQueueBudget budget = new SendQueueBudget(100, () -> 1);
        budget.force(400);

        assertThat(budget.heldBytes()).isEqualTo(400);
        assertThat(budget.take(1, 51)).isFalse();
        budget.release(400);
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void aBudgetIsPositive() {
        assertThatThrownBy(() -> new SendQueueBudget(0, () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
