package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #15: draft/channel-rename (IRCv3), as irctest checks it. */
@Tag("IRCv3")
class RenameTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void capableMembersSeeRenameAndOthersPartAndJoinTheNewName() {
        TestClient bar = server.connectWithCaps("bar", "draft/channel-rename");
        TestClient baz = server.connect("baz");
        bar.send("JOIN #bar");
        bar.expect("366", "bar", "#bar");
        bar.send("TOPIC #bar :the topic");
        baz.send("JOIN #bar");
        baz.expect("366", "baz", "#bar");
        bar.drain();
        bar.send("RENAME #bar #qux :no reason");
        assertThat(bar.expect("RENAME").params()).containsExactly("#bar", "#qux", "no reason");
        List<IrcMessage> legacy = baz.drain();
        assertThat(legacy).extracting(m -> m.command() + " " + m.param(0)).containsSubsequence(
                "PART #bar", "JOIN #qux", "332 baz", "353 baz", "366 baz");
        assertThat(legacy).filteredOn(m -> m.command().equals("353")).singleElement()
                .satisfies(m -> assertThat(m.params()).containsExactly("baz", "=", "#qux", "@bar baz"));
        baz.send("PRIVMSG #qux :still here");
        bar.expect("PRIVMSG", "#qux", "still here");
        baz.send("JOIN #bar");
        baz.expect("366", "baz", "#bar");
        baz.send("MODE #bar +k beer");
        baz.expect("MODE", "#bar", "+k", "beer");
    }

    @Test
    void refusalsSayWhy() {
        TestClient bar = server.connectWithCaps("bar", "draft/channel-rename");
        TestClient baz = server.connect("baz");
        bar.send("JOIN #one");
        bar.send("JOIN #two");
        bar.expect("366", "bar", "#two");
        baz.send("JOIN #one");
        baz.expect("366", "baz", "#one");
        bar.send("RENAME #one #two");
        assertThat(bar.expect("FAIL").params()).startsWith("RENAME", "CHANNEL_NAME_IN_USE", "#one", "#two");
        bar.send("RENAME #one nochan");
        assertThat(bar.expect("FAIL").params()).startsWith("RENAME", "CANNOT_RENAME", "#one", "nochan");
        bar.send("RENAME #lobby #hall");
        assertThat(bar.expect("FAIL").params()).startsWith("RENAME", "CANNOT_RENAME", "#lobby", "#hall");
        baz.send("RENAME #one #three");
        baz.expect("482", "baz", "#one");
        baz.send("RENAME #none #three");
        baz.expect("403", "baz", "#none");
        bar.send("RENAME #one #ONE");
        assertThat(bar.expect("RENAME").params()).containsExactly("#one", "#ONE", "");
    }
}
