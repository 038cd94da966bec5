package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** #15: replies that differed from the specifications, each seen on the wire before it was fixed. */
class SpecRepliesTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private static List<IrcMessage> replies(TestClient client, String... commands) {
        List<String> wanted = List.of(commands);
        return client.drain().stream().filter(m -> wanted.contains(m.command())).toList();
    }

    @Tag("Modern")
    @ParameterizedTest(name = "key \"{0}\"")
    @ValueSource(strings = {"passphrase with spaces", "longlonglonglonglonglonglonglonglonglonglonglonglonglong", "", " "})
    void anInvalidKeyIsRefusedWith696AndNeverEchoed(String key) {
        TestClient alice = server.connect("alice");
        alice.send("JOIN #chan");
        alice.expect("366", "alice", "#chan");
        alice.send("MODE #chan +k :" + key);
        List<IrcMessage> got = replies(alice, "696", "MODE", "400");
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.command()).isEqualTo("696");
            assertThat(m.params()).hasSize(5).startsWith("alice", "#chan", "k", "*");
            assertThat(m.last()).startsWith("Invalid key: it ");
        });
        TestClient bob = server.connect("bob");
        bob.send("JOIN #chan");
        bob.expect("JOIN", "#chan");
    }

    @Tag("Modern")
    @Test
    void aUserNameWithNoAsciiLetterRegistersWithASanitisedOne() {
        TestClient c = server.open();
        c.send("NICK smiley");
        c.send("USER \uD83D\uDE0A\uD83D\uDE0A\uD83D\uDE0A\uD83D\uDE0A\uD83D\uDE0A * * :realname");
        c.expect("001", "smiley");
        c.send("WHOIS smiley");
        IrcMessage whois = c.expect("311", "smiley", "smiley");
        assertThat(whois.params()).containsExactly("smiley", "smiley", "~u", "127.0.0.1", "*", "realname");
    }

    @Tag("IRCv3")
    @Test
    void anUnknownCommandWordWithAnUnderscoreIsA421CarryingTheLabel() {
        TestClient alice = server.connectWithCaps("alice", "labeled-response", "batch");
        alice.send("@label=deadbeef NONEXISTENT_COMMAND");
        IrcMessage unknown = alice.expect("421", "alice", "NONEXISTENT_COMMAND");
        assertThat(unknown.tags()).containsEntry("label", "deadbeef");
        alice.send("PRIV_MSG x y");
        alice.expect("421", "alice", "PRIV_MSG");
    }

    @Tag("IRCv3")
    @Test
    void whoShowsEveryPrefixWithMultiPrefixAndTheHighestWithout() {
        TestClient alice = server.connectWithCaps("alice", "multi-prefix");
        TestClient bob = server.connect("bob");
        alice.send("JOIN #chan");
        alice.expect("366", "alice", "#chan");
        bob.send("JOIN #chan");
        bob.expect("366", "bob", "#chan");
        alice.send("MODE #chan +v alice");
        alice.expect("MODE", "#chan", "+v", "alice");
        alice.send("WHO #chan");
        assertThat(alice.expect("352", "alice", "#chan", "*", "*", "*", "alice").param(6)).isEqualTo("H@+");
        bob.send("WHO #chan");
        assertThat(bob.expect("352", "bob", "#chan", "*", "*", "*", "alice").param(6)).isEqualTo("H@");
    }

    @Tag("RFC2812")
    @Test
    void namesOfSeveralChannelsListsEachThenEndsOnceWithTheListAsSent() {
        TestClient alice = server.connect("alice");
        alice.send("JOIN #chan1");
        alice.send("JOIN #chan2");
        alice.expect("366", "alice", "#chan2");
        alice.send("NAMES #chan1,#chan2,#none");
        List<IrcMessage> got = replies(alice, "353", "366");
        assertThat(got).extracting(IrcMessage::params).containsExactly(
                List.of("alice", "=", "#chan1", "@alice"),
                List.of("alice", "=", "#chan2", "@alice"),
                List.of("alice", "#chan1,#chan2,#none", "End of /NAMES list"));
    }

    @Tag("Modern")
    @Test
    void lusersOfTheFirstClientCountsTheDefaultChannelItJoins() {
        TestClient first = server.open();
        first.send("NICK first");
        first.send("USER first 0 * :First");
        assertThat(first.expect("254", "first").param(1)).isEqualTo("1");
        first.expect("366", "first", "#lobby");
        first.send("LUSERS");
        assertThat(first.expect("254", "first").param(1)).isEqualTo("1");
    }
}
