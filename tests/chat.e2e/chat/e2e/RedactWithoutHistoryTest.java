package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #15, #17: REDACT on a server with no store, checked against the messages the server remembers. */
@Tag("IRCv3")
class RedactWithoutHistoryTest {

    private static final String CAP = "draft/message-redaction";

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private static List<String> fail(TestClient c) {
        return c.drain().stream().filter(m -> m.command().equals("FAIL")).findFirst().orElseThrow().params();
    }

    @Test
    void aPrivateMessageIsRedactedByItsSenderOnlyAndOnlyBetweenItsParties() {
        TestClient alice = server.connectWithCaps("alice", CAP, "echo-message", "message-tags");
        TestClient bob = server.connectWithCaps("bob", CAP, "message-tags");
        server.connect("carol");
        alice.send("PRIVMSG bob :sent to the wrong person");
        String dm = alice.expect("PRIVMSG", "bob", "sent to the wrong person").tags().get("msgid");
        bob.expect("PRIVMSG", "bob", "sent to the wrong person");

        bob.send("REDACT alice " + dm);
        assertThat(fail(bob)).startsWith("REDACT", "REDACT_FORBIDDEN", "alice", dm);
        alice.send("REDACT carol " + dm);
        assertThat(fail(alice)).startsWith("REDACT", "UNKNOWN_MSGID", "carol", dm);

        alice.send("REDACT BOB " + dm + " :oops");
        assertThat(alice.expect("REDACT").params()).containsExactly("BOB", dm, "oops");
        assertThat(bob.expect("REDACT").params()).containsExactly("BOB", dm, "oops");
        alice.send("REDACT bob " + dm);
        assertThat(fail(alice)).startsWith("REDACT", "UNKNOWN_MSGID", "bob", dm);
    }

    @Test
    void aChannelMessageIsFoundUnderAnotherSpellingOfItsChannelButNotInAnother() {
        TestClient alice = server.connectWithCaps("alice", CAP, "echo-message", "message-tags");
        alice.send("JOIN #Chan");
        alice.expect("366", "alice", "#Chan");
        alice.send("JOIN #other");
        alice.expect("366", "alice", "#other");
        alice.send("PRIVMSG #Chan :hello");
        String id = alice.expect("PRIVMSG", "#Chan", "hello").tags().get("msgid");

        alice.send("REDACT #other " + id);
        assertThat(fail(alice)).startsWith("REDACT", "UNKNOWN_MSGID", "#other", id);
        alice.send("REDACT #CHAN " + id);
        assertThat(alice.expect("REDACT").params()).containsExactly("#CHAN", id);
    }
}
