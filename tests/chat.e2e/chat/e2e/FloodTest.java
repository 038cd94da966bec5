package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.AbuseLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flood control: a burst passes, more is slowed down (fakelag), a sustained flood is cut off. */
class FloodTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withLimits(AbuseLimits.relaxed()
            .withFlood(10, 20, 2048)));

    @Test
    void aBurstAboveTheAllowanceIsDelayedNotDropped() {
        TestClient talker = server.connect("talker");
        TestClient listener = server.connect("listener");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 25; i++) lines.append("PRIVMSG #lobby :line ").append(i).append("\r\n");
        talker.sendRaw(lines.toString().getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 25; i++) listener.expect("PRIVMSG", "#lobby", "line " + i);
        assertThat(talker.drain()).noneMatch(m -> m.command().equals("ERROR"));
    }

    @Test
    void aThousandLinesAtOnceIsExcessFloodAndOthersKeepChatting() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient flooder = server.connect("flooder");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1000; i++) lines.append("PRIVMSG #lobby :flood ").append(i).append("\r\n");
        try {
            flooder.sendRaw(lines.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (AssertionError closedWhileWriting) {
            // the server may cut the flooder off before it has written everything
        }
        IrcMessage quit = alice.expect("QUIT");
        assertThat(quit.sourceNick()).isEqualTo("flooder");
        assertThat(quit.last()).isEqualTo("Excess Flood");
        flooder.awaitClose();
        alice.send("PRIVMSG #lobby :after the flood");
        assertThat(bob.expect("PRIVMSG", "#lobby", "after the flood").sourceNick()).isEqualTo("alice");
    }
}
