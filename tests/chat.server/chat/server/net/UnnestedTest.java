package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnnestedTest {

    @Test
    void aStepStartedInsideAnotherRunsAfterItInOrder() {
        List<String> order = new ArrayList<>();
        Unnested.run(() -> {
            order.add("outer start");
            Unnested.run(() -> order.add("first inner"));
            Unnested.run(() -> order.add("second inner"));
            order.add("outer end");
        });
        assertThat(order).containsExactly("outer start", "outer end", "first inner", "second inner");
    }

    @Test
    void aCascadeOfAMillionStepsEachStartingTheNextKeepsTheStackFlat() {
        int[] ran = {0};
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            if (++ran[0] < 1_000_000) Unnested.run(step[0]);
        };
        Unnested.run(step[0]);
        assertThat(ran[0]).isEqualTo(1_000_000);
    }

    @Test
    void theFirstStepsFailureReachesTheCallerAfterTheOthersRan() {
        List<String> order = new ArrayList<>();
        assertThatThrownBy(() -> Unnested.run(() -> {
            Unnested.run(() -> order.add("inner"));
            throw new IllegalStateException("outer failed");
        })).hasMessage("outer failed");
        assertThat(order).containsExactly("inner");
        Unnested.run(() -> order.add("later, on its own"));
        assertThat(order).containsExactly("inner", "later, on its own");
    }
}
