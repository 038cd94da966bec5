package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** #17: the rule of the send queues' shared budget, without queues or threads. */
class SendQueueBudgetTest {

    @Test
    void upToThreeQuartersOfTheBudgetEveryLineIsTaken() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 10);

        // A queue far past its share (25 bytes) is still served while the total stays within three quarters.
        assertThat(budget.take(300, 300)).isTrue();
        assertThat(budget.take(200, 500)).isTrue();
        assertThat(budget.take(250, 750)).isTrue();
        assertThat(budget.heldBytes()).isEqualTo(750);
    }

    @Test
    void pastThreeQuartersAQueuePastItsShareIsRefusedAndNothingIsTaken() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.fairShareBytes()).as("the last quarter over four connections").isEqualTo(62);
        assertThat(budget.take(750, 750)).isTrue();

        assertThat(budget.take(10, 760)).as("the queue holding 750 bytes").isFalse();
        assertThat(budget.take(63, 63)).as("a line bigger than a share").isFalse();
        assertThat(budget.heldBytes()).isEqualTo(750);
    }

    @Test
    void aQueueWithinItsShareIsNeverRefused() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(750, 750)).isTrue();

        assertThat(budget.take(50, 50)).isTrue();
        assertThat(budget.take(12, 62)).isTrue();
        assertThat(budget.take(62, 62)).as("another queue").isTrue();
        assertThat(budget.heldBytes()).isEqualTo(874);
    }

    @Test
    void theShareFollowsTheNumberOfConnections() {
        AtomicInteger connections = new AtomicInteger(2);
        SendQueueBudget budget = new SendQueueBudget(1000, connections::get);
        assertThat(budget.take(750, 750)).isTrue();

        assertThat(budget.take(100, 100)).isTrue();
        connections.set(5);
        assertThat(budget.fairShareBytes()).isEqualTo(50);
        assertThat(budget.take(1, 101)).isFalse();
        connections.set(0);
        assertThat(budget.fairShareBytes()).as("no connection counts as one").isEqualTo(250);
    }

    @Test
    void releasedBytesMakeRoomAgain() {
        SendQueueBudget budget = new SendQueueBudget(1000, () -> 4);
        assertThat(budget.take(750, 750)).isTrue();
        assertThat(budget.take(10, 760)).isFalse();

        budget.release(750);
        assertThat(budget.heldBytes()).isZero();
        assertThat(budget.take(10, 10)).isTrue();
    }

    @Test
    void forcedBytesCountWhateverTheBudget() {
        SendQueueBudget budget = new SendQueueBudget(100, () -> 1);
        budget.force(400);

        assertThat(budget.heldBytes()).isEqualTo(400);
        assertThat(budget.take(1, 26)).isFalse();
        budget.release(400);
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void aBudgetIsPositive() {
        assertThatThrownBy(() -> new SendQueueBudget(0, () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
