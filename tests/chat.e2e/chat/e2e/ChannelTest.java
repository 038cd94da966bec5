package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JOIN, PART, NAMES and TOPIC beyond the default channel (RFC 2812 3.2). */
@Tag("RFC2812")
class ChannelTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void joinShowsNamesWithTheCreatorAsOperator() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("JOIN #dev,#ops");
        alice.expect("JOIN", "#dev");
        assertThat(alice.expect("353", "alice", "=", "#dev").last()).isEqualTo("@alice");
        alice.expect("JOIN", "#ops");
        bob.send("JOIN #DEV");
        bob.expect("JOIN", "#dev");
        assertThat(bob.expect("353", "bob", "=", "#dev").last()).isEqualTo("@alice bob");
        assertThat(alice.expect("JOIN", "#dev").sourceNick()).isEqualTo("bob");
        bob.send("PRIVMSG #dev :in the dev room");
        alice.expect("PRIVMSG", "#dev", "in the dev room");
    }

    @Test
    void partIsSeenByMembersWithItsReason() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("JOIN #dev");
        alice.expect("366", "alice", "#dev");
        bob.send("JOIN #dev");
        alice.expect("JOIN", "#dev");
        bob.send("PART #dev :see you");
        IrcMessage part = alice.expect("PART", "#dev");
        assertThat(part.sourceNick()).isEqualTo("bob");
        assertThat(part.last()).isEqualTo("see you");
        bob.expect("PART", "#dev");
        bob.send("PART #dev");
        bob.expect("442", "bob", "#dev");
        bob.send("PART #nothing");
        bob.expect("403", "bob", "#nothing");
    }

    @Test
    void topicIsSetByOperatorsAndShownOnJoin() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("JOIN #dev");
        alice.expect("366", "alice", "#dev");
        alice.send("TOPIC #dev");
        alice.expect("331", "alice", "#dev");
        alice.send("TOPIC #dev :Release on Friday");
        alice.expect("TOPIC", "#dev", "Release on Friday");
        bob.send("JOIN #dev");
        bob.expect("332", "bob", "#dev", "Release on Friday");
        assertThat(bob.expect("333", "bob", "#dev").param(2)).startsWith("alice!");
        bob.send("TOPIC #dev :mine now");
        bob.expect("482", "bob", "#dev");
        alice.send("TOPIC #dev :");
        bob.expect("TOPIC", "#dev", "");
        bob.send("TOPIC #dev");
        bob.expect("331", "bob", "#dev");
    }

    @Test
    void namesOfAChannelAndOfNone() {
        TestClient alice = server.connect("alice");
        server.connect("bob");
        alice.send("NAMES #lobby");
        assertThat(alice.expect("353", "alice", "=", "#lobby").last().split(" ")).containsExactlyInAnyOrder("alice", "bob");
        alice.expect("366", "alice", "#lobby");
        alice.send("NAMES #empty");
        alice.expect("366", "alice", "#empty");
    }

    @Test
    void joinZeroLeavesEveryChannelAndBadNamesAreRefused() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("JOIN nochannel");
        alice.expect("403", "alice", "nochannel");
        alice.send("JOIN 0");
        alice.expect("PART", "#lobby");
        bob.expect("PART", "#lobby");
        alice.send("PRIVMSG #lobby :still here?");
        alice.expect("404", "alice", "#lobby");
    }
}
