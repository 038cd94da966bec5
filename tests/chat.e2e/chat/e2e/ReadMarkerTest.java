package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #15: draft/read-marker (IRCv3): MARKREAD, per session without an account, per account in the store. */
@Tag("IRCv3")
class ReadMarkerTest {

    private static final String CAP = "draft/read-marker";

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s);

    private static IrcMessage markread(TestClient c) {
        List<IrcMessage> got = c.drain().stream().filter(m -> m.command().equals("MARKREAD")).toList();
        assertThat(got).hasSize(1);
        return got.get(0);
    }

    private static List<String> fail(TestClient c) {
        return c.drain().stream().filter(m -> m.command().equals("FAIL")).findFirst().orElseThrow().params();
    }

    /** A client logged in to {@code account} with SASL PLAIN, registered as {@code nick}. */
    private TestClient login(String account, String nick) {
        TestClient c = server.open();
        c.send("CAP LS 302");
        c.expect("CAP", "*", "LS");
        c.send("CAP REQ :sasl " + CAP);
        c.expect("CAP", "*", "ACK");
        Sasl.loginPlain(c, account, "sesame sesame");
        c.expect("903", "*");
        c.send("CAP END");
        c.register(nick);
        return c;
    }

    @Test
    void getSetOnlyForwardAndOnJoinWithoutAnAccount() {
        TestClient alice = server.connectWithCaps("alice", CAP);
        alice.send("MARKREAD #nosuchtarget");
        assertThat(markread(alice).params()).containsExactly("#nosuchtarget", "*");
        alice.send("JOIN #test");
        List<String> joined = alice.drain().stream().map(IrcMessage::command).toList();
        assertThat(joined).containsSubsequence("JOIN", "MARKREAD", "366");
        alice.send("MARKREAD #test timestamp=2019-06-01T12:00:00.000Z");
        assertThat(markread(alice).params()).containsExactly("#test", "timestamp=2019-06-01T12:00:00.000Z");
        alice.send("MARKREAD #TEST timestamp=2019-01-01T00:00:00.000Z");
        assertThat(markread(alice).params()).containsExactly("#TEST", "timestamp=2019-06-01T12:00:00.000Z");
        alice.send("PART #test");
        alice.send("JOIN #test");
        assertThat(markread(alice).params()).containsExactly("#test", "timestamp=2019-06-01T12:00:00.000Z");
        alice.send("MARKREAD bob timestamp=2023-07-04T00:00:00.000Z");
        assertThat(markread(alice).params()).containsExactly("bob", "timestamp=2023-07-04T00:00:00.000Z");
        alice.send("MARKREAD bob");
        assertThat(markread(alice).params()).containsExactly("bob", "timestamp=2023-07-04T00:00:00.000Z");
        TestClient other = server.connectWithCaps("other", CAP);
        other.send("MARKREAD bob");
        assertThat(markread(other).params()).containsExactly("bob", "*");
    }

    @Test
    void badRequestsAreRefusedWithStandardReplies() {
        TestClient alice = server.connectWithCaps("alice", CAP);
        alice.send("MARKREAD");
        assertThat(fail(alice)).startsWith("MARKREAD", "NEED_MORE_PARAMS");
        alice.send("MARKREAD #test timestamp=not-a-timestamp");
        assertThat(fail(alice)).startsWith("MARKREAD", "INVALID_PARAMS");
        alice.send("MARKREAD #test *");
        assertThat(fail(alice)).startsWith("MARKREAD", "INVALID_PARAMS");
    }

    @Test
    void anAccountsPositionsAreSharedByItsSessionsAndSurviveARestart() {
        AccountTest.registerAccount(server, "alys", "sesame sesame");
        TestClient one = login("alys", "alys");
        TestClient two = login("alys", "alys2");
        one.send("MARKREAD #test timestamp=2022-11-11T11:11:11.111Z");
        assertThat(markread(one).params()).containsExactly("#test", "timestamp=2022-11-11T11:11:11.111Z");
        assertThat(two.expect("MARKREAD").params()).containsExactly("#test", "timestamp=2022-11-11T11:11:11.111Z");
        one.drain(); // the store's writer has had a round trip's time; the restart commits what is queued anyway
        server.restart();
        TestClient again = login("alys", "alys");
        again.send("JOIN #test");
        assertThat(markread(again).params()).containsExactly("#test", "timestamp=2022-11-11T11:11:11.111Z");
    }

    @Test
    void theCapabilityIsOffered() {
        TestClient c = server.open();
        c.send("CAP LS 302");
        assertThat(c.drain()).filteredOn(m -> m.command().equals("CAP")).flatExtracting(m -> List.of(m.last().split(" ")))
                .contains(CAP);
    }
}
