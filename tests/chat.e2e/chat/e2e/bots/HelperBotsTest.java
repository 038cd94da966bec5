package chat.e2e.bots;

import static org.assertj.core.api.Assertions.assertThat;

import chat.e2e.ServerExtension;
import chat.e2e.TestClient;
import chat.protocol.IrcMessage;
import chat.server.BotConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Help and Fun over real sockets, and bots that throw or block costing nobody else anything. */
@Tag("bots")
class HelperBotsTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withBots(BotConfig.all()
            .withEnabled(Set.of("help", "fun", "thrower", "sleeper")).with("Help", "faq.tls", "Use port 6697.")));

    @Test
    void helpGreetsAndAnswers() {
        // Help greets on alice's JOIN, so its NOTICE may come before the names that end her registration.
        TestClient alice = server.open();
        alice.send("NICK alice");
        alice.send("USER alice 0 * :Test alice");
        IrcMessage greeting = alice.until("366", "alice", "#lobby", "*").stream()
                .filter(m -> m.command().equals("NOTICE") && "alice".equals(m.param(0))).findFirst()
                .orElseGet(() -> alice.expect("NOTICE", "alice"));
        assertThat(greeting.source()).startsWith("Help!");
        assertThat(greeting.last()).contains("Welcome to #lobby, alice");
        alice.send("PRIVMSG #lobby :!faq tls");
        assertThat(alice.expect("PRIVMSG", "#lobby").last()).isEqualTo("Use port 6697.");
        alice.send("NAMES #lobby");
        assertThat(alice.expect("353", "alice", "=", "#lobby").last().split(" ")).contains("+Help", "+Fun");
    }

    @Test
    void funRollsDice() {
        TestClient alice = server.connect("alice");
        alice.send("PRIVMSG #lobby :!roll 2d6");
        IrcMessage roll = alice.expect("PRIVMSG", "#lobby");
        assertThat(roll.source()).startsWith("Fun!");
        assertThat(roll.last()).matches("alice rolls 2d6: ([2-9]|1[0-2]) \\([1-6] \\+ [1-6]\\)");
        assertThat(roll.tags()).doesNotContainKey("bot"); // alice did not ask for message-tags
    }

    @Test
    void aBotThatThrowsOrBlocksCostsOthersNothing() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("NAMES #lobby");
        assertThat(alice.expect("353", "alice", "=", "#lobby").last().split(" ")).contains("+Thrower", "+Sleeper");
        for (int i = 0; i < 3000; i++) alice.send("PRIVMSG #lobby :message " + i);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3000; i++) got.add(bob.expect("PRIVMSG", "#lobby").last());
        assertThat(got).first().isEqualTo("message 0");
        assertThat(got).last().isEqualTo("message 2999");
        assertThat(got).doesNotHaveDuplicates().hasSize(3000);
        bob.send("PRIVMSG alice :still here");
        alice.expect("PRIVMSG", "alice", "still here");
    }
}
