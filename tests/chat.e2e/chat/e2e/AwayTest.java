package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AWAY and where away status shows (Modern "AWAY message"), ISON and USERHOST. */
@Tag("Modern")
class AwayTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private static List<IrcMessage> only(TestClient client, String command) {
        return client.drain().stream().filter(m -> m.command().equals(command)).toList();
    }

    @Test
    void awayShowsInWhoisUserhostAndAnswersPrivateMessagesOncePerMessage() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("AWAY :gone to lunch");
        assertThat(alice.expect("306").params()).containsExactly("alice", "You have been marked as being away");

        bob.send("WHOIS alice");
        assertThat(bob.expect("301").params()).containsExactly("bob", "alice", "gone to lunch");
        bob.expect("318");
        bob.send("USERHOST alice");
        assertThat(bob.expect("302").params()).containsExactly("bob", "alice=-~alice@127.0.0.1");

        bob.send("PRIVMSG alice,alice :are you there?");
        alice.expect("PRIVMSG", "alice", "are you there?");
        assertThat(only(bob, "301")).singleElement()
                .satisfies(m -> assertThat(m.params()).containsExactly("bob", "alice", "gone to lunch"));
        bob.send("NOTICE alice :no answer expected");
        bob.send("PRIVMSG #lobby :to the channel");
        assertThat(only(bob, "301")).isEmpty();

        alice.send("AWAY");
        assertThat(alice.expect("305").params()).containsExactly("alice", "You are no longer marked as being away");
        bob.send("PRIVMSG alice :back?");
        assertThat(only(bob, "301")).isEmpty();
        bob.send("USERHOST alice");
        assertThat(bob.expect("302").last()).isEqualTo("alice=+~alice@127.0.0.1");
        bob.send("WHOIS alice");
        List<String> whois = bob.drain().stream().map(IrcMessage::command).toList();
        assertThat(whois).contains("311", "318").doesNotContain("301");
    }

    @Test
    void emptyAwayTextUnsetsAndLongTextIsCutToAwaylen() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("AWAY :" + "x".repeat(300));
        alice.expect("306");
        bob.send("WHOIS alice");
        assertThat(bob.expect("301").last()).isEqualTo("x".repeat(200));
        alice.send("AWAY :");
        alice.expect("305");
        bob.send("WHO alice");
        assertThat(bob.expect("352").param(6)).isEqualTo("H");
    }

    @Test
    void isonAnswersTheOnlineNicksAsTheyAreSpelled() {
        server.connect("Alice");
        TestClient bob = server.connect("bob");
        bob.send("ISON alice nobody BOB");
        assertThat(bob.expect("303").params()).containsExactly("bob", "Alice bob");
        bob.send("ISON :nobody alice");
        assertThat(bob.expect("303").params()).containsExactly("bob", "Alice");
        bob.send("ISON nobody");
        assertThat(bob.expect("303").params()).containsExactly("bob", "");
        bob.send("ISON");
        assertThat(bob.expect("461").param(1)).isEqualTo("ISON");
    }

    @Test
    void userhostAnswersUpToFiveKnownNicks() {
        for (String nick : List.of("n1", "n2", "n3", "n4", "n5", "n6")) server.connect(nick);
        TestClient bob = server.connect("bob");
        bob.send("USERHOST n1 nobody n2 n3 n4 n6");
        assertThat(bob.expect("302").last().split(" "))
                .containsExactly("n1=+~n1@127.0.0.1", "n2=+~n2@127.0.0.1", "n3=+~n3@127.0.0.1", "n4=+~n4@127.0.0.1");
        bob.send("USERHOST nobody");
        assertThat(bob.expect("302").params()).containsExactly("bob", "");
        bob.send("USERHOST");
        assertThat(bob.expect("461").param(1)).isEqualTo("USERHOST");
    }
}
