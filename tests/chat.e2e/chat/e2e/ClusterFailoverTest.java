package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * #12: a network under faults, with real Redis, PostgreSQL and HAProxy: Redis restarted mid-traffic, a node
 * SIGKILLed behind HAProxy (its clients come back through the balancer and catch up from the shared history),
 * and HAProxy spreading 300 clients over three nodes.
 */
@Tag("cluster")
class ClusterFailoverTest {

    private static final Duration SETTLE = ClusterNodes.SETTLE;
    private static final String[] CAPS = {"echo-message", "draft/chathistory", "batch", "server-time", "message-tags"};

    private ClusterNodes network;
    private Haproxy haproxy;
    private ChatNodeProcess doomed;

    @AfterEach
    void stop() {
        if (haproxy != null) haproxy.close();
        if (doomed != null) doomed.close();
        if (network != null) network.close();
    }

    @Test
    void redisRestartedEmptyMidTrafficTheNodesRebuildOneNetwork() {
        network = start(3);
        TestClient alice = network.connect(0, "alice");
        TestClient bob = network.connect(1, "bob");
        TestClient carol = network.connect(2, "carol");
        for (TestClient c : List.of(alice, bob, carol)) {
            c.send("JOIN #r");
            c.expect("366", "*", "#r");
        }
        for (int i = 0; i < 20; i++) alice.send("PRIVMSG #r :before " + i);
        carol.expect("PRIVMSG", "#r", "before 19");
        network.redis().stop();
        // Traffic while Redis is down: these lines wait in bob's node and may be lost with the old log.
        for (int i = 0; i < 5; i++) bob.send("PRIVMSG #r :during " + i);
        network.redis().start();
        // Each node forgets the others' users and announces its own again: wait until every node sees all three.
        for (TestClient c : List.of(alice, bob, carol)) ClusterNodes.awaitNames(c, "#r", "alice", "bob", "carol");
        bob.send("PRIVMSG #r :after");
        alice.expect("PRIVMSG", "#r", "after");
        carol.expect("PRIVMSG", "#r", "after");
        carol.send("PRIVMSG alice :direct");
        alice.expect("PRIVMSG", "alice", "direct");
        // Nicknames are unique again across the rebuilt network.
        TestClient impostor = network.open(2);
        impostor.send("NICK alice");
        impostor.send("USER x 0 * :x");
        impostor.expect("433", "*", "alice");
        // Heartbeats are back within a beat or two: LUSERS counts the three nodes again.
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String counted;
        do {
            alice.send("LUSERS");
            counted = alice.expect("251", "alice").last();
            alice.expect("266", "alice");
        } while (!counted.contains("on 3 servers") && System.nanoTime() < deadline
                && pause());
        assertThat(counted).contains("on 3 servers");
    }

    @Test
    void haproxySpreadsThreeHundredClientsOverTheNodes() {
        network = start(3, "--proxy-from", "127.0.0.1/32");
        haproxy = Haproxy.launch(List.of(network.node(0).port(), network.node(1).port(), network.node(2).port()));
        int clients = 300;
        List<TestClient> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            TestClient c = network.track(throughProxy());
            c.send("NICK c" + i);
            c.send("USER c 0 * :client " + i);
            all.add(c);
        }
        for (int i = 0; i < clients; i++) all.get(i).expect("001", "c" + i, "*");
        // HAProxy's health checks (every CHECK_INTERVAL_MILLIS) are connections too, open for an instant: count
        // when none is (bounded wait), so that a check in flight is not taken for a client.
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        while (connections() != clients && System.nanoTime() < deadline) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        int total = 0;
        for (int n = 0; n < 3; n++) {
            int here = network.node(n).connectionCount();
            // leastconn: each node takes about a third; none is left out or takes nearly all.
            assertThat(here).as("clients on node %d", n + 1).isBetween(clients / 6, clients / 2);
            total += here;
        }
        assertThat(total).isEqualTo(clients);
        all.get(0).drain();
        all.get(0).send("LUSERS");
        assertThat(all.get(0).expect("266", "c0").param(1)).isEqualTo(Integer.toString(clients));
        // Every client's identity went through the proxy: WHOIS on any node shows the client's own address.
        all.get(1).send("WHOIS c299");
        assertThat(all.get(1).expect("311", "c1", "c299").param(3)).isEqualTo("127.0.0.1");
    }

    private int connections() {
        int total = 0;
        for (int n = 0; n < 3; n++) total += network.node(n).connectionCount();
        return total;
    }

    @Test
    void aSigkilledNodesClientsReconnectThroughHaproxyAndCatchUpWithChathistory() {
        network = start(2, "--proxy-from", "127.0.0.1/32");
        List<String> args = new ArrayList<>(List.of("--cluster", network.redis().url(), "--node-name", "doomed",
                "--proxy-from", "127.0.0.1/32"));
        args.addAll(network.storeArgs());
        doomed = ChatNodeProcess.launch(args.toArray(String[]::new));
        haproxy = Haproxy.launch(List.of(network.node(0).port(), network.node(1).port(), doomed.port()));
        // From another address: 127.0.0.1 is the balancer's, whose connections must start with a PROXY header.
        TestClient sender = network.openFrom(0, "127.0.0.2");
        sender.send("CAP REQ :" + String.join(" ", CAPS));
        sender.send("CAP END");
        sender.register("sender");
        sender.send("JOIN #fail");
        sender.expect("366", "sender", "#fail");
        TestClient watcher = network.openFrom(1, "127.0.0.3").register("watcher");
        watcher.send("JOIN #fail");
        watcher.expect("366", "watcher", "#fail");
        // Six clients through the balancer: leastconn puts some on the doomed node.
        List<TestClient> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestClient c = network.track(throughProxy()).register("r" + i);
            c.send("JOIN #fail");
            c.expect("366", "r" + i, "#fail");
            members.add(c);
        }
        int lines = 40;
        List<String> acknowledged = new ArrayList<>();
        long killedAt = 0;
        for (int i = 0; i < lines; i++) {
            if (i == lines / 2) {
                killedAt = System.nanoTime();
                doomed.kill();
            }
            sender.send("PRIVMSG #fail :m" + i);
            sender.expect("PRIVMSG", "#fail", "m" + i); // the echo: stored and in the log
            acknowledged.add("m" + i);
        }
        // The dead node's users leave every other node within 10 s (QUIT :*.net *.split); its clients were cut.
        List<String> split = new ArrayList<>();
        IrcMessage first = watcher.expect("QUIT");
        assertThat(first.last()).isEqualTo("*.net *.split");
        split.add(first.sourceNick());
        List<TestClient> cut = new ArrayList<>();
        Map<TestClient, List<String>> kept = new LinkedHashMap<>();
        for (TestClient c : members) {
            List<String> received = receivedSoFar(c);
            if (received == null) cut.add(c);
            else kept.put(c, received);
        }
        assertThat(cut).as("clients that were on the killed node").isNotEmpty();
        while (split.size() < cut.size()) {
            IrcMessage quit = watcher.expect("QUIT");
            assertThat(quit.last()).isEqualTo("*.net *.split");
            split.add(quit.sourceNick());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(10));
        assertThat(split).containsExactlyInAnyOrderElementsOf(cut.stream().map(TestClient::nick).toList());
        // They come back through HAProxy (to a live node), under their own nicks, and catch up from history.
        for (TestClient old : cut) {
            TestClient back = reconnect(old.nick());
            back.send("JOIN #fail");
            back.expect("366", old.nick(), "#fail");
            back.drain();
            List<String> history = HistoryTest.history(back, "CHATHISTORY LATEST #fail * 100");
            assertThat(history).containsAll(acknowledged);
        }
        // The others missed nothing either.
        for (Map.Entry<TestClient, List<String>> e : kept.entrySet()) {
            List<String> received = e.getValue();
            for (String m : acknowledged) if (!received.contains(m)) e.getKey().expect("PRIVMSG", "#fail", m);
        }
    }

    /** A short pause between two polls; always true. */
    private static boolean pause() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        return true;
    }

    private static ClusterNodes start(int nodes, String... args) {
        try {
            return ClusterNodes.start(nodes, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestClient throughProxy() {
        try {
            return new TestClient("127.0.0.1", haproxy.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The channel texts {@code c} received so far, or null when it no longer answers a PING (a client of the
     * killed node was closed by the balancer).
     */
    private static List<String> receivedSoFar(TestClient c) {
        try {
            List<String> texts = new ArrayList<>();
            for (IrcMessage m : c.drain()) if (m.command().equals("PRIVMSG")) texts.add(m.last());
            return texts;
        } catch (AssertionError e) {
            return null;
        }
    }

    /**
     * Connects through HAProxy until a live node welcomes {@code nick} with the capabilities of a catching-up
     * client: the balancer may still try the dead node, and the nick is free only once the split was applied.
     */
    private TestClient reconnect(String nick) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            TestClient c = network.track(throughProxy());
            try {
                c.send("CAP REQ :" + String.join(" ", CAPS));
                c.send("CAP END");
                return c.register(nick);
            } catch (AssertionError e) {
                last = e;
                c.close();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
        throw new AssertionError("could not reconnect " + nick + " through HAProxy within " + SETTLE, last);
    }
}
