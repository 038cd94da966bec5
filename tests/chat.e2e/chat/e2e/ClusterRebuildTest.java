package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * #12: a channel's state (topic with its setter and time, modes, key, limit, the +b +q +e +I lists, member
 * prefixes) survives Redis restarted empty, on a node that has no member of the channel and set none of it, and
 * reaches a node started late; the nodes settle on one state, times included.
 */
@Tag("cluster")
class ClusterRebuildTest {

    /** The replies that show a channel's state; their last parameter is a time in the numerics of {@link #TIMED}. */
    private static final Set<String> STATE = Set.of("331", "332", "333", "324", "329", "353", "367", "728", "348", "346", "442", "482");
    /** Numerics whose last parameter is a time: topic, creation, list entries. */
    private static final Set<String> TIMED = Set.of("333", "329", "367", "728", "348", "346");

    private ClusterNodes network;

    @BeforeEach
    void start() throws IOException {
        network = ClusterNodes.start(3);
    }

    @AfterEach
    void stop() {
        if (network != null) network.close();
    }

    @Test
    void channelStateSurvivesARedisRestartAndReachesALateNode() throws IOException {
        TestClient alice = network.connect(0, "alice");
        TestClient bob = network.connect(1, "bob");
        // carol's node never has a member of #state: after the restart it knows the channel only from the others.
        TestClient carol = network.connect(2, "carol");
        alice.send("JOIN #state");
        alice.expect("366", "alice", "#state");
        bob.send("JOIN #state");
        alice.expect("JOIN", "#state");
        alice.send("TOPIC #state :plans for the weekend");
        alice.send("MODE #state +imk sesame");
        alice.send("MODE #state +l 25");
        alice.send("MODE #state +bbq bad!*@* worse!*@* hush!*@*");
        alice.send("MODE #state +eI good!*@* friend!*@*");
        alice.send("MODE #state +ov bob bob");
        alice.send("MODE #state -t");
        // +s on a channel of its own: a non-member is shown nothing of it.
        alice.send("JOIN #hidden");
        alice.send("MODE #hidden +s");
        alice.send("TOPIC #hidden :not for everyone");
        // Each node applies the log in order: what reaches bob and carol after the changes comes after them there.
        alice.send("PRIVMSG #state :done");
        bob.expect("PRIVMSG", "#state", "done");
        alice.send("PRIVMSG carol :done");
        carol.expect("PRIVMSG", "carol", "done");

        bob.send("JOIN #hidden");
        bob.expect("366", "bob", "#hidden");
        List<String> hidden = view(bob, "#hidden");
        assertThat(hidden).contains("324 #hidden +nst", "332 #hidden not for everyone");
        List<String> member = view(bob, "#state");
        List<String> outsider = view(carol, "#state");
        assertThat(member).contains("332 #state plans for the weekend", "324 #state +imnkl sesame 25")
                .anyMatch(l -> l.startsWith("333 #state alice"))
                .anyMatch(l -> l.startsWith("367 #state bad!*@*")).anyMatch(l -> l.startsWith("367 #state worse!*@*"))
                .anyMatch(l -> l.startsWith("728 #state q hush!*@*"))
                .anyMatch(l -> l.startsWith("348 #state good!*@*")).anyMatch(l -> l.startsWith("346 #state friend!*@*"))
                .anyMatch(l -> l.startsWith("353 = #state") || l.startsWith("353 @ #state"));
        assertThat(String.join("\n", member)).contains("@bob").contains("@alice");
        // A non-member sees the key hidden and may not read +e and +I: the same before and after.
        assertThat(outsider).contains("324 #state +imnkl * 25", "482 #state You're not channel operator")
                .anyMatch(l -> l.startsWith("367 #state bad!*@*"));

        network.redis().stop();
        network.redis().start();
        // carol's node rebuilds #state from the announcements of the two nodes with members.
        List<String> memberAfter = awaitView(bob, "#state", member);
        awaitView(bob, "#hidden", hidden);
        List<String> outsiderAfter = awaitView(carol, "#state", outsider);
        awaitView(alice, "#state", member);
        // One state on every node, times included: the first announcement in the log set them everywhere.
        assertThat(view(alice, "#state")).isEqualTo(memberAfter);
        assertThat(timed(outsiderAfter)).isEqualTo(timed(memberAfter));

        // A node started now learns the settled state from the others' answers before it takes clients.
        network.addNode("node4");
        TestClient late = network.connect(3, "late");
        assertThat(view(late, "#state")).isEqualTo(outsiderAfter);
        assertThat(view(late, "#hidden")).doesNotContain("332 #hidden not for everyone");
        // The settled modes and lists hold on the late node: +i, +k, +I, +b, +m.
        late.send("JOIN #state sesame");
        late.expect("473", "late", "#state");
        TestClient friend = network.connect(3, "friend");
        friend.send("JOIN #state");
        friend.expect("475", "friend", "#state");
        friend.send("JOIN #state sesame");
        friend.expect("JOIN", "#state");
        assertThat(friend.expect("332", "friend", "#state").last()).isEqualTo("plans for the weekend");
        TestClient worse = network.connect(3, "worse");
        worse.send("JOIN #state sesame");
        worse.expect("474", "worse", "#state");
        friend.send("PRIVMSG #state :may I speak?");
        friend.expect("404", "friend", "#state");
        bob.send("PRIVMSG #state :voiced on node2");
        friend.expect("PRIVMSG", "#state", "voiced on node2");
        late.send("JOIN #hidden");
        late.expect("366", "late", "#hidden");
        List<String> lateHidden = view(late, "#hidden");
        assertThat(awaitView(bob, "#hidden", lateHidden)).isEqualTo(lateHidden);
    }

    @Test
    void invitationsCrossNodesAndSurviveARedisRestartAndReachALateNode() throws IOException {
        TestClient alice = network.connect(0, "alice");
        TestClient bob = network.connect(1, "bob");
        // carol's and dave's node never has a member of #inv: after the restart it knows it only from the others.
        TestClient carol = network.connect(2, "carol");
        TestClient dave = network.connect(2, "dave");
        alice.send("JOIN #inv");
        alice.expect("366", "alice", "#inv");
        alice.send("MODE #inv +i");
        alice.expect("MODE", "#inv", "+i");
        bob.send("JOIN #inv");
        bob.expect("473", "bob", "#inv");
        // An invitation given on one node lets the invitee in from another.
        alice.send("INVITE bob #inv");
        alice.expect("341", "alice", "bob", "#inv");
        bob.expect("INVITE", "bob", "#inv");
        bob.send("JOIN #inv");
        bob.expect("366", "bob", "#inv");
        assertThat(alice.expect("JOIN", "#inv").source()).startsWith("bob!");
        alice.send("INVITE carol #inv");
        carol.expect("INVITE", "carol", "#inv");
        alice.send("INVITE dave #inv");
        dave.expect("INVITE", "dave", "#inv");

        // Pending invitations are announced with their channel when the network rebuilds.
        network.redis().stop();
        network.redis().start();
        ClusterNodes.awaitNames(carol, "#inv", "alice", "bob");
        awaitMode(carol, "#inv", 'i');
        carol.send("JOIN #inv");
        carol.expect("366", "carol", "#inv");
        assertThat(alice.expect("JOIN", "#inv").source()).startsWith("carol!");
        assertThat(bob.expect("JOIN", "#inv").source()).startsWith("carol!");

        // A node started now learns dave's pending invitation with the channel, and lets dave in as the others do.
        network.addNode("node4");
        TestClient eve = network.connect(3, "eve");
        alice.send("INVITE eve #inv");
        eve.expect("INVITE", "eve", "#inv");
        eve.send("JOIN #inv");
        eve.expect("366", "eve", "#inv");
        dave.send("JOIN #inv");
        dave.expect("366", "dave", "#inv");
        assertThat(eve.expect("JOIN", "#inv").source()).startsWith("dave!");
        ClusterNodes.awaitNames(eve, "#inv", "alice", "bob", "carol", "dave", "eve");
        ClusterNodes.awaitNames(alice, "#inv", "alice", "bob", "carol", "dave", "eve");
    }

    @Test
    void aUserKilledFromAnotherNodeIsNotAnnouncedAgainAfterARedisRestart() {
        TestClient op = network.connect(0, "op");
        Opers.operUp(op);
        TestClient victim = network.connect(1, "victim");
        TestClient bystander = network.connect(1, "bystander");
        TestClient watcher = network.connect(2, "watcher");
        for (TestClient c : List.of(op, victim, bystander, watcher)) {
            c.send("JOIN #kill");
            c.expect("366", "*", "#kill");
        }
        op.send("KILL victim :enough");
        victim.awaitClose();
        assertThat(watcher.expect("QUIT").source()).startsWith("victim!");

        network.redis().stop();
        network.redis().start();
        // A node writes a client's line only once it has announced its users to the new log: once these two lines
        // are through, node1 and node2 have announced theirs.
        op.send("PRIVMSG #kill :node1 rebuilt");
        watcher.expect("PRIVMSG", "#kill", "node1 rebuilt");
        bystander.send("PRIVMSG #kill :node2 rebuilt");
        watcher.expect("PRIVMSG", "#kill", "node2 rebuilt");
        // The victim's node forgot it when the KILL closed it there: it did not announce it with its living users.
        watcher.send("WHOIS victim");
        watcher.expect("401", "watcher", "victim");
        TestClient again = network.connect(0, "victim");
        again.send("JOIN #kill");
        again.expect("366", "victim", "#kill");
        assertThat(watcher.expect("JOIN", "#kill").source()).startsWith("victim!");
    }

    /** Asks MODE until {@code c}'s node shows {@code channel} with the flag {@code mode} (bounded). */
    private static void awaitMode(TestClient c, String channel, char mode) {
        long deadline = System.nanoTime() + ClusterNodes.SETTLE.toNanos();
        String shown;
        do {
            c.send("MODE " + channel);
            shown = c.expect("324", c.nick(), channel).param(2);
        } while (shown.indexOf(mode) < 0 && System.nanoTime() < deadline && pause());
        assertThat(shown).as(c.nick() + "'s modes of " + channel).contains(String.valueOf(mode));
    }

    private static boolean pause() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        return true;
    }

    /**
     * What {@code c} is shown of {@code channel}: TOPIC, MODE and the four lists, NAMES; each reply as its
     * parameters after the client's nick, sorted.
     */
    private static List<String> view(TestClient c, String channel) {
        c.drain();
        for (String q : List.of("TOPIC ", "MODE ", "MODE %s b", "MODE %s q", "MODE %s e", "MODE %s I", "NAMES ")) {
            c.send(q.contains("%s") ? q.formatted(channel) : q + channel);
        }
        // TOPIC and MODE go through the log like any command that may change something: their replies come when
        // it comes back, as does the 403 for a channel that exists nowhere, which marks the end.
        c.send("TOPIC #view-end");
        List<String> shown = new ArrayList<>();
        for (IrcMessage m : c.until("403", "*", "#view-end")) {
            if (!STATE.contains(m.command())) continue;
            List<String> params = new ArrayList<>(m.params().subList(1, m.params().size()));
            // Members are listed in the order each node learnt them: compare them as a set.
            if (m.command().equals("353")) params.set(2, String.join(" ", new TreeSet<>(List.of(m.last().split(" ")))));
            shown.add(m.command() + " " + String.join(" ", params));
        }
        // NAMES is answered at once and the others when they come back from the log: compare in one order.
        shown.sort(null);
        return shown;
    }

    /** Asks until {@code c}'s view of {@code channel}, times left out, is {@code expected}'s (bounded). */
    private static List<String> awaitView(TestClient c, String channel, List<String> expected) {
        long deadline = System.nanoTime() + ClusterNodes.SETTLE.toNanos();
        List<String> now = view(c, channel);
        while (!withoutTimes(now).equals(withoutTimes(expected)) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            now = view(c, channel);
        }
        assertThat(withoutTimes(now)).as(c.nick() + "'s view of " + channel).isEqualTo(withoutTimes(expected));
        return now;
    }

    /**
     * The view without its times: before the restart each node stamped a change when it applied it, so two
     * nodes' times may differ by a second; after it, every node has the first announcement's.
     */
    private static List<String> withoutTimes(List<String> view) {
        return view.stream().map(l -> TIMED.contains(l.substring(0, 3)) ? l.substring(0, l.lastIndexOf(' ')) : l).toList();
    }

    /** The lines of a view that carry a time and that members and others alike are shown (the topic is not). */
    private static List<String> timed(List<String> view) {
        return view.stream().filter(l -> l.startsWith("329") || l.startsWith("367") || l.startsWith("728")).toList();
    }
}
