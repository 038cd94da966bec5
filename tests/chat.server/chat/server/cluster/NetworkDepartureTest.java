package chat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.cluster.MemoryLog.Client;
import chat.server.cluster.MemoryLog.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #12: a client whose connection closes while entries of its own are in the log, its node reading the close
 * before they come back. Whatever the order, the client leaves every node, and every node applies its entries
 * alike (the two nodes' views are compared through a watcher on each, as their clients see them).
 */
class NetworkDepartureTest {

    private MemoryLog log;
    private Node first;
    private Node second;
    private Client watcherFirst;
    private Client watcherSecond;

    @BeforeEach
    void start() throws InterruptedException {
        log = new MemoryLog();
        first = log.node("first");
        second = log.node("second");
        watcherFirst = first.connect("watcher1");
        watcherSecond = second.connect("watcher2");
    }

    @AfterEach
    void stop() {
        log.close();
    }

    @Test
    void aJoinStillInTheLogWhenItsClientClosedLeavesNoGhostOnItsNode() {
        Client leaver = first.connect("leaver");

        leaver.send("PART #lobby");
        leaver.send("JOIN #lobby,#left");
        leaver.close("Connection closed");
        log.catchUp();

        assertThat(view(watcherFirst)).as("the leaver's node").isEmpty();
        assertThat(view(watcherSecond)).as("the other node").isEmpty();
        assertThat(first.find("leaver")).isNull();
        assertThat(second.find("leaver")).isNull();
    }

    @Test
    void aTopicStillInTheLogWhenItsClientClosedIsSetOnEveryNode() {
        Client leaver = first.connect("leaver");
        leaver.send("JOIN #kept");
        log.catchUp();
        watcherFirst.send("JOIN #kept");
        watcherSecond.send("JOIN #kept");
        log.catchUp();

        leaver.send("TOPIC #kept :last words");
        leaver.close("Connection closed");
        log.catchUp();

        assertThat(topic(watcherFirst, "#kept")).isEqualTo("last words").isEqualTo(topic(watcherSecond, "#kept"));
        assertThat(view(watcherFirst)).isEqualTo(view(watcherSecond));
    }

    @Test
    void aClosedClientsNicknameIsFreedAtOnePlaceInTheLog() {
        Client leaver = first.connect("taken");
        Client other = second.connect("other");

        // Another node's NICK is in the log before the departure: the nick is still held there, on every node.
        other.send("NICK taken");
        leaver.close("Connection closed");
        log.catchUp();

        assertThat(first.find("other")).as("the leaver's node").isNotNull();
        assertThat(second.find("other")).as("the renamer's node").isNotNull();
        assertThat(first.find("taken")).isNull();
        assertThat(second.find("taken")).isNull();
    }

    @Test
    void anArrivalPublishedAfterItsClientClosedDepartsToo() {
        Client hasty = first.open();
        hasty.send("NICK hasty");
        // Closed by another thread (the registration timeout, a failed write) while its reader still handles USER.
        hasty.close("Registration timed out");
        hasty.send("USER hasty 0 * :Real hasty");
        log.catchUp();

        assertThat(first.find("hasty")).isNull();
        assertThat(second.find("hasty")).as("the other node").isNull();
        assertThat(view(watcherSecond)).isEmpty();
    }

    @Test
    void aClientClosedWhileItsArrivalIsInTheLogLeavesNoGhost() {
        Client hasty = first.open();
        hasty.send("NICK hasty");
        hasty.send("USER hasty 0 * :Real hasty");
        hasty.close("Connection closed");
        log.catchUp();

        assertThat(first.find("hasty")).isNull();
        assertThat(second.find("hasty")).as("the other node").isNull();
        assertThat(view(watcherFirst)).isEmpty();
        assertThat(view(watcherSecond)).isEmpty();
    }

    @Test
    void aClientWhoseDepartureWasInALostLogLeavesItsNode() {
        Client leaver = first.connect("leaver");
        leaver.close("Connection closed");

        first.onReader(l -> l.logLost());

        assertThat(first.find("leaver")).isNull();
        assertThat(view(watcherFirst)).isEmpty();
    }

    @Test
    void aClientKilledFromAnotherNodeLeavesEveryNodeAtTheKill() {
        first.connect("victim");
        Client op = second.connect("op");
        second.registry.settings().oper(op.link.user(), null);
        second.dispatcher.replication().operatorGranted(op.link.user());
        log.catchUp();

        op.send("KILL victim :enough");
        log.catchUp();

        assertThat(first.find("victim")).isNull();
        assertThat(second.find("victim")).isNull();
        assertThat(view(watcherFirst)).isEqualTo(view(watcherSecond)).noneMatch(row -> row.contains("victim"));
    }

    /** The topic of {@code channel} as {@code watcher}'s node has it, or "" for none. */
    private String topic(Client watcher, String channel) {
        watcher.take();
        watcher.send("TOPIC " + channel); // through the log, as TOPIC may set the topic
        log.catchUp();
        for (IrcMessage m : watcher.take()) if (m.command().equals("332")) return m.last();
        return "";
    }

    /** What a node shows of the network: WHO of #lobby and the channel list, watchers and #lobby left out. */
    private static List<String> view(Client watcher) {
        List<String> seen = new ArrayList<>();
        List<IrcMessage> answers = new ArrayList<>(watcher.ask("WHO #lobby"));
        answers.addAll(watcher.ask("LIST"));
        for (IrcMessage m : answers) {
            if (!m.command().equals("352") && !m.command().equals("322")) continue;
            String row = String.join(" ", m.params().subList(1, m.params().size()));
            boolean lobby = m.command().equals("322") && row.startsWith("#lobby ");
            if (!row.contains("watcher") && !lobby) seen.add(m.command() + " " + row);
        }
        seen.sort(null);
        return seen;
    }
}
