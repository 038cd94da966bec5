package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * #12 and #14: a network runs one instance of each built-in bot. Every node is started with the bot; the first
 * node's bot arrives in the log first and hosts it, the others' stand by and take it over when that node goes.
 */
@Tag("cluster")
class ClusterBotsTest {

    private static final String HELP_ANSWER = "Commands here: !help, !rules, !faq [entry], !roll 2d6, !seen nick. "
            + "Moderation: /msg Guard HELP. Your client: /help.";

    private ClusterNodes network;
    private ChatNodeProcess host;

    @AfterEach
    void stop() {
        if (host != null) host.close();
        if (network != null) network.close();
    }

    @Test
    void oneHelpBotServesTheNetworkAndAnotherNodeTakesItOverWhenItsNodeGoes() throws Exception {
        network = ClusterNodes.start(3, "--bots", "help");
        TestClient bob = withTags(1, "bob");
        TestClient carol = withTags(2, "carol");
        // One bot answers, with one msgid on every node (it went through the log once).
        carol.send("PRIVMSG #lobby :!help");
        IrcMessage toBob = bob.expect("PRIVMSG", "#lobby", HELP_ANSWER);
        IrcMessage toCarol = carol.expect("PRIVMSG", "#lobby", HELP_ANSWER);
        assertThat(toBob.tags().get("msgid")).isNotNull().isEqualTo(toCarol.tags().get("msgid"));
        assertThat(carol.drain()).noneMatch(m -> m.command().equals("PRIVMSG") && m.source().startsWith("Help!"));
        // Its status on #lobby (voice: Help is no moderator) was given through the log: the same on every node.
        for (TestClient c : List.of(bob, carol)) {
            c.send("NAMES #lobby");
            assertThat(c.expect("353", c.nick(), "=", "#lobby").last().split(" ")).contains("+Help");
        }

        // Its node shuts down: Help splits with it, and a standing-by node's Help takes its place.
        network.stop(0);
        assertThat(bob.expect("QUIT").source()).startsWith("Help!");
        long deadline = System.nanoTime() + ClusterNodes.SETTLE.toNanos();
        IrcMessage back = null;
        while (back == null && System.nanoTime() < deadline) {
            IrcMessage m = bob.expectAny("JOIN");
            if (m.source().startsWith("Help!")) back = m;
        }
        assertThat(back).isNotNull();
        bob.send("PRIVMSG #lobby :!help");
        assertThat(carol.expect("PRIVMSG", "#lobby", HELP_ANSWER).source()).startsWith("Help!");
        ClusterNodes.awaitNames(carol, "#lobby", "Help", "bob", "carol");
    }

    @Test
    void rulesSetJustBeforeTheHostingNodeIsKilledAreKnownToTheNodeTakingHelpOver() throws Exception {
        network = ClusterNodes.start(1);
        // Help's first arrival in the log is on a node in its own JVM, which the test kills; node2 stands by.
        List<String> args = new ArrayList<>(List.of("--cluster", network.redis().url(), "--node-name", "doomed",
                "--bots", "help"));
        args.addAll(network.storeArgs());
        host = ChatNodeProcess.launch(args.toArray(String[]::new));
        network.addNode("node2", "--bots", "help");
        TestClient op = network.connect(0, "op");
        op.send("JOIN #rules");
        op.expect("366", "op", "#rules");
        op.send("PRIVMSG Help :RULES #rules Be kind, always.");
        op.expect("NOTICE", "op", "Rules of #rules set.");
        // At once: Help answered, so the rules are in the store; its node dies without a chance to write more.
        host.kill();
        long deadline = System.nanoTime() + ClusterNodes.SETTLE.toNanos();
        // Split after five seconds of silence, then taken over at node2's next try (every ten seconds).
        IrcMessage back = null;
        while (back == null && System.nanoTime() < deadline) {
            try {
                IrcMessage m = op.expectAny("JOIN");
                if (m.source().startsWith("Help!")) back = m;
            } catch (AssertionError quiet) {
                // nothing for TestClient.TIMEOUT: wait on, within the deadline
            }
        }
        assertThat(back).as("Help back on node2").isNotNull();
        op.send("PRIVMSG Help :RULES #rules");
        op.expect("NOTICE", "op", "Rules of #rules: Be kind, always.");
    }

    private TestClient withTags(int node, String nick) {
        TestClient c = network.open(node);
        c.send("CAP REQ :message-tags");
        c.send("CAP END");
        c.register(nick);
        return c;
    }
}
