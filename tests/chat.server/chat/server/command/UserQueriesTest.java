package chat.server.command;

import static chat.server.command.TestServer.only;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.ServerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WHO, WHOIS and USERHOST where e2e tests cannot reach: idle time on a set clock, IRC operators, +i users. */
class UserQueriesTest {

    // No default channel, so that users share a channel only when a test says so.
    private final TestServer h = new TestServer(ServerConfig.defaults().withDefaultChannel(null), Instant.ofEpochSecond(1_700_000_000), Instant.ofEpochSecond(1_700_000_000));

    @Test
    void idleTimeCountsFromTheLastMessageAndSignonIsTheConnectTime() {
        TestServer.Client alice = h.register("alice");
        TestServer.Client bob = h.register("bob");
        h.clock.advance(Duration.ofSeconds(42));
        IrcMessage idle = only(bob.ask("WHOIS alice"), "317").get(0);
        assertThat(idle.params()).containsExactly("bob", "alice", "42", "1700000000", "seconds idle, signon time");

        alice.ask("PRIVMSG bob :hi");
        h.clock.advance(Duration.ofSeconds(5));
        assertThat(only(bob.ask("WHOIS alice"), "317").get(0).param(2)).isEqualTo("5");
        assertThat(only(bob.ask("WHO alice %nl"), "354").get(0).params()).containsExactly("bob", "alice", "5");

        // Other commands are not speaking.
        alice.ask("WHO bob");
        h.clock.advance(Duration.ofSeconds(1));
        assertThat(only(bob.ask("WHOIS alice"), "317").get(0).param(2)).isEqualTo("6");
    }

    @Test
    void ircOperatorShowsInWhoWhoisUserhostAndWhoOperatorFilter() {
        TestServer.Client alice = h.register("alice");
        TestServer.Client bob = h.register("bob");
        h.registry.settings().oper(alice.user, null);
        List<IrcMessage> who = only(bob.ask("WHO * o"), "352");
        assertThat(who).extracting(m -> m.param(5) + " " + m.param(6)).containsExactly("alice H*");
        h.registry.settings().setAway(alice.user, "out");
        assertThat(only(bob.ask("WHO alice"), "352").get(0).param(6)).isEqualTo("G*");
        assertThat(only(bob.ask("WHOIS alice"), "313").get(0).params())
                .containsExactly("bob", "alice", "is an IRC operator");
        assertThat(only(bob.ask("USERHOST alice bob"), "302").get(0).last())
                .isEqualTo("alice*=-~alice@10.0.0.1 bob=+~bob@10.0.0.2");
        assertThat(only(bob.ask("WHOIS bob"), "313")).isEmpty();
    }

    @Test
    void invisibleUserIsListedOnlyToThoseSharingAChannel() {
        TestServer.Client alice = h.register("alice");
        TestServer.Client bob = h.register("bob");
        TestServer.Client carol = h.register("carol");
        h.registry.settings().changeModes(alice.user, "+i", null);
        assertThat(only(bob.ask("WHO ali*"), "352")).isEmpty();
        assertThat(only(bob.ask("WHO *"), "352")).extracting(m -> m.param(5)).containsExactly("bob", "carol");
        // #15: a WHO naming the nick exactly shows it (Modern, irctest)
        assertThat(only(bob.ask("WHO alice"), "352")).extracting(m -> m.param(5)).containsExactly("alice");
        assertThat(only(alice.ask("WHO alice"), "352")).hasSize(1);

        alice.ask("JOIN #x");
        bob.ask("JOIN #x");
        assertThat(only(bob.ask("WHO alice"), "352")).hasSize(1);
        assertThat(only(bob.ask("WHO #x"), "352")).extracting(m -> m.param(5)).containsExactly("alice", "bob");
        assertThat(only(carol.ask("WHO #x"), "352")).extracting(m -> m.param(5)).containsExactly("bob");
        // WHOIS is by exact nickname and shows the user anyway, as every server does.
        assertThat(only(carol.ask("WHOIS alice"), "311")).hasSize(1);
    }
}
