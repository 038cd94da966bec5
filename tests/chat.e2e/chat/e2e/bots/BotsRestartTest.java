package chat.e2e.bots;

import static org.assertj.core.api.Assertions.assertThat;

import chat.e2e.ServerExtension;
import chat.e2e.TestClient;
import chat.protocol.IrcMessage;
import chat.server.BotConfig;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What operators tell Guard is kept in the store: the channels it watches and their rules survive a restart. */
@Tag("bots")
class BotsRestartTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s, c -> c.withBots(BotConfig.all()
            .withEnabled(Set.of("guard")).with("Guard", "steps", "quiet 3s")));

    @Test
    void channelsAndRulesSurviveARestart() {
        TestClient op = server.connect("op");
        op.send("JOIN #dev");
        op.expect("JOIN", "#dev");
        op.send("PRIVMSG Guard :ENABLE #dev");
        op.expect("MODE", "#dev", "+o", "Guard");
        op.send("PRIVMSG Guard :SET #dev caps 60");
        op.expect("NOTICE", "op", "Rule caps in #dev is now: 60");
        TestClient loud = server.connectFrom("127.0.0.2", "loud");
        loud.send("JOIN #dev");
        loud.expect("JOIN", "#dev");
        loud.send("PRIVMSG #dev :I AM VERY LOUD TODAY");
        op.expect("MODE", "#dev", "+q", "*!*@127.0.0.2");

        server.restart();
        TestClient again = server.connect("op");
        again.send("JOIN #dev");
        IrcMessage names = again.expect("353", "op", "*", "#dev");
        assertThat(names.last()).contains("Guard");
        again.send("PRIVMSG Guard :RULES #dev");
        assertThat(again.expect("NOTICE", "op", "Guard in #dev: enabled").last()).isEqualTo("Guard in #dev: enabled");
        IrcMessage caps = again.expect("NOTICE", "op", "  caps: more than 60% capitals is shouting");
        assertThat(caps.source()).startsWith("Guard!");
    }
}
