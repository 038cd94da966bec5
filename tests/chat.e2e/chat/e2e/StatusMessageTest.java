package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #15: STATUSMSG (Modern), LINKS (Modern) and the mute extban ({@code +b m:mask}, ircdocs). */
@Tag("Modern")
class StatusMessageTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private static void join(TestClient c, String channel) {
        c.send("JOIN " + channel);
        c.expect("366", c.nick(), channel);
    }

    @Test
    void aMessageToAtChannelReachesOperatorsAndPlusChannelVoicedMembersToo() {
        TestClient op = server.connect("chanop");
        join(op, "#chan");
        TestClient joe = server.connect("joe");
        join(joe, "#chan");
        TestClient voiced = server.connectWithCaps("voiced", "echo-message");
        join(voiced, "#chan");
        op.send("MODE #chan +v voiced");
        voiced.expect("MODE", "#chan", "+v", "voiced");
        joe.drain();
        op.drain();
        voiced.send("PRIVMSG @#chan :for operators");
        voiced.expect("PRIVMSG", "@#chan", "for operators");
        assertThat(op.expect("PRIVMSG", "@#chan", "for operators").sourceNick()).isEqualTo("voiced");
        joe.send("PRIVMSG +#chan :for voices");
        op.expect("PRIVMSG", "+#chan", "for voices");
        voiced.expect("PRIVMSG", "+#chan", "for voices");
        assertThat(joe.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
        joe.send("PRIVMSG @#nowhere :x");
        joe.expect("403", "joe", "#nowhere");
        joe.send("VERSION");
        assertThat(joe.drain()).filteredOn(m -> m.command().equals("005")).flatExtracting(IrcMessage::params)
                .contains("STATUSMSG=@+", "EXTBAN=,m");
    }

    @Test
    void linksListsThisServerOnly() {
        TestClient c = server.connect("nick");
        c.send("LINKS");
        assertThat(c.drain()).extracting(IrcMessage::params).containsExactly(
                java.util.List.of("nick", "chat.local", "chat.local", "0 chat IRC server"),
                java.util.List.of("nick", "*", "End of /LINKS list"));
        c.send("LINKS other.*");
        assertThat(c.drain()).extracting(IrcMessage::command).containsExactly("365");
    }

    @Test
    void aMuteExtbanSilencesButDoesNotBanAndVoiceOrAnExceptionLiftsIt() {
        TestClient op = server.connect("chanop");
        join(op, "#chan");
        op.send("MODE #chan +b m:bar!*@*");
        op.expect("MODE", "#chan", "+b", "m:bar!*@*");
        TestClient bar = server.connectWithCaps("bar", "echo-message");
        join(bar, "#chan");
        bar.send("MODE #chan +b");
        assertThat(bar.expect("367", "bar", "#chan").param(2)).isEqualTo("m:bar!*@*");
        bar.send("PRIVMSG #chan :hi from bar");
        assertThat(bar.expect("404", "bar", "#chan").last()).contains("quieted");
        op.send("MODE #chan +v bar");
        bar.expect("MODE", "#chan", "+v", "bar");
        bar.send("PRIVMSG #chan :voiced now");
        op.expect("PRIVMSG", "#chan", "voiced now");
        op.send("MODE #chan -v bar");
        op.send("MODE #chan +e bar!*@*");
        bar.expect("MODE", "#chan", "+e");
        bar.send("PRIVMSG #chan :excepted now");
        op.expect("PRIVMSG", "#chan", "excepted now");
        op.send("MODE #chan -e bar!*@*");
        op.send("MODE #chan -b m:bar!*@*");
        bar.expect("MODE", "#chan", "-b", "m:bar!*@*");
        bar.send("PRIVMSG #chan :free again");
        op.expect("PRIVMSG", "#chan", "free again");
    }

    @Test
    void aMuteExceptionLiftsMutesAndQuietsButNotBans() {
        TestClient op = server.connect("chanop");
        join(op, "#chan");
        op.send("MODE #chan +b m:qux!*@*");
        op.expect("MODE", "#chan", "+b", "m:qux!*@*");
        TestClient qux = server.connectWithCaps("qux", "echo-message");
        join(qux, "#chan");
        qux.send("PRIVMSG #chan :muted");
        qux.expect("404", "qux", "#chan");
        op.send("MODE #chan +e m:qux!*@*");
        qux.expect("MODE", "#chan", "+e", "m:qux!*@*");
        qux.send("PRIVMSG #chan :exempt");
        op.expect("PRIVMSG", "#chan", "exempt");
        op.send("MODE #chan +q qux!*@*");
        qux.expect("MODE", "#chan", "+q", "qux!*@*");
        qux.send("PRIVMSG #chan :still exempt");
        op.expect("PRIVMSG", "#chan", "still exempt");
        op.send("MODE #chan +b qux!*@*");
        qux.expect("MODE", "#chan", "+b", "qux!*@*");
        qux.send("PRIVMSG #chan :banned");
        assertThat(qux.expect("404", "qux", "#chan").last()).contains("banned");
    }
}
