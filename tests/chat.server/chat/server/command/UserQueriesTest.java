package chat.server.command;

import static chat.server.command.Harness.only;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.ServerConfig;
import chat.server.state.Session;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WHO, WHOIS and USERHOST where e2e tests cannot reach: idle time on a set clock, IRC operators, +i users. */
class UserQueriesTest {

    // No default channel, so that users share a channel only when a test says so.
    private final Harness h = new Harness(ServerConfig.defaults().withDefaultChannel(null));

    @Test
    void idleTimeCountsFromTheLastMessageAndSignonIsTheConnectTime() {
        Session alice = h.connect("alice");
        Session bob = h.connect("bob");
        h.clock.advance(Duration.ofSeconds(42));
        IrcMessage idle = only(h.send(bob, "WHOIS alice"), "317").get(0);
        assertThat(idle.params()).containsExactly("bob", "alice", "42", "1700000000", "seconds idle, signon time");

        h.send(alice, "PRIVMSG bob :hi");
        h.clock.advance(Duration.ofSeconds(5));
        assertThat(only(h.send(bob, "WHOIS alice"), "317").get(0).param(2)).isEqualTo("5");
        assertThat(only(h.send(bob, "WHO alice %nl"), "354").get(0).params()).containsExactly("bob", "alice", "5");

        // Other commands are not speaking.
        h.send(alice, "WHO bob");
        h.clock.advance(Duration.ofSeconds(1));
        assertThat(only(h.send(bob, "WHOIS alice"), "317").get(0).param(2)).isEqualTo("6");
    }

    @Test
    void ircOperatorShowsInWhoWhoisUserhostAndWhoOperatorFilter() {
        Session alice = h.connect("alice");
        Session bob = h.connect("bob");
        alice.setOperator(true);
        List<IrcMessage> who = only(h.send(bob, "WHO * o"), "352");
        assertThat(who).extracting(m -> m.param(5) + " " + m.param(6)).containsExactly("alice H*");
        alice.setAwayMessage("out");
        assertThat(only(h.send(bob, "WHO alice"), "352").get(0).param(6)).isEqualTo("G*");
        assertThat(only(h.send(bob, "WHOIS alice"), "313").get(0).params())
                .containsExactly("bob", "alice", "is an IRC operator");
        assertThat(only(h.send(bob, "USERHOST alice bob"), "302").get(0).last())
                .isEqualTo("alice*=-~alice@127.0.0.1 bob=+~bob@127.0.0.1");
        assertThat(only(h.send(bob, "WHOIS bob"), "313")).isEmpty();
    }

    @Test
    void invisibleUserIsListedOnlyToThoseSharingAChannel() {
        Session alice = h.connect("alice");
        Session bob = h.connect("bob");
        Session carol = h.connect("carol");
        alice.setInvisible(true);
        assertThat(only(h.send(bob, "WHO ali*"), "352")).isEmpty();
        assertThat(only(h.send(bob, "WHO *"), "352")).extracting(m -> m.param(5)).containsExactly("bob", "carol");
        // #15: a WHO naming the nick exactly shows it (Modern, irctest)
        assertThat(only(h.send(bob, "WHO alice"), "352")).extracting(m -> m.param(5)).containsExactly("alice");
        assertThat(only(h.send(alice, "WHO alice"), "352")).hasSize(1);

        h.send(alice, "JOIN #x");
        h.send(bob, "JOIN #x");
        assertThat(only(h.send(bob, "WHO alice"), "352")).hasSize(1);
        assertThat(only(h.send(bob, "WHO #x"), "352")).extracting(m -> m.param(5)).containsExactly("alice", "bob");
        assertThat(only(h.send(carol, "WHO #x"), "352")).extracting(m -> m.param(5)).containsExactly("bob");
        // WHOIS is by exact nickname and shows the user anyway, as every server does.
        assertThat(only(h.send(carol, "WHOIS alice"), "311")).hasSize(1);
    }
}
