package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.AbuseLimits;
import chat.server.Options;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #14: a bot's account may be exempted from flood control by configuration; everyone else is still limited. */
@Tag("bots")
class FloodExemptTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s, c -> c
            .withLimits(AbuseLimits.relaxed().withFlood(10, 20, 2048))
            .with(Options.FLOOD_EXEMPT_ACCOUNTS, List.of("RoBot")));

    private static TestClient loggedIn(ServerExtension server, String nick) {
        TestClient c = server.connect(nick);
        c.send("REGISTER * * :secret-" + nick);
        c.expect("REGISTER", "SUCCESS", nick);
        c.expect("900", nick, "*", nick);
        return c;
    }

    private static byte[] lines(String prefix, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) out.append("PRIVMSG #lobby :").append(prefix).append(' ').append(i).append("\r\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theExemptAccountIsNeverSlowedOthersAre() {
        TestClient listener = server.connect("listener");
        TestClient robot = loggedIn(server, "robot");
        TestClient human = loggedIn(server, "human");

        robot.sendRaw(lines("bot", 1000));
        for (int i = 0; i < 1000; i++) listener.expect("PRIVMSG", "#lobby", "bot " + i);
        assertThat(robot.drain()).noneMatch(m -> m.command().equals("ERROR"));

        try {
            human.sendRaw(lines("human", 1000));
        } catch (AssertionError closedWhileWriting) {
            // the server may cut the flooder off before it has written everything
        }
        IrcMessage quit = listener.expect("QUIT");
        assertThat(quit.sourceNick()).isEqualTo("human");
        assertThat(quit.last()).isEqualTo("Excess Flood");
    }
}
