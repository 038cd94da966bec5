package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** IRCv3 capability negotiation, and for each capability the wire difference it makes. */
@Tag("IRCv3")
class CapabilityTest {

    private static final String SERVER_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void lsListsEveryCapabilityAndReqIsAllOrNothing() {
        TestClient c = server.open();
        c.send("CAP LS 302");
        List<String> offered = List.of(c.expect("CAP", "*", "LS").last().split(" "));
        assertThat(offered).contains("server-time", "message-tags", "echo-message", "batch", "labeled-response",
                "multi-prefix", "userhost-in-names", "extended-join", "away-notify", "account-notify",
                "invite-notify", "chghost", "setname", "cap-notify", "standard-replies");
        c.send("CAP REQ :server-time no-such-cap");
        c.expect("CAP", "*", "NAK", "server-time no-such-cap");
        c.send("CAP LIST");
        assertThat(c.expect("CAP", "*", "LIST").last()).isEmpty();
        c.send("CAP REQ :server-time echo-message");
        c.expect("CAP", "*", "ACK", "server-time echo-message");
        c.send("CAP REQ :-echo-message");
        c.expect("CAP", "*", "ACK", "-echo-message");
        c.send("CAP LIST");
        assertThat(c.expect("CAP", "*", "LIST").last()).isEqualTo("server-time");
        c.send("CAP FROB");
        c.expect("410", "*", "FROB");
        c.send("CAP END");
        c.register("capper");
        c.send("CAP LIST");
        assertThat(c.expect("CAP", "capper", "LIST").last()).isEqualTo("server-time");
    }

    @Test
    void anyVersionNumberAfterLsIsAnsweredEvenOneTooLongForAnInt() {
        // Found by a grammar fuzzer: a version past Integer.MAX_VALUE disconnected the client with "Internal error".
        TestClient c = server.open();
        c.send("CAP LS 99999999999999999999");
        assertThat(c.expect("CAP", "*", "LS").last()).contains("draft/multiline=max-bytes=");
        c.send("CAP LS 0301");
        assertThat(List.of(c.expect("CAP", "*", "LS").last().split(" "))).contains("draft/multiline");
        c.send("CAP END");
        c.register("versioned");
    }

    @Test
    void serverTimeTagsRelayedMessagesOnlyForThoseWhoAskedForIt() {
        TestClient timed = server.connectWithCaps("timed", "server-time");
        TestClient plain = server.connect("plain");
        TestClient sender = server.connect("sender");
        sender.send("PRIVMSG #lobby :what time is it");
        assertThat(timed.expect("PRIVMSG", "#lobby").tags().get("time")).matches(SERVER_TIME);
        assertThat(plain.expect("PRIVMSG", "#lobby").tags()).isEmpty();
    }

    @Test
    void messageTagsCarryMsgidAndClientTagsAndTagmsgOnlyReachesTagClients() {
        TestClient tagged = server.connectWithCaps("tagged", "message-tags");
        TestClient plain = server.connect("plain");
        TestClient sender = server.connectWithCaps("sender", "message-tags");
        sender.send("@+draft/reply=abc;+example.com/x=y\\sz PRIVMSG #lobby :tagged hello");
        IrcMessage got = tagged.expect("PRIVMSG", "#lobby", "tagged hello");
        assertThat(got.tags()).containsEntry("+draft/reply", "abc").containsEntry("+example.com/x", "y z");
        assertThat(got.tags().get("msgid")).isNotBlank();
        assertThat(plain.expect("PRIVMSG", "#lobby", "tagged hello").tags()).isEmpty();
        sender.send("@+typing=active TAGMSG #lobby");
        assertThat(tagged.expect("TAGMSG", "#lobby").tags()).containsEntry("+typing", "active");
        assertThat(plain.drain()).noneMatch(m -> m.command().equals("TAGMSG"));
    }

    @Test
    void clientTagsFromAClientWithoutMessageTagsAreNotRelayed() {
        TestClient tagged = server.connectWithCaps("tagged", "message-tags");
        TestClient sender = server.connect("sender");
        sender.send("@+draft/reply=abc PRIVMSG #lobby :no tags from me");
        IrcMessage got = tagged.expect("PRIVMSG", "#lobby", "no tags from me");
        assertThat(got.tags()).doesNotContainKey("+draft/reply").containsKey("msgid");
    }

    @Test
    void echoMessageReturnsTheSendersOwnMessageWithTheSameMsgid() {
        TestClient echoer = server.connectWithCaps("echoer", "echo-message", "message-tags");
        TestClient other = server.connectWithCaps("other", "message-tags");
        TestClient plain = server.connect("plain");
        echoer.send("PRIVMSG #lobby :hear myself");
        IrcMessage echoed = echoer.expect("PRIVMSG", "#lobby", "hear myself");
        assertThat(echoed.sourceNick()).isEqualTo("echoer");
        assertThat(other.expect("PRIVMSG", "#lobby", "hear myself").tags().get("msgid"))
                .isEqualTo(echoed.tags().get("msgid"));
        echoer.send("PRIVMSG plain :direct");
        assertThat(echoer.expect("PRIVMSG", "plain", "direct").sourceNick()).isEqualTo("echoer");
        plain.send("PRIVMSG #lobby :no echo for me");
        assertThat(plain.drain()).noneMatch(m -> m.command().equals("PRIVMSG") && m.sourceNick().equals("plain"));
    }

    @Test
    void extendedJoinAddsAccountAndRealname() {
        TestClient extended = server.connectWithCaps("extended", "extended-join");
        TestClient plain = server.connect("plain");
        TestClient joiner = server.connect("joiner");
        IrcMessage seen = extended.expect("JOIN", "#lobby");
        assertThat(seen.sourceNick()).isEqualTo("plain");
        assertThat(seen.params()).containsExactly("#lobby", "*", "Test plain");
        assertThat(plain.expect("JOIN", "#lobby").params()).containsExactly("#lobby");
        assertThat(joiner.nick()).isEqualTo("joiner");
    }

    @Test
    void userhostInNamesShowsFullPrefixes() {
        TestClient full = server.connectWithCaps("full", "userhost-in-names");
        server.connect("other");
        full.send("NAMES #lobby");
        assertThat(full.expect("353", "full", "=", "#lobby").last().split(" "))
                .containsExactlyInAnyOrder("full!~full@127.0.0.1", "other!~other@127.0.0.1");
    }

    @Test
    void labeledResponseTagsTheRepliesToACommand() {
        TestClient c = server.connectWithCaps("labeler", "labeled-response", "batch");
        c.send("@label=one PING tok");
        IrcMessage pong = c.expect("PONG");
        assertThat(pong.tags()).containsEntry("label", "one");
        c.send("@label=two PONG :nothing comes back");
        assertThat(c.expect("ACK").tags()).containsEntry("label", "two");
        c.send("@label=three MOTD");
        IrcMessage start = c.expect("BATCH");
        assertThat(start.tags()).containsEntry("label", "three");
        assertThat(start.params()).hasSize(2).element(1).isEqualTo("labeled-response");
        String ref = start.param(0).substring(1);
        assertThat(c.expect("375").tags()).containsEntry("batch", ref);
        c.expect("BATCH", "-" + ref);
        TestClient plain = server.connect("plain");
        plain.send("@label=four PING tok");
        assertThat(plain.expect("PONG").tags()).isEmpty();
    }

    @Test
    void setnameIsSeenByPeersWithTheCapability() {
        TestClient watcher = server.connectWithCaps("watcher", "setname");
        TestClient plain = server.connect("plain");
        TestClient renamer = server.connectWithCaps("renamer", "setname");
        renamer.send("SETNAME :A New Name");
        assertThat(renamer.expect("SETNAME").last()).isEqualTo("A New Name");
        IrcMessage seen = watcher.expect("SETNAME");
        assertThat(seen.sourceNick()).isEqualTo("renamer");
        assertThat(seen.last()).isEqualTo("A New Name");
        assertThat(plain.drain()).noneMatch(m -> m.command().equals("SETNAME"));
        renamer.send("SETNAME :" + "x".repeat(200));
        renamer.expect("FAIL", "SETNAME", "INVALID_REALNAME");
    }

    @Test
    void awayNotifyTellsPeersAboutAwayChanges() {
        TestClient notified = server.connectWithCaps("notified", "away-notify");
        TestClient plain = server.connect("plain");
        TestClient goer = server.connect("goer");
        goer.send("AWAY :lunch");
        goer.expect("306");
        IrcMessage away = notified.expect("AWAY");
        assertThat(away.sourceNick()).isEqualTo("goer");
        assertThat(away.last()).isEqualTo("lunch");
        goer.send("AWAY");
        assertThat(notified.expect("AWAY").params()).isEmpty();
        assertThat(plain.drain()).noneMatch(m -> m.command().equals("AWAY"));
        goer.send("AWAY :again");
        notified.expect("AWAY", "again");
        notified.send("JOIN #side");
        notified.expect("366", "notified", "#side");
        goer.send("JOIN #side");
        notified.expect("JOIN", "#side");
        assertThat(notified.expect("AWAY").last()).isEqualTo("again");
    }

    @Test
    void multiPrefixShowsEveryPrefixInNames() {
        TestClient op = server.connectWithCaps("op", "multi-prefix");
        TestClient plain = server.connect("plain");
        op.send("JOIN #room");
        op.expect("366", "op", "#room");
        plain.send("JOIN #room");
        op.expect("JOIN", "#room");
        op.send("MODE #room +v op");
        op.expect("MODE", "#room", "+v", "op");
        op.send("NAMES #room");
        assertThat(op.expect("353", "op", "=", "#room").last().split(" ")).contains("@+op");
        plain.send("NAMES #room");
        assertThat(plain.expect("353", "plain", "=", "#room").last().split(" ")).contains("@op").doesNotContain("@+op");
    }

    @Test
    void inviteNotifyTellsChannelMembers() {
        TestClient op = server.connect("op");
        TestClient watcher = server.connectWithCaps("watcher", "invite-notify");
        TestClient guest = server.connect("guest");
        op.send("JOIN #club");
        op.expect("366", "op", "#club");
        watcher.send("JOIN #club");
        op.expect("JOIN", "#club");
        op.send("INVITE guest #club");
        op.expect("341", "op", "guest", "#club");
        guest.expect("INVITE", "guest", "#club");
        IrcMessage seen = watcher.expect("INVITE", "guest", "#club");
        assertThat(seen.sourceNick()).isEqualTo("op");
    }

    @Test
    void botModeIsShownInWhoWhoisAndAsATag() {
        TestClient bot = server.connect("robo");
        TestClient tagged = server.connectWithCaps("tagged", "message-tags");
        TestClient plain = server.connect("plain");
        bot.send("MODE robo +B");
        bot.expect("MODE", "robo", "+B");
        plain.send("WHOIS robo");
        plain.expect("335", "plain", "robo");
        plain.send("WHO robo");
        assertThat(plain.expect("352").param(6)).contains("B");
        bot.send("PRIVMSG #lobby :beep");
        assertThat(tagged.expect("PRIVMSG", "#lobby", "beep").tags()).containsKey("bot");
        assertThat(plain.expect("PRIVMSG", "#lobby", "beep").tags()).isEmpty();
    }
}
