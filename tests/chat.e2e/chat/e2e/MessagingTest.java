package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Broadcast in the default channel and private messages to one or more nicknames (RFC 2812 3.3). */
@Tag("RFC2812")
class MessagingTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void lobbyBroadcastReachesEveryoneButTheSender() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        alice.send("PRIVMSG #lobby :hello everyone");
        IrcMessage atBob = bob.expect("PRIVMSG", "#lobby");
        assertThat(atBob.source()).isEqualTo("alice!~alice@127.0.0.1");
        assertThat(atBob.last()).isEqualTo("hello everyone");
        assertThat(carol.expect("PRIVMSG", "#lobby").last()).isEqualTo("hello everyone");
        assertThat(alice.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
    }

    @Test
    void privateMessageToSeveralNicksReachesExactlyThem() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        TestClient dave = server.connect("dave");
        alice.send("PRIVMSG bob,carol :psst");
        IrcMessage atBob = bob.expect("PRIVMSG", "bob");
        assertThat(atBob.last()).isEqualTo("psst");
        assertThat(atBob.sourceNick()).isEqualTo("alice");
        assertThat(carol.expect("PRIVMSG", "carol").last()).isEqualTo("psst");
        assertThat(dave.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
        assertThat(alice.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
    }

    @Test
    void unknownTargetGets401AndTheOthersAreStillDelivered() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        alice.send("PRIVMSG bob,nobody,carol :hi");
        alice.expect("401", "alice", "nobody");
        bob.expect("PRIVMSG", "bob", "hi");
        carol.expect("PRIVMSG", "carol", "hi");
    }

    @Test
    void duplicateTargetsAreDeliveredOnce() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("PRIVMSG bob,BOB,Bob :once");
        bob.expect("PRIVMSG", "bob", "once");
        assertThat(bob.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
    }

    @Test
    void tooManyTargetsDeliversNothing() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("PRIVMSG bob,t1,t2,t3,t4,t5,t6,t7,t8,t9,t10 :spam");
        alice.expect("407", "alice");
        assertThat(bob.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
    }

    @Test
    void noticeIsDeliveredAndNeverAnsweredWithAnError() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("NOTICE bob,ghost :heads up");
        bob.expect("NOTICE", "bob", "heads up");
        assertThat(alice.drain()).noneMatch(m -> m.command().matches("\\d{3}"));
    }

    @Test
    void channelMessagesNeedMembership() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        bob.send("JOIN #dev");
        bob.expect("366", "bob", "#dev");
        alice.send("PRIVMSG #dev :let me in");
        alice.expect("404", "alice", "#dev");
        alice.send("PRIVMSG #nowhere :anyone?");
        alice.expect("403", "alice", "#nowhere");
        assertThat(bob.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
    }

    @Test
    void invalidUtf8IsRejectedAndNeverRelayed() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.sendRaw(new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'l', 'o', 'b', 'b', 'y', ' ', ':',
                (byte) 0xC3, (byte) 0x28, '\r', '\n'});
        alice.expect("FAIL", "PRIVMSG", "INVALID_UTF8");
        alice.send("PRIVMSG #lobby :caf\u00e9 ok");
        assertThat(bob.expect("PRIVMSG", "#lobby").last()).isEqualTo("caf\u00e9 ok");
        List<IrcMessage> rest = bob.drain();
        assertThat(rest).noneMatch(m -> m.command().equals("PRIVMSG"));
    }

    @Test
    void longRelayedMessagesStayWithinTheLineLimit() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        String text = "x".repeat(480);
        alice.send("PRIVMSG #lobby :" + text);
        IrcMessage got = bob.expect("PRIVMSG", "#lobby");
        assertThat(got.toString().length() + 2).isLessThanOrEqualTo(512);
        assertThat(text).startsWith(got.last());
    }
}
