package chat.e2e.bots;

import static org.assertj.core.api.Assertions.assertThat;

import chat.e2e.ServerExtension;
import chat.e2e.TestClient;
import chat.server.BotConfig;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A built-in bot's channel status does not wait for its handlers: one stuck on an earlier message is voiced too. */
@Tag("bots")
class BotStatusTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withBots(BotConfig.all()
            .withEnabled(Set.of("selftalker"))));

    @Test
    void aBotBlockedOnAMessageQueuedBeforeItsJoinIsStillVoiced() {
        // It made #late, so it is its operator; multi-prefix shows the voice beside that.
        TestClient alice = server.connectWithCaps("alice", "multi-prefix");
        alice.send("NAMES #late");
        assertThat(alice.expect("353", "alice", "=", "#late").last().split(" ")).containsExactly("@+SelfTalker");
    }
}
