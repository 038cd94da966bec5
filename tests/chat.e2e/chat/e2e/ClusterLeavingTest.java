package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * #12: a client that closes while lines of its own are still on their way through the log. Its node reads the
 * close long before those lines come back: whatever they do, the client must leave every node, and every node
 * must apply them alike.
 */
@Tag("cluster")
class ClusterLeavingTest {

    private static final int LEAVERS = 10;

    private ClusterNodes network;
    private TestClient first;
    private TestClient second;

    @BeforeEach
    void start() throws Exception {
        network = ClusterNodes.start(2);
        first = network.connect(0, "watcher0");
        second = network.connect(1, "watcher1");
    }

    @AfterEach
    void stop() {
        if (network != null) network.close();
    }

    @Test
    void aJoinStillInTheLogWhenItsClientClosedLeavesNoGhostOnItsNode() {
        for (int i = 0; i < LEAVERS; i++) {
            TestClient leaver = network.connect(0, "leaver" + i);
            // Rejoining #lobby and creating a channel: both come back from the log after the close.
            leaver.send("PART #lobby\r\nJOIN #lobby,#left" + i);
            leaver.close();
        }
        List<List<String>> views = ClusterNodes.settledViews(first, second);
        assertThat(views.get(0)).as("the leavers' node").noneMatch(row -> row.contains("leaver") || row.contains("#left"));
        assertThat(views.get(1)).as("the other node").isEqualTo(views.get(0));
    }

    @Test
    void aTopicStillInTheLogWhenItsClientClosedIsSetOnEveryNode() {
        for (int i = 0; i < LEAVERS; i++) {
            TestClient leaver = network.connect(0, "leaver" + i);
            String channel = "#kept" + i;
            leaver.send("JOIN " + channel);
            leaver.expect("366", "leaver" + i, channel);
            first.send("JOIN " + channel);
            second.send("JOIN " + channel);
            ClusterNodes.awaitNames(first, channel, "leaver" + i, "watcher0", "watcher1");
            ClusterNodes.awaitNames(second, channel, "leaver" + i, "watcher0", "watcher1");
            leaver.send("TOPIC " + channel + " :last words of leaver" + i);
            leaver.close();
            // Each node tells its members of the QUIT where it takes the leaver out: the topic was settled by then.
            first.expect("QUIT");
            second.expect("QUIT");
            assertThat(topic(first, channel)).as("the leaver's node").isEqualTo(topic(second, channel));
        }
    }

    /** The topic of {@code channel} as {@code c}'s node has it, or "" for none. */
    private static String topic(TestClient c, String channel) {
        c.send("TOPIC " + channel);
        IrcMessage m = c.expectAny("332", "331");
        return m.command().equals("332") ? m.last() : "";
    }
}
