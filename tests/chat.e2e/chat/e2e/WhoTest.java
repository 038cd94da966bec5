package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WHO by channel and by mask (Modern "WHO message"), and its WHOX form (IRCv3 whox). */
@Tag("Modern")
class WhoTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private static List<IrcMessage> replies(TestClient client, String... commands) {
        List<String> wanted = List.of(commands);
        return client.drain().stream().filter(m -> wanted.contains(m.command())).toList();
    }

    @Test
    void whoChannelListsEachMemberWithFlagsHopcountAndRealnameThenEndsWithTheMaskAsSent() {
        TestClient alice = server.connect("alice");
        alice.send("JOIN #x");
        alice.expect("366", "alice", "#x");
        TestClient bob = server.connect("bob");
        bob.send("JOIN #x");
        bob.expect("366", "bob", "#x");
        bob.send("WHO #X");
        List<IrcMessage> got = replies(bob, "352", "315");
        assertThat(got).hasSize(3);
        assertThat(got.get(0).params()).containsExactly("bob", "#x", "~alice", "127.0.0.1", "chat.local", "alice",
                "H@", "0 Test alice");
        assertThat(got.get(1).params()).containsExactly("bob", "#x", "~bob", "127.0.0.1", "chat.local", "bob", "H",
                "0 Test bob");
        assertThat(got.get(2).params()).containsExactly("bob", "#X", "End of WHO list");
    }

    @Test
    void whoMaskMatchesNickUserHostOrRealnameRegardlessOfCase() {
        server.connect("alice");
        server.connect("albert");
        TestClient bob = server.connect("bob");
        bob.send("WHO AL*");
        assertThat(replies(bob, "352")).extracting(m -> m.param(5)).containsExactlyInAnyOrder("alice", "albert");
        bob.send("WHO :*test ALB*");
        assertThat(replies(bob, "352")).extracting(m -> m.param(5)).containsExactly("albert");
        bob.send("WHO ~bob");
        assertThat(replies(bob, "352")).extracting(m -> m.param(5)).containsExactly("bob");
        bob.send("WHO 127.0.0.?");
        assertThat(replies(bob, "352")).extracting(m -> m.param(5))
                .containsExactlyInAnyOrder("alice", "albert", "bob");
        bob.send("WHO *!~alice@*");
        List<IrcMessage> got = replies(bob, "352", "315");
        assertThat(got.get(0).params()).containsExactly("bob", "*", "~alice", "127.0.0.1", "chat.local", "alice", "H",
                "0 Test alice");
        assertThat(got.get(1).params()).containsExactly("bob", "*!~alice@*", "End of WHO list");
    }

    @Test
    void whoWithoutMaskOrWithStarListsEveryoneAndUnknownNamesListNobody() {
        server.connect("alice");
        TestClient bob = server.connect("bob");
        bob.send("WHO");
        List<IrcMessage> got = replies(bob, "352", "315");
        assertThat(got).extracting(IrcMessage::command).containsExactly("352", "352", "315");
        assertThat(got.get(2).param(1)).isEqualTo("*");
        bob.send("WHO 0");
        assertThat(replies(bob, "352")).hasSize(2);
        bob.send("WHO nobody");
        assertThat(replies(bob, "352", "315")).singleElement()
                .satisfies(m -> assertThat(m.params()).containsExactly("bob", "nobody", "End of WHO list"));
        bob.send("WHO #nowhere");
        assertThat(replies(bob, "352", "315")).extracting(IrcMessage::command).containsExactly("315");
    }

    @Test
    void operatorFlagFiltersToIrcOperatorsOnly() {
        server.connect("alice");
        TestClient bob = server.connect("bob");
        bob.send("WHO * o");
        assertThat(replies(bob, "352", "315")).extracting(IrcMessage::command).containsExactly("315");
        bob.send("WHO #lobby o%n");
        assertThat(replies(bob, "354", "315")).extracting(IrcMessage::command).containsExactly("315");
    }

    @Test
    void awayUserIsGoneInWho() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("AWAY :lunch");
        alice.expect("306");
        bob.send("WHO alice");
        assertThat(bob.expect("352").param(6)).isEqualTo("G");
        bob.send("WHO #lobby %nf");
        assertThat(replies(bob, "354")).extracting(m -> m.param(1) + " " + m.param(2))
                .containsExactly("alice G", "bob H");
    }

    @Tag("IRCv3")
    @Test
    void whoxSendsExactlyTheFieldsAskedForInTheStandardOrder() {
        server.connect("alice");
        TestClient bob = server.connect("bob");
        for (String fields : List.of("%tcuihsnfdlaor,123", "%roaldfnshiuct,123")) {
            bob.send("WHO alice " + fields);
            List<IrcMessage> got = replies(bob, "352", "354", "315");
            assertThat(got).extracting(IrcMessage::command).containsExactly("354", "315");
            IrcMessage reply = got.get(0);
            assertThat(reply.params()).hasSize(14);
            assertThat(reply.params().subList(0, 10)).containsExactly("bob", "123", "*", "~alice", "255.255.255.255",
                    "127.0.0.1", "chat.local", "alice", "H", "0");
            assertThat(reply.param(10)).matches("[0-9]+");
            assertThat(reply.params().subList(11, 14)).containsExactly("0", "0", "Test alice");
            assertThat(got.get(1).params()).containsExactly("bob", "alice", "End of WHO list");
        }
    }

    @Tag("IRCv3")
    @Test
    void whoxTokenChannelAndOwnAddress() {
        TestClient alice = server.connect("alice");
        alice.send("JOIN #x");
        alice.expect("366", "alice", "#x");
        alice.send("WHO #x %tcn,42");
        assertThat(replies(alice, "354")).singleElement()
                .satisfies(m -> assertThat(m.params()).containsExactly("alice", "42", "#x", "alice"));
        alice.send("WHO alice %in");
        assertThat(replies(alice, "354")).singleElement()
                .satisfies(m -> assertThat(m.params()).containsExactly("alice", "127.0.0.1", "alice"));
        // A token that is not 1-3 digits is not echoed: the 't' field still holds a placeholder.
        alice.send("WHO alice %tn,1234");
        assertThat(replies(alice, "354")).singleElement()
                .satisfies(m -> assertThat(m.params()).containsExactly("alice", "0", "alice"));
        alice.send("WHO alice %fxyz");
        assertThat(replies(alice, "354")).singleElement()
                .satisfies(m -> assertThat(m.params()).containsExactly("alice", "H"));
    }

    @Tag("IRCv3")
    @Test
    void isupportAdvertisesWhoxAndAwaylen() {
        TestClient c = server.open();
        c.send("NICK zed");
        c.send("USER zed 0 * :Zed");
        List<String> tokens = c.drain().stream().filter(m -> m.command().equals("005"))
                .flatMap(m -> m.params().stream()).toList();
        assertThat(tokens).contains("WHOX", "AWAYLEN=200");
        assertThat(tokens).anyMatch(t -> t.startsWith("TARGMAX=") && t.contains("WHOIS:5"));
    }
}
