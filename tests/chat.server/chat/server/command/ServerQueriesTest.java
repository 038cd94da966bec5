package chat.server.command;

import static chat.server.command.TestServer.only;
import static org.assertj.core.api.Assertions.assertThat;

import chat.server.ServerConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** LUSERS, TIME and INFO on a set clock, with invisible users and IRC operators. */
class ServerQueriesTest {

    private final TestServer h = new TestServer(ServerConfig.defaults(), Instant.ofEpochSecond(1_700_000_000), Instant.ofEpochSecond(1_700_000_000));

    @Test
    void lusersCountsInvisibleUsersAndOperatorsApart() {
        TestServer.Client alice = h.register("alice");
        TestServer.Client bob = h.register("bob");
        h.register("carol");
        h.registry.settings().changeModes(alice.user, "+i", null);
        h.registry.settings().oper(bob.user, null);
        var got = bob.ask("LUSERS");
        assertThat(only(got, "251").get(0).last()).isEqualTo("There are 2 users and 1 invisible on 1 servers");
        assertThat(only(got, "252").get(0).params()).containsExactly("bob", "1", "operator(s) online");
        assertThat(only(got, "265").get(0).params().subList(1, 3)).containsExactly("3", "3");
    }

    @Test
    void timeAndInfoReadTheServerClock() {
        TestServer.Client alice = h.register("alice");
        h.clock.advance(Duration.ofHours(26).plusMinutes(3));
        assertThat(only(alice.ask("TIME"), "391").get(0).params())
                .containsExactly("alice", "chat.local", "1700093780", "Thu, 16 Nov 2023 00:16:20 GMT");
        assertThat(only(alice.ask("INFO"), "371")).anySatisfy(m -> assertThat(m.last())
                .isEqualTo("Started Tue, 14 Nov 2023 22:13:20 GMT, up 1 days 2 hours 3 minutes"));
    }

    @Test
    void theMotdAndTheBurstFollowANewConfiguration() {
        TestServer.Client alice = h.register("alice");
        assertThat(only(alice.ask("MOTD"), "372")).extracting(m -> m.last()).containsExactlyElementsOf(
                h.config.motd().stream().map(line -> "- " + line).toList());
        ServerConfig changed = h.config.withMotd(java.util.List.of("first line", "second line"));
        h.dispatcher.server().currentConfig().set(changed);
        assertThat(only(alice.ask("MOTD"), "372")).extracting(m -> m.params())
                .containsExactly(java.util.List.of("alice", "- first line"), java.util.List.of("alice", "- second line"));
        TestServer.Client bob = h.connect();
        bob.send("NICK bob");
        bob.send("USER bob 0 * :Bob");
        var burst = bob.take();
        assertThat(only(burst, "372")).extracting(m -> m.last()).containsExactly("- first line", "- second line");
        assertThat(only(burst, "002").get(0).params().get(0)).isEqualTo("bob");
        h.dispatcher.server().currentConfig().set(changed.withMotd(java.util.List.of()));
        assertThat(only(alice.ask("MOTD"), "422").get(0).params()).containsExactly("alice", "MOTD File is missing");
    }
}
