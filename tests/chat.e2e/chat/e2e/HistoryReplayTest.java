package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replay of recent channel lines on JOIN for clients without draft/chathistory; and history switched off. */
@Tag("IRCv3")
class HistoryReplayTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s.withJoinReplay(2, false));

    @RegisterExtension
    final ServerExtension noHistory = ServerExtension.withStore(s -> s.withHistory(false));

    @Test
    void aJoinReplaysTheLastLinesExceptInTheDefaultChannel() {
        TestClient alice = server.connectWithCaps("alice", "echo-message");
        alice.send("JOIN #room");
        alice.expect("366", "alice", "#room");
        HistoryTest.say(alice, "#room", "line ", 3);
        HistoryTest.say(alice, "#lobby", "lobby ", 1);
        TestClient bob = server.connect("bob");
        assertThat(bob.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
        bob.send("JOIN #room");
        bob.expect("366", "bob", "#room");
        assertThat(bob.expect("PRIVMSG", "#room").last()).isEqualTo("line 2");
        assertThat(bob.expect("PRIVMSG", "#room").last()).isEqualTo("line 3");
        TestClient modern = server.connectWithCaps("modern", "draft/chathistory");
        modern.send("JOIN #room");
        modern.expect("366", "modern", "#room");
        assertThat(modern.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
    }

    @Test
    void withHistoryOffNothingIsStoredOrAdvertised() {
        TestClient c = noHistory.open();
        c.send("CAP LS 302");
        assertThat(c.expect("CAP", "*", "LS").last()).contains("sasl=").doesNotContain("draft/chathistory");
        c.send("CAP END");
        c.register("plain");
        c.send("PRIVMSG #lobby :not kept");
        c.send("CHATHISTORY LATEST #lobby * 10");
        c.expect("421", "plain", "CHATHISTORY");
    }
}
