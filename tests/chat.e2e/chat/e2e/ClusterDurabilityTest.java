package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * #12: nothing acknowledged is lost and nothing is doubled when a node's connections to Redis break mid-traffic
 * after Redis appended entries whose confirmation the node never read (its writer sends them again).
 */
@Tag("cluster")
class ClusterDurabilityTest {

    private static final int SENDERS = 3;
    private static final int LINES = 400;
    /** The pace of each sender: fast enough to keep entries on the way through every cut. */
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** How long a cut may wait for an entry to be appended unconfirmed. */
    private static final Duration CUT_WAIT = Duration.ofSeconds(5);

    private ClusterNodes network;
    private CuttingProxy proxy;

    @AfterEach
    void stop() {
        if (network != null) network.close();
        if (proxy != null) proxy.close();
    }

    @Test
    void aWriterCutOffMidTrafficLosesNothingAndDoublesNothing() throws Exception {
        network = ClusterNodes.start(0);
        proxy = CuttingProxy.to(network.redis().port());
        // The senders' node reaches Redis through the proxy; the others directly.
        network.addNodeVia(proxy.url(), "node1");
        network.addNode("node2");
        network.addNode("node3");
        List<TestClient> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            TestClient s = network.open(0);
            s.send("CAP REQ :echo-message");
            s.send("CAP END");
            senders.add(s.register("s" + i));
        }
        List<TestClient> members = new ArrayList<>(senders);
        for (int n = 0; n < 3; n++) members.add(network.connect(n, "r" + n));
        for (TestClient c : members) {
            c.send("JOIN #d");
            c.expect("366", c.nick(), "#d");
        }
        for (TestClient c : members) ClusterNodes.awaitNames(c, "#d", members.stream().map(TestClient::nick).toArray(String[]::new));

        // Each sender paces its lines; the first breaks the node's connections twice on its way.
        List<Integer> swallowed = new CopyOnWriteArrayList<>();
        List<Thread> sending = new ArrayList<>();
        for (TestClient s : senders) {
            boolean cutter = s == senders.getFirst();
            sending.add(Thread.ofVirtual().name("sender-" + s.nick()).start(() -> {
                for (int i = 0; i < LINES; i++) {
                    if (cutter && (i == LINES / 4 || i == LINES / 2)) swallowed.add(proxy.cut(CUT_WAIT));
                    s.send("PRIVMSG #d :" + s.nick() + "-" + i);
                    LockSupport.parkNanos(PACE_NANOS);
                }
            }));
        }
        for (Thread t : sending) assertThat(t.join(Duration.ofSeconds(60))).isTrue();
        // Each cut left entries in the log that the node had not seen confirmed: they were sent again.
        assertThat(swallowed).hasSize(2).allMatch(n -> n > 0);

        // Every member, on every node (the senders by echo-message), got every line once, each sender's in order;
        // the members that only listen, all in one order (a sender's echo waits for the history's commit).
        List<String> first = null;
        for (TestClient c : members) {
            List<String> got = transcript(c);
            for (TestClient s : senders) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < LINES; i++) expected.add(s.nick() + "-" + i);
                assertThat(got.stream().filter(t -> t.startsWith(s.nick() + "-")).toList())
                        .as("%s's lines as %s received them", s.nick(), c.nick()).isEqualTo(expected);
            }
            if (senders.contains(c)) continue;
            if (first == null) first = got;
            else assertThat(got).as("the channel's order for %s", c.nick()).isEqualTo(first);
        }
    }

    /** The texts on #d that {@code c} receives until the last line of every sender, and up to a PING after it. */
    private static List<String> transcript(TestClient c) {
        List<String> texts = new ArrayList<>();
        int lastSeen = 0;
        while (lastSeen < SENDERS) {
            IrcMessage m = c.next();
            if (!m.command().equals("PRIVMSG") || !m.param(0).equals("#d")) continue;
            texts.add(m.last());
            if (m.last().endsWith("-" + (LINES - 1))) lastSeen++;
        }
        for (IrcMessage m : c.drain()) if (m.command().equals("PRIVMSG") && m.param(0).equals("#d")) texts.add(m.last());
        return texts;
    }
}
