package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IrcMessageTest {

    @Test
    void paramAndLastAreNullWhenMissing() {
        IrcMessage m = IrcMessage.of("PRIVMSG", "#a", "hi");

        assertThat(m.param(0)).isEqualTo("#a");
        assertThat(m.param(1)).isEqualTo("hi");
        assertThat(m.param(2)).isNull();
        assertThat(m.last()).isEqualTo("hi");
        assertThat(IrcMessage.of("PING").last()).isNull();
    }

    @Test
    void sourceNickIsThePartBeforeTheBang() {
        assertThat(IrcMessage.from("alice!~a@host", "QUIT").sourceNick()).isEqualTo("alice");
        assertThat(IrcMessage.from("chat.local", "PING").sourceNick()).isEqualTo("chat.local");
        assertThat(IrcMessage.of("PING").sourceNick()).isNull();
    }

    @Test
    void holdsCopiesOfItsCollections() {
        Map<String, String> tags = new HashMap<>(Map.of("a", "1"));
        List<String> params = new ArrayList<>(List.of("x"));

        IrcMessage m = new IrcMessage(tags, null, "CMD", params);
        tags.put("b", "2");
        params.add("y");

        assertThat(m.tags()).isEqualTo(Map.of("a", "1"));
        assertThat(m.params()).containsExactly("x");
    }

    @Test
    void withSourceAndWithTagsChangeOnlyThatPart() {
        IrcMessage m = IrcMessage.of("PRIVMSG", "#a", "hi");

        assertThat(m.withSource("s")).isEqualTo(new IrcMessage(Map.of(), "s", "PRIVMSG", List.of("#a", "hi")));
        assertThat(m.withTags(Map.of("t", ""))).isEqualTo(new IrcMessage(Map.of("t", ""), null, "PRIVMSG", List.of("#a", "hi")));
    }

    @Test
    void commandIsRequired() {
        assertThatThrownBy(() -> IrcMessage.of(null)).isInstanceOf(NullPointerException.class);
    }
}
