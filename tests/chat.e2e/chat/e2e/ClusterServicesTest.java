package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * #12: NickServ on a network. DROP runs once, on the client's node (one drop in the shared store), and the
 * logouts it causes reach the logged-out clients' own nodes; REGAIN and GHOST act on users of other nodes the
 * same way on every node, however they are sent.
 */
@Tag("cluster")
class ClusterServicesTest {

    private ClusterNodes network;

    @AfterEach
    void stop() {
        if (network != null) network.close();
    }

    @Test
    void dropRunsOnceAndLogsEveryClientOfTheAccountOutOnItsOwnNode() throws Exception {
        network = ClusterNodes.start(3);
        TestClient alice = network.connect(0, "alice");
        TestClient bob = withAccountNotify(1, "bob");
        TestClient dave = network.connect(2, "dave");
        joinAll("#drop", alice, bob, dave);
        alice.send("PRIVMSG NickServ :REGISTER dropped-secret");
        alice.expect("900", "alice");
        assertThat(bob.expect("ACCOUNT", "alice").source()).startsWith("alice!");
        dave.send("NS IDENTIFY alice dropped-secret");
        dave.expect("900", "dave");
        assertThat(bob.expect("ACCOUNT", "alice").source()).startsWith("dave!");
        bob.drain();
        alice.drain();

        alice.send("PRIVMSG NickServ :DROP");
        // Run by every node, the drop succeeded on one of them only: its client could be told it failed.
        alice.expect("901", "alice");
        assertThat(alice.expect("NOTICE", "alice").last()).startsWith("Account alice was dropped.");
        // dave, logged in on another node, is told there; a third node shows both logged out.
        dave.expect("901", "dave");
        List<IrcMessage> logouts = List.of(bob.expect("ACCOUNT", "*"), bob.expect("ACCOUNT", "*"));
        assertThat(logouts).extracting(m -> m.source().split("!")[0]).containsExactlyInAnyOrder("alice", "dave");
        for (String nick : List.of("alice", "dave")) {
            bob.send("WHOIS " + nick);
            List<IrcMessage> whois = bob.until("318", "bob", nick);
            assertThat(whois).noneMatch(m -> m.command().equals("330"));
        }
        bob.send("PRIVMSG NickServ :INFO alice");
        assertThat(bob.expect("NOTICE", "bob").last()).isEqualTo("No account is registered as alice.");
    }

    @Test
    void regainAndGhostActOnAUserOfAnotherNodeAlikeOnEveryNode() throws Exception {
        network = ClusterNodes.start(3);
        TestClient owner = network.connect(0, "ann");
        TestClient holder = network.connect(1, "holder");
        TestClient watcher = network.connect(2, "watcher");
        joinAll("#regain", owner, holder, watcher);
        registerAndStepAside(owner, "ann", "regain-secret", watcher);
        holder.send("NICK ann");
        watcher.expect("NICK", "ann");
        holder.expect("NICK", "ann");

        // REGAIN: the holder gets one guest nickname, the same on its node and on a third.
        owner.send("PRIVMSG NickServ :REGAIN");
        String guest = holder.expect("NICK").last();
        assertThat(guest).startsWith("Guest");
        assertThat(watcher.expect("NICK", guest).source()).startsWith("ann!");
        assertThat(watcher.expect("NICK", "ann").source()).startsWith("ann_!");
        owner.expect("NICK", "ann");
        watcher.send("WHOIS " + guest);
        watcher.expect("311", "watcher", guest);
        watcher.until("318", "watcher", guest);
        // WHOIS is answered by the holder's own node: only once the owner's NICK has come through the log there.
        assertThat(holder.expect("NICK", "ann").source()).startsWith("ann_!");
        holder.send("WHOIS ann");
        holder.expect("311", guest, "ann");

        // GHOST as NS (which ran on the owner's node only): the holder on another node is disconnected there and
        // leaves every node's view.
        owner.send("NICK ann_");
        watcher.expect("NICK", "ann_");
        holder.send("NICK ann");
        watcher.expect("NICK", "ann");
        owner.send("NS GHOST ann");
        assertThat(owner.expect("NOTICE", "ann_").last()).isEqualTo("ann has been disconnected.");
        holder.awaitClose();
        assertThat(watcher.expect("QUIT").last()).contains("GHOST command used by ann_");
        watcher.send("WHOIS ann");
        watcher.expect("401", "watcher", "ann");
        owner.send("NICK ann");
        owner.expect("NICK", "ann");
        watcher.expect("NICK", "ann");
    }

    @Test
    void anUnclaimedNicknameIsRenamedOnceForTheWholeNetwork() throws Exception {
        network = ClusterNodes.start(3, "--nick-claim-timeout", "2");
        TestClient owner = network.connect(0, "otto");
        TestClient holder = network.connect(1, "holder");
        TestClient watcher = network.connect(2, "watcher");
        joinAll("#claim", owner, holder, watcher);
        registerAndStepAside(owner, "otto", "claimed-secret", watcher);
        holder.send("NICK otto");
        holder.expect("NICK", "otto");
        assertThat(holder.expect("NOTICE", "otto").last()).startsWith("This nickname is registered.");
        // Two seconds later the holder's own node renames it, once, through the log: every node shows one guest.
        String guest = holder.expect("NICK").last();
        assertThat(guest).startsWith("Guest");
        watcher.expect("NICK", "otto");
        assertThat(watcher.expect("NICK").last()).isEqualTo(guest);
        owner.expect("NICK", guest);
        watcher.send("WHOIS " + guest);
        watcher.expect("311", "watcher", guest);
        owner.send("NICK otto");
        watcher.expect("NICK", "otto");
    }

    private static void joinAll(String channel, TestClient... clients) {
        for (TestClient c : clients) {
            c.send("JOIN " + channel);
            c.expect("366", "*", channel);
        }
    }

    /** The owner registers its nickname as an account and moves to another, which {@code watcher} sees. */
    private static void registerAndStepAside(TestClient owner, String nick, String password, TestClient watcher) {
        owner.send("PRIVMSG NickServ :REGISTER " + password);
        owner.expect("900", nick);
        owner.send("NICK " + nick + "_");
        watcher.expect("NICK", nick + "_");
    }

    private TestClient withAccountNotify(int node, String nick) {
        TestClient c = network.open(node);
        c.send("CAP REQ :account-notify");
        c.send("CAP END");
        c.register(nick);
        return c;
    }
}
