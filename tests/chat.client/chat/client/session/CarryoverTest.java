package chat.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;

import java.util.List;

import org.junit.jupiter.api.Test;

class CarryoverTest {

    private final Carryover carryover = new Carryover();

    private void sent(String command, String... params) {
        carryover.sent(IrcMessage.of(command, params), CaseMapping.RFC1459);
    }

    @Test
    void aFirstConnectionHasNothingToRestore() {
        sent("PRIVMSG", "#lobby", "hi");
        assertThat(carryover.restore()).isEmpty();
    }

    @Test
    void theNotifyListIsWhatWasAddedLessWhatWasRemoved() {
        sent("MONITOR", "+", "bob,carol");
        sent("MONITOR", "+", "BOB,dave");
        sent("MONITOR", "-", "Carol");
        assertThat(carryover.restore()).containsExactly(IrcMessage.of("MONITOR", "+", "bob,dave"));
        sent("MONITOR", "C");
        assertThat(carryover.restore()).isEmpty();
    }

    @Test
    void theAwayMessageIsTheLastOneSet() {
        sent("AWAY", "lunch");
        sent("AWAY", "meeting");
        assertThat(carryover.restore()).containsExactly(IrcMessage.of("AWAY", "meeting"));
        sent("AWAY");
        assertThat(carryover.restore()).isEmpty();
    }

    @Test
    void aLongNotifyListTakesSeveralLinesThatEachFitTheProtocol() {
        for (int i = 0; i < 60; i++) sent("MONITOR", "+", "someone_with_a_long_nick" + i);
        List<IrcMessage> lines = carryover.restore();
        assertThat(lines).hasSizeGreaterThan(1)
                .allSatisfy(line -> assertThat(line.param(1).length()).isLessThanOrEqualTo(400));
        assertThat(lines.stream().flatMap(line -> List.of(line.param(1).split(",")).stream()))
                .hasSize(60).startsWith("someone_with_a_long_nick0").endsWith("someone_with_a_long_nick59");
    }
}
