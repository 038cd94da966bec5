package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WHOIS and WHOWAS (Modern "WHOIS message", "WHOWAS message"). */
@Tag("Modern")
class WhoisTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    /** The numerics of the answer, from the client's own 3-digit replies (others such as JOIN are left out). */
    private static List<IrcMessage> numerics(TestClient client) {
        return client.drain().stream().filter(m -> m.command().matches("[0-9]{3}")).toList();
    }

    @Test
    void whoisAnswersUserChannelsServerIdleThenEnd() {
        long before = System.currentTimeMillis() / 1000;
        TestClient alice = server.connect("alice");
        alice.send("JOIN #x");
        alice.expect("366", "alice", "#x");
        TestClient bob = server.connect("bob");
        bob.send("WHOIS Alice");
        List<IrcMessage> got = numerics(bob);
        assertThat(got).extracting(IrcMessage::command).containsExactly("311", "319", "312", "317", "318");
        assertThat(got.get(0).params()).containsExactly("bob", "alice", "~alice", "127.0.0.1", "*", "Test alice");
        assertThat(got.get(1).params().subList(0, 2)).containsExactly("bob", "alice");
        assertThat(got.get(1).last().split(" ")).containsExactlyInAnyOrder("#lobby", "@#x");
        assertThat(got.get(2).params()).containsExactly("bob", "alice", "chat.local", "chat IRC server");
        assertThat(got.get(3).params()).hasSize(5);
        assertThat(got.get(3).param(2)).matches("[0-9]+");
        assertThat(Long.parseLong(got.get(3).param(3))).isBetween(before, System.currentTimeMillis() / 1000);
        assertThat(got.get(4).params()).containsExactly("bob", "Alice", "End of /WHOIS list");
    }

    @Test
    void unknownNickGets401AndStillTheEnd() {
        TestClient bob = server.connect("bob");
        bob.send("WHOIS nobody");
        List<IrcMessage> got = numerics(bob);
        assertThat(got).extracting(IrcMessage::command).containsExactly("401", "318");
        assertThat(got.get(0).params()).containsExactly("bob", "nobody", "No such nick/channel");
        assertThat(got.get(1).params()).containsExactly("bob", "nobody", "End of /WHOIS list");
    }

    @Test
    void missingNickGets431() {
        TestClient bob = server.connect("bob");
        bob.send("WHOIS");
        assertThat(numerics(bob)).extracting(IrcMessage::command).containsExactly("431");
    }

    @Test
    void severalNicksAreAnsweredInOrderWithOneEndRepeatingTheList() {
        server.connect("alice");
        server.connect("carol");
        TestClient bob = server.connect("bob");
        bob.send("WHOIS alice,nobody,carol");
        List<IrcMessage> got = numerics(bob);
        assertThat(got).filteredOn(m -> m.command().equals("311") || m.command().equals("401"))
                .extracting(m -> m.command() + " " + m.param(1))
                .containsExactly("311 alice", "401 nobody", "311 carol");
        assertThat(got.get(got.size() - 1).params()).containsExactly("bob", "alice,nobody,carol", "End of /WHOIS list");
    }

    @Test
    void serverParameterMayNameThisServerOrTheUserElse402() {
        server.connect("alice");
        TestClient bob = server.connect("bob");
        bob.send("WHOIS chat.local alice");
        assertThat(numerics(bob)).extracting(IrcMessage::command).contains("311", "318");
        bob.send("WHOIS alice alice");
        assertThat(numerics(bob)).extracting(IrcMessage::command).contains("311", "318");
        bob.send("WHOIS *.local alice");
        assertThat(numerics(bob)).extracting(IrcMessage::command).contains("311", "318");
        bob.send("WHOIS elsewhere.example alice");
        List<IrcMessage> got = numerics(bob);
        assertThat(got).extracting(IrcMessage::command).containsExactly("402", "318");
        assertThat(got.get(0).params()).containsExactly("bob", "elsewhere.example", "No such server");
    }

    @Test
    void whowasAfterQuitShowsTheIdentityThenEnds() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("QUIT :bye");
        alice.awaitClose();
        bob.expect("QUIT");
        bob.send("WHOWAS ALICE");
        List<IrcMessage> got = numerics(bob);
        assertThat(got).extracting(IrcMessage::command).containsExactly("314", "312", "369");
        assertThat(got.get(0).params()).containsExactly("bob", "alice", "~alice", "127.0.0.1", "*", "Test alice");
        assertThat(got.get(1).params().subList(0, 3)).containsExactly("bob", "alice", "chat.local");
        assertThat(got.get(2).params()).containsExactly("bob", "ALICE", "End of WHOWAS");
    }

    @Test
    void whowasAfterNickChangeAndCountNewestFirst() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("NICK alicia");
        alice.expect("NICK", "alicia");
        alice.send("NICK alice");
        alice.expect("NICK", "alice");
        alice.send("NICK alicia");
        alice.expect("NICK", "alicia");
        bob.send("WHOWAS alice");
        assertThat(numerics(bob)).extracting(IrcMessage::command).containsExactly("314", "312", "314", "312", "369");
        bob.send("WHOWAS alice 1");
        assertThat(numerics(bob)).extracting(IrcMessage::command).containsExactly("314", "312", "369");
        bob.send("WHOWAS alicia 0");
        List<IrcMessage> got = numerics(bob);
        assertThat(got).extracting(IrcMessage::command).containsExactly("314", "312", "369");
        assertThat(got.get(0).param(1)).isEqualTo("alicia");
    }

    @Test
    void whowasOfANickNeverLeftGets406AndTheEndAndNoNickGets431() {
        TestClient bob = server.connect("bob");
        bob.send("WHOWAS nobody");
        List<IrcMessage> got = numerics(bob);
        assertThat(got).extracting(IrcMessage::command).containsExactly("406", "369");
        assertThat(got.get(0).params()).containsExactly("bob", "nobody", "There was no such nickname");
        bob.send("WHOWAS bob");
        assertThat(numerics(bob)).extracting(IrcMessage::command).containsExactly("406", "369");
        bob.send("WHOWAS");
        assertThat(numerics(bob)).extracting(IrcMessage::command).containsExactly("431");
    }
}
