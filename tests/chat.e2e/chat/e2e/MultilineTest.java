package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #15: draft/multiline (IRCv3): limits advertised, relayed as one batch or line by line, stored and replayed as one. */
@Tag("IRCv3")
class MultilineTest {

    private static final String CAP = "draft/multiline";

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s);

    private static void sendBatch(TestClient c, String target, String... lines) {
        c.send("BATCH +b1 draft/multiline " + target);
        for (String line : lines) c.send(line.startsWith("@") ? line : "@batch=b1 PRIVMSG " + target + " :" + line);
        c.send("BATCH -b1");
    }

    /** Each client joins #chan, then everything they were sent so far is read. */
    private static void joinChan(TestClient... clients) {
        for (TestClient c : clients) {
            c.send("JOIN #chan");
            c.expect("366", c.nick(), "#chan");
        }
        for (TestClient c : clients) c.drain();
    }

    @Test
    void theCapabilityAdvertisesItsLimits() {
        TestClient c = server.open();
        c.send("CAP LS 302");
        assertThat(c.drain()).filteredOn(m -> m.command().equals("CAP")).flatExtracting(m -> List.of(m.last().split(" ")))
                .contains("draft/multiline=max-bytes=4096,max-lines=100");
    }

    @Test
    void capableReceiversGetOneBatchOthersEachLineAndHistoryReplaysItAsOne() {
        TestClient alice = server.connectWithCaps("alice", CAP, "batch", "echo-message", "message-tags");
        TestClient bob = server.connectWithCaps("bob", CAP, "batch", "message-tags");
        TestClient carl = server.connect("carl");
        joinChan(alice, bob, carl);
        sendBatch(alice, "#chan", "first line", "second ", "@batch=b1;draft/multiline-concat PRIVMSG #chan :half");
        assertThat(alice.drain()).extracting(IrcMessage::command).containsExactly("BATCH", "PRIVMSG", "PRIVMSG",
                "PRIVMSG", "BATCH");
        List<IrcMessage> got = bob.drain();
        assertThat(got).extracting(IrcMessage::command).containsExactly("BATCH", "PRIVMSG", "PRIVMSG", "PRIVMSG", "BATCH");
        String ref = got.get(0).param(0).substring(1);
        assertThat(got.get(0).params()).containsExactly("+" + ref, "draft/multiline", "#chan");
        assertThat(got.get(0).tags()).containsKey("msgid");
        assertThat(got.get(1).tags()).containsEntry("batch", ref);
        assertThat(got.get(3).tags()).containsKey("draft/multiline-concat");
        assertThat(got.get(4).params()).containsExactly("-" + ref);
        assertThat(carl.drain()).filteredOn(m -> m.command().equals("PRIVMSG")).extracting(IrcMessage::last)
                .containsExactly("first line", "second ", "half");

        TestClient later = server.connectWithCaps("later", CAP, "batch", "message-tags", "server-time", "draft/chathistory");
        later.send("JOIN #chan");
        later.expect("366", "later", "#chan");
        later.send("CHATHISTORY LATEST #chan * 10");
        List<IrcMessage> history = later.drain();
        assertThat(history).filteredOn(m -> m.command().equals("PRIVMSG")).extracting(IrcMessage::last)
                .containsExactly("first line", "second half");
        assertThat(history).filteredOn(m -> m.command().equals("BATCH") && m.params().size() > 1)
                .extracting(m -> m.param(1)).containsExactly("chathistory", "draft/multiline");
    }

    @Test
    void limitsAndMistakesAreRefusedWithFailBatch() {
        TestClient alice = server.connectWithCaps("alice", CAP, "batch");
        String[] lines = new String[101];
        java.util.Arrays.fill(lines, "x");
        sendBatch(alice, "#lobby", lines);
        assertThat(alice.expect("FAIL").params()).startsWith("BATCH", "MULTILINE_MAX_LINES", "100");
        sendBatch(alice, "#lobby", "a".repeat(400), "b".repeat(400), "c".repeat(400), "d".repeat(400), "e".repeat(400),
                "f".repeat(400), "g".repeat(400), "h".repeat(400), "i".repeat(400), "j".repeat(400), "k".repeat(400));
        assertThat(alice.expect("FAIL").params()).startsWith("BATCH", "MULTILINE_MAX_BYTES", "4096");
        sendBatch(alice, "#lobby", "@batch=b1 PRIVMSG #other :wrong place");
        assertThat(alice.expect("FAIL").params()).startsWith("BATCH", "MULTILINE_INVALID_TARGET", "#lobby", "#other");
        alice.send("BATCH -nothing");
        assertThat(alice.expect("FAIL").params()).startsWith("BATCH", "INVALID_REFTAG");
        TestClient plain = server.connect("plain");
        plain.send("BATCH +x draft/multiline #lobby");
        assertThat(plain.expect("FAIL").params()).startsWith("BATCH", "UNKNOWN_TYPE");
    }

    @Test
    void aLabeledBatchIsAnsweredByItsEchoAndOthersGetItsNonBlankLinesUnderOneMsgid() {
        TestClient alice = server.connectWithCaps("alice", CAP, "batch", "echo-message", "message-tags",
                "labeled-response", "server-time");
        TestClient bob = server.connectWithCaps("bob", CAP, "batch", "message-tags");
        TestClient carl = server.connectWithCaps("carl", "message-tags", "server-time");
        joinChan(alice, bob, carl);
        alice.send("@label=xyz;+example.com/tag=1 BATCH +b1 draft/multiline #chan");
        alice.send("@batch=b1 PRIVMSG #chan :");
        alice.send("@batch=b1 PRIVMSG #chan :how is ");
        alice.send("@batch=b1;draft/multiline-concat PRIVMSG #chan :everyone?");
        alice.send("BATCH -b1");

        List<IrcMessage> echo = alice.drain();
        assertThat(echo).extracting(IrcMessage::command).containsExactly("BATCH", "PRIVMSG", "PRIVMSG", "PRIVMSG", "BATCH");
        assertThat(echo.get(0).params()).contains("draft/multiline", "#chan");
        assertThat(echo.get(0).tags()).containsEntry("label", "xyz").containsKeys("msgid", "time");
        String msgid = echo.get(0).tags().get("msgid");

        List<IrcMessage> batch = bob.drain();
        assertThat(batch).extracting(IrcMessage::last).contains("", "how is ", "everyone?");
        assertThat(batch.get(0).tags()).containsEntry("+example.com/tag", "1").containsEntry("msgid", msgid);

        List<IrcMessage> lines = carl.drain().stream().filter(m -> m.command().equals("PRIVMSG")).toList();
        assertThat(lines).extracting(IrcMessage::last).containsExactly("how is ", "everyone?");
        assertThat(lines.get(0).tags()).containsEntry("msgid", msgid).containsEntry("+example.com/tag", "1");
        assertThat(lines.get(1).tags()).doesNotContainKey("msgid").containsEntry("time", echo.get(0).tags().get("time"));
    }

    @Test
    void aBlankLineThatContinuesAnotherFailsTheBatch() {
        TestClient alice = server.connectWithCaps("alice", CAP, "batch", "echo-message");
        alice.send("JOIN #chan");
        alice.expect("366", "alice", "#chan");
        sendBatch(alice, "#chan", "hi", "@batch=b1;draft/multiline-concat PRIVMSG #chan :");
        alice.expect("FAIL", "BATCH", "MULTILINE_INVALID");
    }
}
