package chat.e2e;

import static chat.e2e.ModeTest.join;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What channel modes refuse: bans and their exceptions, quiets, +m, +n, +i and +I, +k, +l, CHANLIMIT. */
@Tag("Modern")
class BanTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void aBanKeepsAUserOutUnlessAnExceptionMatches() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        alice.send("MODE #dev +b BOB");
        alice.expect("MODE", "#dev", "+b", "BOB!*@*");
        bob.send("JOIN #dev");
        bob.expect("474", "bob", "#dev");
        alice.send("MODE #dev +e *!~bob@*");
        alice.expect("MODE", "#dev", "+e", "*!~bob@*");
        join(bob, "#dev");
    }

    @Test
    void theBanListShowsNormalisedMasksWithSetterAndTime() {
        TestClient alice = server.connect("alice");
        join(alice, "#dev");
        alice.send("MODE #dev +bb ~x@10.* bob");
        alice.expect("MODE", "#dev", "+bb", "*!~x@10.*", "bob!*@*");
        alice.send("MODE #dev b");
        IrcMessage first = alice.expect("367", "alice", "#dev", "*!~x@10.*");
        assertThat(first.param(3)).startsWith("alice!");
        assertThat(Long.parseLong(first.param(4))).isPositive();
        alice.expect("367", "alice", "#dev", "bob!*@*");
        alice.expect("368", "alice", "#dev");
        alice.send("MODE #dev -b BOB");
        alice.expect("MODE", "#dev", "-b", "bob!*@*");
        alice.send("MODE #dev +b");
        List<IrcMessage> listed = alice.drain();
        assertThat(listed).filteredOn(m -> m.command().equals("367")).extracting(m -> m.param(2))
                .containsExactly("*!~x@10.*");
    }

    @Test
    void bannedMembersCannotSpeakButOperatorsCan() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        join(bob, "#dev");
        alice.send("MODE #dev +b *!*@*");
        bob.expect("MODE", "#dev", "+b", "*!*@*");
        bob.send("PRIVMSG #dev :let me speak");
        assertThat(bob.expect("404", "bob", "#dev").last()).contains("banned");
        alice.send("PRIVMSG #dev :ops may");
        bob.expect("PRIVMSG", "#dev", "ops may");
        alice.send("MODE #dev +v bob");
        bob.send("PRIVMSG #dev :voiced but banned");
        bob.expect("404", "bob", "#dev");
        assertThat(alice.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
    }

    @Test
    void quietedUsersMayJoinButNotSpeakUntilVoiced() {
        TestClient alice = server.connect("alice");
        TestClient carol = server.connect("carol");
        join(alice, "#dev");
        alice.send("MODE #dev +q carol");
        alice.expect("MODE", "#dev", "+q", "carol!*@*");
        join(carol, "#dev");
        carol.send("PRIVMSG #dev :hello?");
        assertThat(carol.expect("404", "carol", "#dev").last()).contains("quieted");
        carol.send("MODE #dev q");
        carol.expect("728", "carol", "#dev", "q", "carol!*@*");
        carol.expect("729", "carol", "#dev", "q");
        alice.send("MODE #dev +v carol");
        carol.expect("MODE", "#dev", "+v", "carol");
        carol.send("PRIVMSG #dev :now I can");
        alice.expect("PRIVMSG", "#dev", "now I can");
    }

    @Test
    void moderatedChannelsHearOnlyVoicedUsersAndOperators() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        join(bob, "#dev");
        alice.send("MODE #dev +m");
        bob.expect("MODE", "#dev", "+m");
        bob.send("PRIVMSG #dev :anyone?");
        assertThat(bob.expect("404", "bob", "#dev").last()).contains("+m");
        bob.send("NOTICE #dev :silently dropped");
        alice.send("MODE #dev +v bob");
        bob.expect("MODE", "#dev", "+v", "bob");
        bob.send("PRIVMSG #dev :thanks");
        alice.expect("PRIVMSG", "#dev", "thanks");
        assertThat(alice.drain()).noneMatch(m -> m.command().equals("NOTICE"));
    }

    @Test
    void withoutPlusNOutsidersMaySendToTheChannel() {
        TestClient alice = server.connect("alice");
        TestClient dave = server.connect("dave");
        join(alice, "#dev");
        dave.send("PRIVMSG #dev :from outside");
        dave.expect("404", "dave", "#dev");
        alice.send("MODE #dev -n");
        alice.expect("MODE", "#dev", "-n");
        dave.send("PRIVMSG #dev :from outside again");
        alice.expect("PRIVMSG", "#dev", "from outside again");
    }

    @Test
    void inviteOnlyChannelsLetInInviteExceptions() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        alice.send("MODE #dev +i");
        alice.expect("MODE", "#dev", "+i");
        bob.send("JOIN #dev");
        bob.expect("473", "bob", "#dev");
        alice.send("MODE #dev +I *!~BOB@*");
        alice.expect("MODE", "#dev", "+I", "*!~BOB@*");
        bob.send("MODE #dev I");
        bob.expect("482", "bob", "#dev");
        alice.send("MODE #dev I");
        alice.expect("346", "alice", "#dev", "*!~BOB@*");
        alice.expect("347", "alice", "#dev");
        join(bob, "#dev");
    }

    @Test
    void aKeyedChannelNeedsItsKey() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        alice.send("MODE #dev +k sesame");
        alice.expect("MODE", "#dev", "+k", "sesame");
        bob.send("JOIN #dev");
        bob.expect("475", "bob", "#dev");
        bob.send("JOIN #dev wrong");
        bob.expect("475", "bob", "#dev");
        bob.send("JOIN #other,#dev nokey,sesame");
        bob.expect("JOIN", "#other");
        bob.expect("JOIN", "#dev");
    }

    @Test
    void aFullChannelRefusesTheNextJoiner() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        join(alice, "#dev");
        alice.send("MODE #dev +l 2");
        alice.expect("MODE", "#dev", "+l", "2");
        join(bob, "#dev");
        carol.send("JOIN #dev");
        carol.expect("471", "carol", "#dev");
    }

    @Test
    void joiningMoreThanChanlimitChannelsIsRefused() {
        TestClient alice = server.connect("alice");
        StringBuilder line = new StringBuilder("JOIN ");
        for (int i = 1; i <= 49; i++) line.append(i == 1 ? "" : ",").append("#c").append(i);
        alice.send(line.toString());
        alice.expect("366", "alice", "#c49");
        alice.send("JOIN #one-too-many");
        alice.expect("405", "alice", "#one-too-many");
        alice.send("PART #c1");
        alice.expect("PART", "#c1");
        join(alice, "#one-too-many");
    }

    @Test
    void malformedChannelNamesAreBadMasks() {
        TestClient alice = server.connect("alice");
        String tooLong = "#" + "x".repeat(60);
        alice.send("JOIN " + tooLong);
        alice.expect("476", "alice", tooLong);
    }

    @Test
    void theMaskListsAreBoundedTogether() {
        TestClient alice = server.connect("alice");
        join(alice, "#dev");
        for (int i = 0; i < 25; i++) {
            char list = "beIq".charAt(i % 4);
            String letters = "+" + String.valueOf(list).repeat(4);
            alice.send("MODE #dev " + letters + " a" + i + " b" + i + " c" + i + " d" + i);
        }
        alice.send("MODE #dev +b one-more");
        alice.expect("478", "alice", "#dev", "b");
        alice.send("MODE #dev -b a0");
        alice.expect("MODE", "#dev", "-b", "a0!*@*");
        alice.send("MODE #dev +b one-more");
        alice.expect("MODE", "#dev", "+b", "one-more!*@*");
    }
}
