package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server without a default channel (as the benchmark runs it), with and without accounts, still joins. */
class NoDefaultChannelTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s, c -> c.withDefaultChannel(null));

    @Test
    void clientsJoinAndTalkWhenNobodyIsAutoJoined() {
        TestClient a = server.open();
        a.send("NICK ann");
        a.send("USER ann 0 * :Ann");
        a.expect("001", "ann");
        a.send("JOIN #bench");
        a.expect("366", "ann", "#bench");
        TestClient b = server.open();
        b.send("NICK ben");
        b.send("USER ben 0 * :Ben");
        b.expect("001", "ben");
        b.send("JOIN #bench");
        b.expect("366", "ben", "#bench");
        b.send("PRIVMSG #bench :no lobby here");
        assertThat(a.expect("PRIVMSG", "#bench", "no lobby here").sourceNick()).isEqualTo("ben");
    }
}
