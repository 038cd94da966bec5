package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #15: draft/message-redaction (IRCv3): REDACT by the sender or a channel operator, gone from history. */
@Tag("IRCv3")
class RedactTest {

    private static final String CAP = "draft/message-redaction";

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s);

    private TestClient alice;
    private TestClient bob;

    private void aliceOpsBobJoins(String... bobCaps) {
        alice = server.connectWithCaps("alice", CAP, "echo-message", "message-tags");
        alice.send("JOIN #chan");
        alice.expect("366", "alice", "#chan");
        bob = bobCaps.length == 0 ? server.connect("bob") : server.connectWithCaps("bob", bobCaps);
        bob.send("JOIN #chan");
        bob.expect("366", "bob", "#chan");
        alice.drain();
    }

    private static String say(TestClient from, String text) {
        from.send("PRIVMSG #chan :" + text);
        return from.expect("PRIVMSG", "#chan", text).tags().get("msgid");
    }

    private static List<String> fail(TestClient c) {
        return c.drain().stream().filter(m -> m.command().equals("FAIL")).findFirst().orElseThrow().params();
    }

    @Test
    void theSenderRedactsItsMessageAndItLeavesTheHistory() {
        aliceOpsBobJoins(CAP, "echo-message", "message-tags", "batch", "server-time", "draft/chathistory");
        String keep = say(alice, "stays");
        String gone = say(alice, "oops wrong channel");
        bob.expect("PRIVMSG", "#chan", "oops wrong channel");
        alice.send("REDACT #chan " + gone + " :wrong channel");
        assertThat(alice.expect("REDACT").params()).containsExactly("#chan", gone, "wrong channel");
        IrcMessage seen = bob.expect("REDACT");
        assertThat(seen.params()).containsExactly("#chan", gone, "wrong channel");
        assertThat(seen.sourceNick()).isEqualTo("alice");
        bob.send("CHATHISTORY LATEST #chan * 10");
        List<String> texts = bob.drain().stream().filter(m -> m.command().equals("PRIVMSG")).map(IrcMessage::last).toList();
        assertThat(texts).contains("stays").doesNotContain("oops wrong channel");
        assertThat(keep).isNotEqualTo(gone);
    }

    @Test
    void anOperatorRedactsOthersButAMemberOnlyItsOwn() {
        aliceOpsBobJoins(CAP, "echo-message", "message-tags");
        String bobs = say(bob, "spam spam");
        alice.send("REDACT #chan " + bobs + " :spam");
        assertThat(alice.expect("REDACT").params()).containsExactly("#chan", bobs, "spam");
        assertThat(bob.expect("REDACT").params()).containsExactly("#chan", bobs, "spam");
        String alices = say(alice, "mine");
        bob.send("REDACT #chan " + alices);
        assertThat(fail(bob)).startsWith("REDACT", "REDACT_FORBIDDEN", "#chan", alices);
        assertThat(alice.drain()).noneMatch(m -> m.command().equals("REDACT"));
    }

    @Test
    void clientsWithoutTheCapabilitySeeNothingAndBadRequestsFail() {
        aliceOpsBobJoins();
        String id = say(alice, "test message");
        bob.expect("PRIVMSG", "#chan", "test message");
        alice.send("REDACT #chan " + id);
        alice.expect("REDACT", "#chan", id);
        assertThat(bob.drain()).noneMatch(m -> m.command().equals("REDACT"));
        alice.send("REDACT #chan nosuchmsgid");
        assertThat(fail(alice)).startsWith("REDACT", "UNKNOWN_MSGID", "#chan", "nosuchmsgid");
        alice.send("REDACT #nowhere " + id);
        assertThat(fail(alice)).startsWith("REDACT", "INVALID_TARGET", "#nowhere");
        alice.send("PRIVMSG bob :private");
        String dm = alice.expect("PRIVMSG", "bob", "private").tags().get("msgid");
        alice.send("REDACT bob " + dm);
        alice.expect("REDACT", "bob", dm);
        alice.send("REDACT #chan " + dm);
        assertThat(fail(alice)).startsWith("REDACT", "UNKNOWN_MSGID", "#chan", dm);
    }
}
