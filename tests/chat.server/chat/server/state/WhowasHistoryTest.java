package chat.server.state;

import chat.server.change.Identity;
import chat.server.change.ModeChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.protocol.CaseMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhowasHistoryTest {

    private static WhowasEntry entry(String nick, String user, long at) {
        return new WhowasEntry(new Identity(nick, user, "127.0.0.1", "Real " + nick), at);
    }

    @Test
    void ringKeepsOnlyTheNewestEntriesUpToItsCapacity() {
        WhowasHistory history = new WhowasHistory(3);
        for (int i = 1; i <= 5; i++) history.add(entry("bob", "~u" + i, i));
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.capacity()).isEqualTo(3);
        List<WhowasEntry> found = history.find("bob", CaseMapping.RFC1459, 0);
        assertThat(found).extracting(e -> e.identity().user()).containsExactly("~u5", "~u4", "~u3");
    }

    @Test
    void findIsNewestFirstCaseInsensitiveAndHonoursTheLimit() {
        WhowasHistory history = new WhowasHistory(10);
        history.add(entry("Bob[1]", "~a", 1));
        history.add(entry("carol", "~c", 2));
        history.add(entry("bob{1}", "~b", 3));
        assertThat(history.find("BOB[1]", CaseMapping.RFC1459, 0)).extracting(e -> e.identity().user())
                .containsExactly("~b", "~a");
        assertThat(history.find("bob[1]", CaseMapping.RFC1459, 1)).extracting(e -> e.identity().user())
                .containsExactly("~b");
        assertThat(history.find("bob[1]", CaseMapping.ASCII, -1)).extracting(e -> e.identity().user())
                .containsExactly("~a");
        assertThat(history.find("dave", CaseMapping.RFC1459, 0)).isEmpty();
    }

    @Test
    void anEmptyRingFindsNothingAndAZeroCapacityIsRefused() {
        assertThat(new WhowasHistory(1).find("bob", CaseMapping.ASCII, 0)).isEmpty();
        assertThatThrownBy(() -> new WhowasHistory(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultIsNamedAndBounded() {
        WhowasHistory history = new WhowasHistory(WhowasHistory.WHOWAS_HISTORY);
        for (int i = 0; i < WhowasHistory.WHOWAS_HISTORY + 10; i++) history.add(entry("n" + i, "~u", i));
        assertThat(history.size()).isEqualTo(WhowasHistory.WHOWAS_HISTORY);
        assertThat(history.find("n9", CaseMapping.ASCII, 0)).isEmpty();
        assertThat(history.find("n10", CaseMapping.ASCII, 0)).hasSize(1);
    }
}
