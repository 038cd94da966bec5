package chat.server.command;

import static chat.server.command.Harness.only;
import static org.assertj.core.api.Assertions.assertThat;

import chat.server.ServerConfig;
import chat.server.state.Link;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** LUSERS, TIME and INFO on a set clock, with invisible users and IRC operators. */
class ServerQueriesTest {

    private final Harness h = new Harness(ServerConfig.defaults());

    @Test
    void lusersCountsInvisibleUsersAndOperatorsApart() {
        Link alice = h.connect("alice");
        Link bob = h.connect("bob");
        h.connect("carol");
        h.registry.settings().changeModes(alice.user(), "+i", null);
        h.registry.settings().oper(bob.user(), null);
        var got = h.send(bob, "LUSERS");
        assertThat(only(got, "251").get(0).last()).isEqualTo("There are 2 users and 1 invisible on 1 servers");
        assertThat(only(got, "252").get(0).params()).containsExactly("bob", "1", "operator(s) online");
        assertThat(only(got, "265").get(0).params().subList(1, 3)).containsExactly("3", "3");
    }

    @Test
    void timeAndInfoReadTheServerClock() {
        Link alice = h.connect("alice");
        h.clock.advance(Duration.ofHours(26).plusMinutes(3));
        assertThat(only(h.send(alice, "TIME"), "391").get(0).params())
                .containsExactly("alice", "chat.local", "1700093780", "Thu, 16 Nov 2023 00:16:20 GMT");
        assertThat(only(h.send(alice, "INFO"), "371")).anySatisfy(m -> assertThat(m.last())
                .isEqualTo("Started Tue, 14 Nov 2023 22:13:20 GMT, up 1 days 2 hours 3 minutes"));
    }
}
