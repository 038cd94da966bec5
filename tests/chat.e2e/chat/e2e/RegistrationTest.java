package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connection registration, the welcome burst and the refusals around it (RFC 2812 3.1, Modern). */
@Tag("RFC2812")
@Tag("Modern")
class RegistrationTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withTimeouts(
            Duration.ofMillis(1500), c.pingInterval(), c.pingTimeout()));

    @Test
    void welcomeBurstThenLobby() {
        TestClient alice = server.open();
        alice.send("NICK alice");
        alice.send("USER alice 0 * :Alice Liddell");
        assertThat(alice.expect("001", "alice").last()).contains("alice!~alice@127.0.0.1");
        alice.expect("002", "alice");
        alice.expect("003", "alice");
        alice.expect("004", "alice", "chat.local");
        IrcMessage isupport = alice.expect("005", "alice");
        assertThat(isupport.params()).contains("CASEMAPPING=rfc1459", "CHANTYPES=#", "NICKLEN=30", "LINELEN=512");
        assertThat(String.join(" ", isupport.params())).contains("TARGMAX=PRIVMSG:10");
        alice.expect("251", "alice");
        alice.expect("375", "alice");
        alice.expect("376", "alice");
        IrcMessage join = alice.expect("JOIN", "#lobby");
        assertThat(join.source()).isEqualTo("alice!~alice@127.0.0.1");
        assertThat(alice.expect("353", "alice", "=", "#lobby").last()).isEqualTo("alice");
        alice.expect("366", "alice", "#lobby");
    }

    @Test
    void capabilityNegotiationHoldsRegistrationUntilCapEnd() {
        TestClient bob = server.open();
        bob.send("CAP LS 302");
        bob.send("NICK bob");
        bob.send("USER bob 0 * :Bob");
        bob.expect("CAP", "*", "LS");
        assertThat(bob.drain()).noneMatch(m -> m.command().equals("001"));
        bob.send("CAP REQ :sasl");
        bob.expect("CAP", "bob", "NAK", "sasl");
        bob.send("CAP END");
        bob.expect("001", "bob");
    }

    @Test
    void commandsBeforeRegistrationAreRefused() {
        TestClient c = server.open();
        c.send("PRIVMSG #lobby :hi");
        c.expect("451", "*");
        c.send("JOIN #x");
        c.expect("451", "*");
        c.send("PING early");
        assertThat(c.expect("PONG").last()).isEqualTo("early");
    }

    @Test
    void refusalNumerics() {
        TestClient c = server.open();
        c.send("NICK");
        c.expect("431", "*");
        c.send("NICK 1abc");
        c.expect("432", "*", "1abc");
        c.send("NICK bad!nick");
        c.expect("432", "*", "bad!nick");
        c.send("NICK " + "n".repeat(31));
        c.expect("432");
        c.send("USER onlyone");
        c.expect("461", "*", "USER");
        c.send("FROB");
        c.expect("421", "*", "FROB");
        c.register("carol");
        c.send("USER again 0 * :x");
        c.expect("462", "carol");
        c.send("PASS secret");
        c.expect("462", "carol");
        c.send("PRIVMSG");
        c.expect("411", "carol");
        c.send("PRIVMSG #lobby");
        c.expect("412", "carol");
        c.send("JOIN");
        c.expect("461", "carol", "JOIN");
    }

    @Test
    void nicknameInUse() {
        server.connect("dave");
        TestClient other = server.open();
        other.send("NICK DAVE");
        other.expect("433", "*", "DAVE");
        other.send("NICK [dave]");
        other.send("USER d 0 * :d");
        other.expect("001", "[dave]");
        TestClient third = server.open();
        // rfc1459 casemapping: {} are the lower case of [].
        third.send("NICK {DAVE}");
        third.expect("433", "*", "{DAVE}");
    }

    @Test
    void registrationTimesOut() {
        TestClient idle = server.open();
        idle.send("NICK idler");
        List<IrcMessage> got = idle.awaitClose();
        assertThat(got).anyMatch(m -> m.command().equals("ERROR") && m.last().contains("Registration timed out"));
        // The nickname it reserved is free again.
        server.connect("idler");
    }

    @Test
    void pingIsAnswered() {
        TestClient c = server.connect("erin");
        c.send("PING :some token");
        IrcMessage pong = c.expect("PONG");
        assertThat(pong.params()).containsExactly("chat.local", "some token");
    }

    @Test
    void motdAndLusersOnRequest() {
        TestClient c = server.connect("fred");
        server.connect("gina");
        c.send("LUSERS");
        assertThat(c.expect("251", "fred").last()).contains("There are 2 users");
        c.send("MOTD");
        c.expect("375", "fred");
        assertThat(c.expect("372", "fred").last()).startsWith("- ");
        c.expect("376", "fred");
    }
}
