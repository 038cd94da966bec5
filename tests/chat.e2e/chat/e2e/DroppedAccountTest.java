package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #10 (1): a name registered again after its account was dropped inherited the old account's private history
 * and channels. Dropping now deletes them (and says so), and registering a name removes anything an earlier
 * account of that name left behind.
 */
@Tag("security")
class DroppedAccountTest {

    private static final String[] CAPS = {"echo-message", "server-time", "message-tags", "batch", "draft/chathistory"};

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s);

    /** A client with the history capabilities that registers (and logs in to) the account {@code nick}. */
    private TestClient registered(String nick) {
        TestClient c = server.connectWithCaps(nick, CAPS);
        c.send("REGISTER * * :" + nick + "-password");
        c.expect("900", nick, "*", nick);
        return c;
    }

    private static List<String> privateHistory(TestClient c, String with) {
        return HistoryTest.history(c, "CHATHISTORY LATEST " + with + " * 100");
    }

    @Test
    void aNewBobGetsNeitherTheOldBobsConversationsNorHisChannels() {
        TestClient alice = registered("alice");
        TestClient bob = registered("bob");
        alice.send("PRIVMSG bob :our secret plan");
        alice.expect("PRIVMSG", "bob", "our secret plan");
        bob.send("PRIVMSG alice :agreed, tell nobody");
        bob.expect("PRIVMSG", "alice", "agreed, tell nobody");
        bob.send("JOIN #bobs");
        bob.expect("JOIN", "#bobs");
        bob.send("TOPIC #bobs :bob's own channel");
        bob.expect("TOPIC", "#bobs");
        bob.send("MODE #bobs +sk hidden");
        bob.expect("MODE", "#bobs");
        assertThat(privateHistory(alice, "bob")).containsExactly("our secret plan", "agreed, tell nobody");

        bob.send("PRIVMSG NickServ :DROP");
        List<IrcMessage> dropped = bob.until("NOTICE", "bob", "*");
        assertThat(dropped.getLast().last()).isEqualTo("Account bob was dropped. Deleted with it: its private "
                + "conversations (2 messages, for both parties) and the channels it registered (#bobs).");
        bob.send("QUIT");
        bob.awaitClose();
        assertThat(privateHistory(alice, "bob")).isEmpty();

        TestClient mallory = registered("bob");
        assertThat(privateHistory(mallory, "alice")).isEmpty();
        mallory.send("CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp=2100-01-01T00:00:00.000Z 100");
        assertThat(mallory.drain()).noneMatch(m -> m.command().equals("CHATHISTORY"));

        server.restart();
        TestClient newcomer = server.connect("newcomer");
        newcomer.send("JOIN #bobs");
        newcomer.expect("JOIN", "#bobs");
        List<IrcMessage> joined = newcomer.drain();
        assertThat(joined).noneMatch(m -> m.command().equals("332"));
        newcomer.send("MODE #bobs");
        assertThat(newcomer.expect("324", "newcomer", "#bobs").params()).doesNotContain("+sk", "+ksn", "hidden");
    }

    @Test
    void whatADropLeftBehindIsRemovedWhenTheNameIsRegisteredAgain() throws Exception {
        TestClient alice = registered("alice");
        // what a crash in the middle of a drop would leave: bob's account gone, his conversation still stored
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + server.dataDirectory().resolve("chat.db"));
             Statement s = db.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.executeUpdate("INSERT INTO messages (msgid, time_ms, conversation, source, account, command, target, text, tags) "
                    + "VALUES ('left1', " + System.currentTimeMillis() + ", 'dm:~alice ~bob', 'bob!~bob@h', 'bob', "
                    + "'PRIVMSG', 'alice', 'left behind', '')");
            s.executeUpdate("INSERT INTO parties (party, conversation) VALUES ('~bob', 'dm:~alice ~bob'), "
                    + "('~alice', 'dm:~alice ~bob')");
        }
        TestClient mallory = registered("bob");
        assertThat(privateHistory(mallory, "alice")).isEmpty();
        assertThat(privateHistory(alice, "bob")).isEmpty();
    }
}
