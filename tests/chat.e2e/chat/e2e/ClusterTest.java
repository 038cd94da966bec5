package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** #12: chat nodes in one network over a real Redis: users of every node see each other as on one server. */
@Tag("cluster")
class ClusterTest {

    private ClusterNodes network;

    @BeforeEach
    void start() throws Exception {
        network = ClusterNodes.start(3);
    }

    @AfterEach
    void stop() {
        if (network != null) network.close();
    }

    @Test
    void channelAndPrivateMessagesCrossNodes() {
        TestClient alice = network.connect(0, "alice");
        TestClient bob = network.connect(1, "bob");
        TestClient carol = network.connect(2, "carol");
        bob.send("JOIN #net");
        bob.expect("366", "bob", "#net");
        alice.send("JOIN #net");
        IrcMessage names = alice.expect("353", "alice", "*", "#net");
        assertThat(names.last()).contains("bob").contains("alice");
        bob.expect("JOIN", "#net");
        carol.send("JOIN #net");
        alice.expect("JOIN", "#net");
        alice.send("PRIVMSG #net :hello from node1");
        assertThat(bob.expect("PRIVMSG", "#net").last()).isEqualTo("hello from node1");
        assertThat(carol.expect("PRIVMSG", "#net").last()).isEqualTo("hello from node1");
        carol.send("PRIVMSG bob :psst");
        IrcMessage direct = bob.expect("PRIVMSG", "bob");
        assertThat(direct.source()).startsWith("carol!");
        assertThat(direct.last()).isEqualTo("psst");
        bob.send("NICK robert");
        assertThat(alice.expect("NICK", "robert").source()).startsWith("bob!");
        alice.send("WHOIS robert");
        alice.expect("311", "alice", "robert");
        // The server line names robert's own node, as LINKS names it.
        assertThat(alice.expect("312", "alice", "robert").param(2)).isEqualTo("node2");
    }

    @Test
    void historyIsStoredOnceAndReadFromAnyNodeWithTheMsgidsSeenLive() {
        String[] caps = {"echo-message", "draft/chathistory", "batch", "server-time", "message-tags"};
        TestClient anne = network.open(0);
        anne.send("CAP REQ :" + String.join(" ", caps));
        anne.send("CAP END");
        anne.register("anne");
        TestClient bert = network.open(1);
        bert.send("CAP REQ :" + String.join(" ", caps));
        bert.send("CAP END");
        bert.register("bert");
        TestClient cleo = network.open(2);
        cleo.send("CAP REQ :" + String.join(" ", caps));
        cleo.send("CAP END");
        cleo.register("cleo");
        for (TestClient c : List.of(anne, bert, cleo)) {
            c.send("JOIN #hist");
            c.expect("366", "*", "#hist");
        }
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            anne.send("PRIVMSG #hist :a" + i);
            String id = anne.expect("PRIVMSG", "#hist", "a" + i).tags().get("msgid");
            assertThat(cleo.expect("PRIVMSG", "#hist", "a" + i).tags().get("msgid")).isEqualTo(id);
            bert.send("PRIVMSG #hist :b" + i);
            String other = bert.expect("PRIVMSG", "#hist", "b" + i).tags().get("msgid");
            assertThat(cleo.expect("PRIVMSG", "#hist", "b" + i).tags().get("msgid")).isEqualTo(other);
            live.add("a" + i);
            live.add("b" + i);
        }
        cleo.drain();
        assertThat(HistoryTest.history(cleo, "CHATHISTORY LATEST #hist * 50")).containsExactlyElementsOf(live);
    }

    @Test
    void aRaceForOneNicknameHasOneWinnerPerPair() throws Exception {
        int pairs = 100;
        List<CompletableFuture<Integer>> winners = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            TestClient a = network.open(0);
            TestClient b = network.open(1);
            String nick = "racer" + i;
            for (TestClient c : List.of(a, b)) {
                c.send("NICK " + nick);
                c.send("USER r 0 * :racer");
            }
            winners.add(CompletableFuture.supplyAsync(() -> outcome(a, nick) + outcome(b, nick)));
        }
        for (CompletableFuture<Integer> w : winners) assertThat(w.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void modesBansKickAndKillReachEveryNode() {
        TestClient op = network.connect(0, "op");
        Opers.operUp(op);
        TestClient user = network.connect(1, "user");
        TestClient watcher = network.connect(2, "watcher");
        op.send("JOIN #mod");
        op.expect("366", "op", "#mod");
        user.send("JOIN #mod");
        op.expect("JOIN", "#mod");
        watcher.send("JOIN #mod");
        user.expect("JOIN", "#mod");
        // The op's node has seen the watcher join before the MODE, so the MODE comes after it in the log.
        op.expect("JOIN", "#mod");
        op.send("MODE #mod +v user");
        assertThat(watcher.expect("MODE", "#mod", "+v", "user").source()).startsWith("op!");
        op.send("KICK #mod user :out");
        user.expect("KICK", "#mod", "user", "out");
        watcher.expect("KICK", "#mod", "user", "out");
        op.send("MODE #mod +b user!*@*");
        watcher.expect("MODE", "#mod", "+b", "user!*@*");
        user.send("JOIN #mod");
        user.expect("474", "user", "#mod");
        op.send("TOPIC #mod :one network");
        watcher.expect("TOPIC", "#mod", "one network");
        op.send("LUSERS");
        assertThat(op.expect("251", "op").last()).contains("3 users").contains("3 servers");
        assertThat(op.expect("255", "op").last()).isEqualTo("I have 1 clients and 2 servers");
        op.send("LINKS");
        assertThat(op.expect("364", "op", "node1", "node1").last()).startsWith("0 ");
        assertThat(op.expect("364", "op", "node2", "node1").last()).startsWith("1 ");
        op.expect("364", "op", "node3");
        op.expect("365", "op");
        op.send("KILL user :enough");
        assertThat(user.awaitClose()).anyMatch(m -> m.command().equals("ERROR"));
        assertThat(watcher.expect("QUIT").source()).startsWith("user!");
        network.connect(2, "user");
    }

    @Test
    void operRunsOnItsOwnNodeOnlyTheOthersSeeTheOperatorAndThePasswordStaysOffTheLog() throws Exception {
        try (RedisMonitor monitor = RedisMonitor.open(network.redis().port())) {
            TestClient op = network.connect(0, "op");
            TestClient watcher = network.connect(2, "watcher");
            // Wrong passwords are counted and answered where they were typed: nothing of them enters the log.
            op.send("OPER admin not-the-password");
            op.expect("464", "op");
            Opers.operUp(op);
            // The grant is in the log before anything the operator sends next: once this line is seen, it is applied.
            op.send("PRIVMSG #lobby :opered");
            watcher.expect("PRIVMSG", "#lobby", "opered");
            watcher.send("WHOIS op");
            watcher.expect("313", "watcher", "op");
            // Its operator commands are then obeyed on every node, after the grant in the log.
            TestClient user = network.connect(1, "user");
            ClusterNodes.awaitNames(watcher, "#lobby", "op", "user", "watcher");
            op.send("KILL user :enough");
            assertThat(user.awaitClose()).anyMatch(m -> m.command().equals("ERROR"));
            assertThat(watcher.expect("QUIT").sourceNick()).isEqualTo("user");
            List<String> commands = monitor.awaitMatches(line -> line.contains("\"OPERATOR\""), 1);
            assertThat(commands).noneMatch(l -> l.contains(Opers.PASSWORD) || l.contains("not-the-password"));
        }
    }

    @Test
    void linesSentWithTheRegistrationWaitForTheArrivalAndRunAfterTheWelcome() {
        TestClient watcher = network.connect(1, "watcher");
        watcher.send("JOIN #burst");
        watcher.expect("366", "watcher", "#burst");
        // As bots and scripts do: everything in one write, without waiting for 001.
        TestClient eager = network.open(0);
        eager.send("NICK eager\r\nUSER eager 0 * :eager\r\nJOIN #burst\r\nPRIVMSG #burst :first words\r\nPING :done");
        eager.expect("001", "eager");
        // The PONG may come before the JOIN: a command run on the client's own node does not wait for the
        // replies to one that went through the log (docs/cluster.md).
        Set<String> answered = new HashSet<>();
        while (answered.size() < 2) {
            IrcMessage m = eager.next();
            if (m.command().equals("JOIN") && m.params().getFirst().equals("#burst")) answered.add("JOIN");
            if (m.command().equals("PONG") && m.last().equals("done")) answered.add("PONG");
        }
        assertThat(watcher.expect("PRIVMSG", "#burst").last()).isEqualTo("first words");
    }

    @Test
    void aClientGoneBeforeItsArrivalCameBackLeavesNoGhostOnTheOtherNodes() {
        TestClient watcher = network.connect(1, "watcher");
        for (int i = 0; i < 30; i++) {
            TestClient hasty = network.open(0);
            hasty.send("NICK hasty" + i);
            hasty.send("USER hasty 0 * :gone at once");
            hasty.close();
        }
        // A node learns of a close when it reads the end of the stream, which a newer client's registration may
        // overtake: no ghost may be left once every departure has gone through the log, asked until then.
        TestClient marker = network.connect(0, "marker");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            marker.send("PRIVMSG #lobby :after them");
            watcher.expect("PRIVMSG", "#lobby", "after them");
            watcher.send("NAMES #lobby");
            String names = watcher.expect("353", "watcher", "=", "#lobby").last();
            watcher.until("366", "watcher", "#lobby");
            if (!names.contains("hasty")) break;
            assertThat(System.nanoTime()).as("ghosts left after 10 s: %s", names).isLessThan(deadline);
        }
        watcher.send("LUSERS");
        assertThat(watcher.expect("251", "watcher").last()).contains("2 users");
    }

    @Test
    void kLinesAndDLinesFromAnOperatorOnOneNodeHoldOnEveryNode() {
        TestClient op = Opers.operUp(network.connect(0, "op"));
        TestClient victim = network.connect(1, "victim");
        TestClient watcher = network.connect(2, "watcher");
        for (TestClient c : List.of(op, victim, watcher)) {
            c.send("JOIN #bans");
            c.expect("366", "*", "#bans");
        }
        op.send("KLINE ~victim@127.0.0.1 :spamming");
        op.expect("NOTICE", "op", "Added permanent K-line on ~victim@127.0.0.1: spamming");
        assertThat(victim.awaitClose()).anyMatch(m -> m.command().equals("ERROR") && m.last().equals("Banned (spamming)"));
        assertThat(watcher.expect("QUIT", "Banned (spamming)").sourceNick()).isEqualTo("victim");
        // Refused at registration on a node other than the operator's.
        TestClient again = network.open(2);
        again.send("NICK victim");
        again.send("USER victim 0 * :again");
        assertThat(again.awaitClose()).anyMatch(m -> m.command().equals("465"));

        TestClient far = network.openFrom(1, "127.0.0.7");
        far.register("far");
        far.send("JOIN #bans");
        watcher.expect("JOIN", "#bans");
        op.send("DLINE 127.0.0.7 :go away");
        op.expect("NOTICE", "op");
        assertThat(far.awaitClose()).anyMatch(m -> m.command().equals("ERROR"));
        assertThat(watcher.expect("QUIT").sourceNick()).isEqualTo("far");
        TestClient refused = network.openFrom(2, "127.0.0.7");
        assertThat(refused.awaitClose()).anyMatch(m -> m.command().equals("ERROR") && m.last().contains("go away"));
    }

    @Test
    void aNodeShutDownTellsItsClientsAndTheOtherNodesSeeItsUsersLeave() {
        TestClient alice = network.connect(2, "alice");
        TestClient amy = network.connect(2, "amy");
        TestClient bob = network.connect(0, "bob");
        ClusterNodes.awaitNames(bob, "#lobby", "alice", "amy", "bob");
        alice.drain();
        amy.drain();
        network.stop(2);
        for (TestClient gone : List.of(alice, amy)) {
            List<IrcMessage> lines = gone.awaitClose();
            assertThat(lines).anyMatch(m -> m.command().equals("ERROR") && m.last().equals("Server shutting down"));
            assertThat(lines).noneMatch(m -> m.command().equals("QUIT"));
        }
        Set<String> quits = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            IrcMessage quit = bob.expect("QUIT");
            assertThat(quit.last()).isEqualTo("Server shutting down");
            quits.add(quit.sourceNick());
        }
        assertThat(quits).containsExactlyInAnyOrder("alice", "amy");
        network.connect(1, "alice");
    }

    @Test
    void aNodeKilledWithSigkillSplitsAndFreesItsNicks() {
        try (ChatNodeProcess doomed = ChatNodeProcess.launch("--cluster", network.redis().url(), "--node-name", "doomed")) {
            TestClient stays = network.connect(0, "stays");
            TestClient next = network.connect(1, "next");
            TestClient gone;
            try {
                gone = new TestClient("127.0.0.1", doomed.port());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            gone.register("goner");
            gone.send("JOIN #split");
            gone.expect("366", "goner", "#split");
            stays.send("JOIN #split");
            stays.expect("366", "stays", "#split");
            next.send("JOIN #split");
            next.expect("366", "next", "#split");
            long killedAt = System.nanoTime();
            doomed.kill();
            gone.close();
            IrcMessage quit = stays.expect("QUIT");
            // #12: the others show a dead node's users leaving within 10 s.
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(java.time.Duration.ofSeconds(10));
            assertThat(quit.source()).startsWith("goner!");
            assertThat(quit.last()).isEqualTo("*.net *.split");
            // Each node applies the split when its own reader reaches it in the log: node 1 frees the nick then.
            assertThat(next.expect("QUIT").source()).startsWith("goner!");
            network.connect(1, "goner");
        }
    }

    @Test
    void aThirtyMemberChannelOverThreeNodesSeesFiveSendersInOneOrder() throws Exception {
        int members = 30;
        int senders = 5;
        int lines = 20;
        List<TestClient> all = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            TestClient c = network.connect(i % 3, "m" + i);
            c.send("JOIN #big");
            c.expect("366", "m" + i, "#big");
            all.add(c);
        }
        // Each JOIN was applied on its member's node (366) before any message was sent: it is earlier in the log.
        List<CompletableFuture<Void>> sending = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            TestClient sender = all.get(s);
            int id = s;
            sending.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; n < lines; n++) sender.send("PRIVMSG #big :s" + id + " " + n);
            }));
        }
        for (CompletableFuture<Void> f : sending) f.get(60, TimeUnit.SECONDS);
        List<String> reference = null;
        for (int i = 0; i < members; i++) {
            List<String> seen = new ArrayList<>();
            int expected = i < senders ? (senders - 1) * lines : senders * lines;
            while (seen.size() < expected) seen.add(all.get(i).expect("PRIVMSG", "#big").last());
            for (int s = 0; s < senders; s++) {
                String prefix = "s" + s + " ";
                List<String> mine = seen.stream().filter(t -> t.startsWith(prefix)).toList();
                if (s == i) continue;
                assertThat(mine).as("m" + i + " sees sender " + s + " in order")
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, lines).mapToObj(n -> prefix + n).toList());
            }
            List<String> others = seen.stream().filter(t -> !t.startsWith("s0 ") && !t.startsWith("s1 ")
                    && !t.startsWith("s2 ") && !t.startsWith("s3 ") && !t.startsWith("s4 ")).toList();
            assertThat(others).isEmpty();
            if (i >= senders) {
                if (reference == null) reference = seen;
                else assertThat(seen).as("m" + i + " sees the channel in the same order as m" + senders).isEqualTo(reference);
            }
        }
    }

    @Test
    void aLateNodeLearnsTheNetworkBeforeItTakesClients() throws Exception {
        TestClient alice = network.connect(0, "alice");
        alice.send("JOIN #early");
        alice.expect("366", "alice", "#early");
        alice.send("AWAY :lunch");
        alice.expect("306", "alice");
        network.addNode("node4");
        TestClient late = network.connect(3, "late");
        late.send("WHOIS alice");
        late.expect("301", "late", "alice", "lunch");
        late.send("NAMES #early");
        assertThat(late.expect("353", "late", "*", "#early").last()).contains("alice");
        late.send("JOIN #early");
        alice.expect("JOIN", "#early");
        alice.send("PRIVMSG #early :welcome");
        late.expect("PRIVMSG", "#early", "welcome");
        late.send("NICK alice");
        late.expect("433", "late", "alice");
    }

    @Test
    void aLoginOnOneNodeIsSeenOnEveryNodeAndItsPasswordStaysOffTheLog() throws Exception {
        try (RedisMonitor monitor = RedisMonitor.open(network.redis().port())) {
            TestClient alice = network.connect(0, "alice");
            TestClient bob = network.open(1);
            bob.send("CAP REQ :account-notify");
            bob.send("CAP END");
            bob.register("bob");
            TestClient dave = network.connect(2, "dave");
            for (TestClient c : List.of(alice, bob, dave)) {
                c.send("JOIN #acc");
                c.expect("366", "*", "#acc");
            }
            bob.drain();
            alice.send("PRIVMSG NickServ :REGISTER hunter2-secret");
            alice.expect("900", "alice");
            assertThat(bob.expect("ACCOUNT", "alice").source()).startsWith("alice!");
            dave.send("PRIVMSG NickServ :IDENTIFY alice hunter2-secret");
            dave.expect("900", "dave");
            assertThat(bob.expect("ACCOUNT", "alice").source()).startsWith("dave!");
            // WHOIS on a third node knows both logins.
            TestClient carol = network.connect(1, "carol");
            carol.send("WHOIS alice");
            carol.expect("330", "carol", "alice", "alice");
            carol.send("WHOIS dave");
            carol.expect("330", "carol", "dave", "alice");
            // Every command Redis ran, the logins' ACCOUNT entries among them: no password.
            List<String> commands = monitor.awaitMatches(line -> line.contains("\"ACCOUNT\""), 2);
            assertThat(commands).noneMatch(l -> l.contains("hunter2"));
        }
    }

    /** 1 if the client got the welcome, 0 if it was told the nick is in use. */
    private static int outcome(TestClient c, String nick) {
        IrcMessage m = c.expectAny("001", "433");
        return m.command().equals("001") ? 1 : 0;
    }
}
