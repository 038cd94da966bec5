package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Channels created by a logged-in client belong to its account: their settings survive restarts. */
@Tag("Modern")
class RegisteredChannelTest {

    private static final String PASSWORD = "club password";

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s);

    /** Connects {@code nick} and registers (and so logs in to) the account of that name. */
    private TestClient loggedIn(String nick) {
        TestClient c = server.connect(nick);
        c.send("REGISTER * * :" + PASSWORD);
        c.expect("900", nick, "*", nick);
        return c;
    }

    /** Joins and returns the names the joiner was shown. */
    private static List<String> join(TestClient c, String channel) {
        c.send("JOIN " + channel);
        c.expect("JOIN", channel);
        List<String> names = List.of(c.expect("353", c.nick(), "*", channel).last().split(" "));
        c.expect("366", c.nick(), channel);
        return names;
    }

    @Test
    void topicModesAndListsComeBackAfterRestartAndTheOwnerGetsOps() {
        TestClient alice = loggedIn("alice");
        assertThat(join(alice, "#club")).containsExactly("@alice");
        alice.send("TOPIC #club :Members only");
        alice.expect("TOPIC", "#club", "Members only");
        alice.send("MODE #club +mkbqI sesame mallory!*@* noisy!*@* friend!*@*");
        alice.expect("MODE", "#club");
        alice.drain();

        server.restart();
        TestClient bob = server.connect("bob");
        bob.send("JOIN #club sesame");
        bob.expect("JOIN", "#club");
        bob.expect("332", "bob", "#club", "Members only");
        assertThat(bob.expect("333", "bob", "#club").param(2)).startsWith("alice!");
        assertThat(bob.expect("353", "bob", "=", "#club").last()).isEqualTo("bob");
        bob.send("MODE #club");
        IrcMessage modes = bob.expect("324", "bob", "#club");
        assertThat(modes.param(2)).isEqualTo("+mntk");
        bob.send("MODE #club b");
        assertThat(bob.expect("367", "bob", "#club").param(2)).isEqualTo("mallory!*@*");
        bob.expect("368", "bob", "#club");

        TestClient mallory = server.connect("mallory");
        mallory.send("JOIN #club sesame");
        mallory.expect("474", "mallory", "#club");
        TestClient noisy = server.connect("noisy");
        noisy.send("JOIN #club sesame");
        noisy.expect("JOIN", "#club");
        noisy.send("PRIVMSG #club :can anyone hear me");
        noisy.expect("404", "noisy", "#club");

        TestClient owner = AccountTest.saslClient(server, "alice", PASSWORD);
        owner.send("JOIN #club sesame");
        owner.expect("JOIN", "#club");
        assertThat(owner.expect("353", "alice", "=", "#club").last().split(" ")).contains("@alice", "bob", "noisy");
        owner.send("MODE #club I");
        assertThat(owner.expect("346", "alice", "#club").param(2)).isEqualTo("friend!*@*");
    }

    @Test
    void changesAfterRestartAreKeptTooAndOthersNeverOwnAChannel() {
        TestClient alice = loggedIn("alice");
        join(alice, "#club");
        alice.send("MODE #club +b spam!*@*");
        alice.expect("MODE", "#club", "+b", "spam!*@*");
        TestClient guest = server.connect("guest");
        assertThat(join(guest, "#open")).containsExactly("@guest");
        guest.send("TOPIC #open :not kept");
        guest.expect("TOPIC", "#open");

        server.restart();
        TestClient owner = AccountTest.saslClient(server, "alice", PASSWORD);
        assertThat(join(owner, "#club")).containsExactly("@alice");
        owner.send("MODE #club -b+b spam!*@* eggs!*@*");
        owner.expect("MODE", "#club");
        owner.send("TOPIC #club :second");
        owner.expect("TOPIC", "#club", "second");
        owner.drain();

        server.restart();
        TestClient bob = server.connect("bob");
        bob.send("JOIN #club");
        bob.expect("JOIN", "#club");
        bob.expect("332", "bob", "#club", "second");
        bob.send("MODE #club b");
        List<IrcMessage> got = bob.drain();
        assertThat(got).filteredOn(m -> m.command().equals("367")).extracting(m -> m.param(2)).containsExactly("eggs!*@*");
        TestClient other = server.connect("other");
        assertThat(join(other, "#open")).containsExactly("@other");
        other.send("TOPIC #open");
        other.expect("331", "other", "#open");
    }
}
