package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * #12: nothing acknowledged is lost and nothing is doubled when a node's connections to Redis break mid-traffic
 * after Redis appended entries whose confirmation the node never read (its writer sends them again), also when
 * Redis restarts empty meanwhile.
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
    // s0..s2 with echo-message and r0 on node1 (behind the proxy), r1 on node2, r2 on node3, all on #d
    private final List<TestClient> senders = new ArrayList<>();
    private final List<TestClient> members = new ArrayList<>();

    @AfterEach
    void stop() {
        if (network != null) network.close();
        if (proxy != null) proxy.close();
    }

    @Test
    void aWriterCutOffMidTrafficLosesNothingAndDoublesNothing() throws Exception {
        start();
        List<Integer> swallowed = new CopyOnWriteArrayList<>();
        // The first sender breaks the node's connections twice on its way.
        send(i -> {
            if (i == LINES / 4 || i == LINES / 2) swallowed.add(proxy.cut(CUT_WAIT));
        });
        // Each cut left entries in the log that the node had not seen confirmed: they were sent again.
        assertThat(swallowed).hasSize(2).allMatch(n -> n > 0);

        // Every member, on every node (the senders by echo-message), got every line once, each sender's in order;
        // the members that only listen, all in one order (a sender's echo waits for the history's commit).
        List<String> first = null;
        for (TestClient c : members) {
            List<String> got = transcript(c);
            for (TestClient s : senders) {
                assertThat(linesOf(s, got)).as("%s's lines as %s received them", s.nick(), c.nick()).isEqualTo(allLinesOf(s));
            }
            if (senders.contains(c)) continue;
            if (first == null) first = got;
            else assertThat(got).as("the channel's order for %s", c.nick()).isEqualTo(first);
        }
    }

    @Test
    void redisRestartedEmptyWhileEntriesAwaitConfirmationEachIsAppliedOnceEverywhere() throws Exception {
        start("--cluster-cutoff", "30");
        List<Integer> swallowed = new CopyOnWriteArrayList<>();
        send(i -> {
            if (i != LINES / 4) return;
            // Entries are appended and applied by node2 and node3 while node1 never reads their confirmation;
            // then Redis restarts empty, and node1's writer sends them again to the new log.
            swallowed.add(proxy.swallow(CUT_WAIT));
            awaitAppliedByOthers();
            network.redis().stop();
            network.redis().start();
        });
        assertThat(swallowed).hasSize(1).allMatch(n -> n > 0);

        // node2's and node3's members applied from the old log what node1 had confirmed, and the rest from the new:
        // every line once, in order, the same order for both.
        List<String> onNode2 = transcript(members.get(SENDERS + 1));
        List<String> onNode3 = transcript(members.get(SENDERS + 2));
        for (TestClient s : senders) {
            assertThat(linesOf(s, onNode2)).as("%s's lines on node2", s.nick()).isEqualTo(allLinesOf(s));
            assertThat(linesOf(s, onNode3)).as("%s's lines on node3", s.nick()).isEqualTo(allLinesOf(s));
        }
        assertThat(onNode3).isEqualTo(onNode2);
        // node1 read neither what Redis confirmed to its writer just before the cut nor its own lines in flight
        // from the old log: its members may miss the former (never acknowledged: no echo), never get one twice.
        for (TestClient c : List.of(members.get(0), members.get(1), members.get(2), members.get(SENDERS))) {
            List<String> got = transcript(c);
            assertThat(new HashSet<>(got)).as("lines %s got once each", c.nick()).hasSameSizeAs(got);
            for (TestClient s : senders) {
                List<String> lines = linesOf(s, got);
                assertThat(lines).as("%s's lines on node1 for %s, in order", s.nick(), c.nick()).isSortedAccordingTo(
                        (a, b) -> Integer.compare(number(a), number(b)));
            }
        }
    }

    /** Three nodes, the first behind the proxy; three senders and a listener there, a listener on each other. */
    private void start(String... node1Args) throws Exception {
        network = ClusterNodes.start(0);
        proxy = CuttingProxy.to(network.redis().port());
        network.addNodeVia(proxy.url(), "node1", node1Args);
        network.addNode("node2");
        network.addNode("node3");
        for (int i = 0; i < SENDERS; i++) {
            TestClient s = network.open(0);
            s.send("CAP REQ :echo-message");
            s.send("CAP END");
            senders.add(s.register("s" + i));
        }
        members.addAll(senders);
        for (int n = 0; n < 3; n++) members.add(network.connect(n, "r" + n));
        for (TestClient c : members) {
            c.send("JOIN #d");
            c.expect("366", c.nick(), "#d");
        }
        String[] nicks = members.stream().map(TestClient::nick).toArray(String[]::new);
        for (TestClient c : members) ClusterNodes.awaitNames(c, "#d", nicks);
    }

    /** Each sender sends {@link #LINES} lines, paced, on a thread of its own; the first runs {@code fault} before each. */
    private void send(IntConsumer fault) throws InterruptedException {
        List<Thread> sending = new ArrayList<>();
        for (TestClient s : senders) {
            boolean faulty = s == senders.getFirst();
            sending.add(Thread.ofVirtual().name("sender-" + s.nick()).start(() -> {
                for (int i = 0; i < LINES; i++) {
                    if (faulty) fault.accept(i);
                    s.send("PRIVMSG #d :" + s.nick() + "-" + i);
                    LockSupport.parkNanos(PACE_NANOS);
                }
            }));
        }
        for (Thread t : sending) assertThat(t.join(Duration.ofSeconds(90))).isTrue();
    }

    /**
     * Waits until node2 and node3 have applied the log up to its last entry now (their readers write down what
     * they applied with each heartbeat).
     */
    @SuppressWarnings("unchecked")
    private void awaitAppliedByOthers() {
        RedisServer redis = network.redis();
        List<Object> newest = (List<Object>) redis.call("XREVRANGE", "chat:log", "+", "-", "COUNT", "1");
        String last = (String) ((List<Object>) newest.getFirst()).getFirst();
        long deadline = System.nanoTime() + ClusterNodes.SETTLE.toNanos();
        for (String node : List.of("node2", "node3")) {
            while (!reached((String) redis.call("HGET", "chat:applied", node), last)) {
                assertThat(System.nanoTime()).as("%s applied the log up to %s", node, last).isLessThan(deadline);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    /** Whether stream id {@code applied} is at or past {@code wanted}. */
    private static boolean reached(String applied, String wanted) {
        if (applied == null) return false;
        String[] a = applied.split("-");
        String[] w = wanted.split("-");
        int byTime = Long.compare(Long.parseLong(a[0]), Long.parseLong(w[0]));
        return byTime > 0 || byTime == 0 && Long.parseLong(a[1]) >= Long.parseLong(w[1]);
    }

    private static List<String> allLinesOf(TestClient sender) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) lines.add(sender.nick() + "-" + i);
        return lines;
    }

    private static List<String> linesOf(TestClient sender, List<String> texts) {
        return texts.stream().filter(t -> t.startsWith(sender.nick() + "-")).toList();
    }

    private static int number(String line) {
        return Integer.parseInt(line.substring(line.indexOf('-') + 1));
    }

    /** The texts on #d that {@code c} receives until the last line of every sender, and up to a PING after it. */
    private static List<String> transcript(TestClient c) {
        List<String> texts = new ArrayList<>();
        Set<String> lastLines = new HashSet<>();
        while (lastLines.size() < SENDERS) {
            IrcMessage m = c.next();
            if (!m.command().equals("PRIVMSG") || !m.param(0).equals("#d")) continue;
            texts.add(m.last());
            if (number(m.last()) == LINES - 1) lastLines.add(m.last());
        }
        for (IrcMessage m : c.drain()) if (m.command().equals("PRIVMSG") && m.param(0).equals("#d")) texts.add(m.last());
        return texts;
    }
}
