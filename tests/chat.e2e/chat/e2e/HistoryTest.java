package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stored history: draft/chathistory with its subcommands, limits and privacy; acknowledgment after commit; restarts. */
@Tag("IRCv3")
class HistoryTest {

    static final String[] CAPS = {"server-time", "message-tags", "batch", "echo-message", "draft/chathistory"};

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s);

    /** Sends {@code n} lines to {@code target}, each after the echo of the one before; their msgids. */
    static List<String> say(TestClient c, String target, String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            c.send("PRIVMSG " + target + " :" + prefix + i);
            ids.add(c.expect("PRIVMSG", target, prefix + i).tags().get("msgid"));
        }
        return ids;
    }

    /** Sends a CHATHISTORY request; the texts of the batch it returns (checking that every line has time and msgid). */
    static List<String> history(TestClient c, String request) {
        c.send(request);
        List<IrcMessage> got = c.drain();
        IrcMessage start = got.stream().filter(m -> m.command().equals("BATCH") && m.param(0).startsWith("+")).findFirst()
                .orElseThrow(() -> new AssertionError("no batch for " + request + ": " + got));
        assertThat(start.param(1)).isEqualTo("chathistory");
        String ref = start.param(0).substring(1);
        List<String> texts = new ArrayList<>();
        for (IrcMessage m : got) {
            if (!ref.equals(m.tags().get("batch"))) continue;
            assertThat(m.tags()).containsKeys("time", "msgid");
            texts.add(m.last());
        }
        assertThat(got).anyMatch(m -> m.command().equals("BATCH") && m.param(0).equals("-" + ref));
        return texts;
    }

    @Test
    void everySubcommandReturnsTheRightWindow() {
        TestClient alice = server.connectWithCaps("alice", CAPS);
        List<String> ids = say(alice, "#lobby", "m", 10);
        assertThat(history(alice, "CHATHISTORY LATEST #lobby * 3")).containsExactly("m8", "m9", "m10");
        assertThat(history(alice, "CHATHISTORY LATEST #lobby msgid=" + ids.get(7) + " 10")).containsExactly("m9", "m10");
        assertThat(history(alice, "CHATHISTORY BEFORE #lobby msgid=" + ids.get(4) + " 2")).containsExactly("m3", "m4");
        assertThat(history(alice, "CHATHISTORY AFTER #lobby msgid=" + ids.get(4) + " 2")).containsExactly("m6", "m7");
        assertThat(history(alice, "CHATHISTORY AROUND #lobby msgid=" + ids.get(4) + " 4")).containsExactly("m3", "m4", "m5", "m6");
        assertThat(history(alice, "CHATHISTORY BETWEEN #lobby msgid=" + ids.get(1) + " msgid=" + ids.get(5) + " 10"))
                .containsExactly("m3", "m4", "m5");
        assertThat(history(alice, "CHATHISTORY BETWEEN #lobby msgid=" + ids.get(5) + " msgid=" + ids.get(1) + " 2"))
                .containsExactly("m4", "m5");
        assertThat(history(alice, "CHATHISTORY BETWEEN #lobby timestamp=2000-01-01T00:00:00.000Z timestamp=2999-01-01T00:00:00.000Z 3"))
                .containsExactly("m1", "m2", "m3");
        assertThat(history(alice, "CHATHISTORY BEFORE #lobby timestamp=2000-01-01T00:00:00.000Z 10")).isEmpty();
        assertThat(history(alice, "CHATHISTORY AFTER #lobby msgid=unknown 10")).isEmpty();
    }

    @Test
    void limitsAndMalformedRequestsAreRefused() {
        TestClient alice = server.connectWithCaps("alice", CAPS);
        for (int i = 0; i < 105; i++) alice.send("PRIVMSG #lobby :n" + i);
        alice.expect("PRIVMSG", "#lobby", "n104");
        assertThat(history(alice, "CHATHISTORY LATEST #lobby * 1000")).hasSize(100).endsWith("n104");
        alice.send("CHATHISTORY LATEST #lobby * 0");
        alice.expect("FAIL", "CHATHISTORY", "INVALID_PARAMS", "LATEST");
        alice.send("CHATHISTORY LATEST #lobby * -5");
        alice.expect("FAIL", "CHATHISTORY", "INVALID_PARAMS", "LATEST");
        alice.send("CHATHISTORY BEFORE #lobby yesterday 5");
        alice.expect("FAIL", "CHATHISTORY", "INVALID_PARAMS", "BEFORE");
        alice.send("CHATHISTORY BEFORE #lobby timestamp=notatime 5");
        alice.expect("FAIL", "CHATHISTORY", "INVALID_PARAMS", "BEFORE");
        alice.send("CHATHISTORY BETWEEN #lobby * 5");
        alice.expect("FAIL", "CHATHISTORY", "NEED_MORE_PARAMS", "BETWEEN");
        alice.send("CHATHISTORY FROB #lobby * 5");
        alice.expect("FAIL", "CHATHISTORY", "UNKNOWN_COMMAND", "FROB");
        alice.send("CHATHISTORY LATEST #nowhere * 5");
        alice.expect("FAIL", "CHATHISTORY", "INVALID_TARGET", "LATEST", "#nowhere");
    }

    @Test
    void isupportAdvertisesTheLimit() {
        TestClient c = server.open();
        c.send("NICK isup");
        c.send("USER isup 0 * :I");
        c.expect("001", "isup");
        List<String> tokens = new ArrayList<>();
        for (IrcMessage m : c.drain()) {
            if (m.command().equals("005")) tokens.addAll(m.params());
        }
        assertThat(tokens).contains("CHATHISTORY=100", "MSGREFTYPES=timestamp,msgid");
    }

    @Test
    void channelHistoryIsForMembersOnly() {
        TestClient alice = server.connectWithCaps("alice", CAPS);
        alice.send("JOIN #secret");
        alice.expect("366", "alice", "#secret");
        say(alice, "#secret", "hush", 2);
        TestClient eve = server.connectWithCaps("eve", CAPS);
        eve.send("CHATHISTORY LATEST #secret * 10");
        eve.expect("FAIL", "CHATHISTORY", "INVALID_TARGET", "LATEST", "#secret");
        eve.send("JOIN #secret");
        eve.expect("366", "eve", "#secret");
        assertThat(history(eve, "CHATHISTORY LATEST #secret * 10")).containsExactly("hush1", "hush2");
    }

    @Test
    void privateHistoryIsOnlyForItsTwoLoggedInParties() {
        AccountTest.registerAccount(server, "alice", "alice-secret");
        AccountTest.registerAccount(server, "bob", "bob-secret0");
        AccountTest.registerAccount(server, "carol", "carol-secret");
        TestClient alice = AccountTest.saslClient(server, "alice", "alice-secret", CAPS);
        TestClient bob = AccountTest.saslClient(server, "bob", "bob-secret0", CAPS);
        TestClient carol = AccountTest.saslClient(server, "carol", "carol-secret", CAPS);
        say(alice, "bob", "to bob ", 2);
        say(bob, "alice", "to alice ", 1);
        say(carol, "bob", "carol to bob ", 1);
        assertThat(history(alice, "CHATHISTORY LATEST bob * 10")).containsExactly("to bob 1", "to bob 2", "to alice 1");
        assertThat(history(bob, "CHATHISTORY LATEST alice * 10")).containsExactly("to bob 1", "to bob 2", "to alice 1");
        assertThat(history(carol, "CHATHISTORY LATEST alice * 10")).isEmpty();
        assertThat(history(carol, "CHATHISTORY LATEST bob * 10")).containsExactly("carol to bob 1");
        TestClient guest = server.connectWithCaps("guest", CAPS);
        guest.send("CHATHISTORY LATEST bob * 10");
        guest.expect("FAIL", "CHATHISTORY", "INVALID_TARGET", "LATEST", "bob");

        bob.send("CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp=2999-01-01T00:00:00.000Z 10");
        List<IrcMessage> got = bob.drain();
        assertThat(got).filteredOn(m -> m.command().equals("CHATHISTORY")).extracting(m -> m.param(1))
                .containsExactly("alice", "carol");
        assertThat(got).anyMatch(m -> m.command().equals("BATCH") && "draft/chathistory-targets".equals(m.param(1)));
    }

    @Test
    void theEchoArrivesOnlyOnceTheMessageIsStored() {
        TestClient alice = server.connectWithCaps("alice", "server-time", "message-tags", "batch", "echo-message",
                "labeled-response");
        TestClient reader = server.connectWithCaps("reader", CAPS);
        for (int i = 0; i < 20; i++) {
            alice.send("@label=l" + i + " PRIVMSG #lobby :acked " + i);
            IrcMessage echo = alice.expect("PRIVMSG", "#lobby", "acked " + i);
            assertThat(history(reader, "CHATHISTORY LATEST #lobby * 1")).containsExactly("acked " + i);
            assertThat(echo.tags()).containsEntry("label", "l" + i);
        }
    }

    @Test
    void historySurvivesARestart() {
        TestClient alice = server.connectWithCaps("alice", CAPS);
        say(alice, "#lobby", "before restart ", 3);
        server.restart();
        TestClient again = server.connectWithCaps("alice", CAPS);
        assertThat(history(again, "CHATHISTORY LATEST #lobby * 10"))
                .containsExactly("before restart 1", "before restart 2", "before restart 3");
    }

    @Test
    void reactionsAreKeptButTypingNotificationsAreNot() {
        TestClient alice = server.connectWithCaps("alice", CAPS);
        List<String> ids = say(alice, "#lobby", "react to me ", 1);
        alice.send("@+typing=active TAGMSG #lobby");
        alice.send("@+draft/react=👍;+draft/reply=" + ids.get(0) + " TAGMSG #lobby");
        alice.expect("TAGMSG", "#lobby");
        alice.expect("TAGMSG", "#lobby");
        alice.send("CHATHISTORY LATEST #lobby * 10");
        List<IrcMessage> got = alice.drain();
        assertThat(got).filteredOn(m -> m.command().equals("TAGMSG")).singleElement()
                .satisfies(m -> assertThat(m.tags()).containsEntry("+draft/react", "👍"));
    }
}
