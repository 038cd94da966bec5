package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MODE on channels and users: queries, changes, their announcement and their refusals (Modern "MODE"). */
@Tag("Modern")
class ModeTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    /** {@code nick} joins {@code channel} and has read its NAMES. */
    static void join(TestClient client, String channel) {
        client.send("JOIN " + channel);
        client.expect("366", client.nick(), channel);
    }

    @Test
    void newChannelIsPlusNtAndShowsItsCreationTime() {
        TestClient alice = server.connect("alice");
        join(alice, "#dev");
        alice.send("MODE #dev");
        IrcMessage modes = alice.expect("324", "alice", "#dev");
        assertThat(modes.params()).containsExactly("alice", "#dev", "+nt");
        assertThat(Long.parseLong(alice.expect("329", "alice", "#dev").param(2))).isPositive();
        alice.send("MODE #nowhere");
        alice.expect("403", "alice", "#nowhere");
    }

    @Test
    void opAndVoiceAreAnnouncedAsOneLineAndKeptInRankOrder() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        join(bob, "#dev");
        alice.send("MODE #dev +vo bob BOB");
        IrcMessage mode = bob.expect("MODE", "#dev");
        assertThat(mode.source()).startsWith("alice!");
        assertThat(mode.params()).containsExactly("#dev", "+vo", "bob", "bob");
        assertThat(alice.expect("MODE", "#dev").params()).containsExactly("#dev", "+vo", "bob", "bob");
        bob.send("NAMES #dev");
        assertThat(bob.expect("353", "bob", "=", "#dev").last().split(" ")).containsExactlyInAnyOrder("@alice", "@bob");
        alice.send("MODE #dev -o bob");
        bob.expect("MODE", "#dev", "-o", "bob");
        bob.send("NAMES #dev");
        assertThat(bob.expect("353", "bob", "=", "#dev").last().split(" ")).containsExactlyInAnyOrder("@alice", "+bob");
    }

    @Test
    void changesThatChangeNothingAreNotAnnounced() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        join(bob, "#dev");
        alice.send("MODE #dev +nt");
        alice.send("MODE #dev -im");
        alice.send("MODE #dev +o alice");
        alice.send("MODE #dev -b nobody");
        assertThat(alice.drain()).noneMatch(m -> m.command().equals("MODE"));
        alice.send("MODE #dev +ii-t+t");
        bob.expect("MODE", "#dev", "+i-t+t");
        alice.send("MODE #dev +i");
        assertThat(bob.drain()).noneMatch(m -> m.command().equals("MODE"));
    }

    @Test
    void onlyChannelOperatorsMayChangeModes() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        join(alice, "#dev");
        join(bob, "#dev");
        bob.send("MODE #dev +i");
        bob.expect("482", "bob", "#dev");
        bob.send("MODE #dev +o bob");
        bob.expect("482", "bob", "#dev");
        carol.send("MODE #dev -t");
        carol.expect("482", "carol", "#dev");
        alice.send("MODE #lobby +m");
        alice.expect("482", "alice", "#lobby");
        bob.send("MODE #dev");
        assertThat(bob.expect("324", "bob", "#dev").param(2)).isEqualTo("+nt");
        assertThat(alice.drain()).noneMatch(m -> m.command().equals("MODE"));
    }

    @Test
    void unknownLettersAndBadTargetsAreRefusedOneByOne() {
        TestClient alice = server.connect("alice");
        server.connect("carol");
        join(alice, "#dev");
        alice.send("MODE #dev +Zi");
        alice.expect("472", "alice", "Z");
        alice.expect("MODE", "#dev", "+i");
        alice.send("MODE #dev +o nobody");
        alice.expect("401", "alice", "nobody");
        alice.send("MODE #dev +v carol");
        alice.expect("441", "alice", "carol", "#dev");
        alice.send("MODE #dev +l many");
        alice.expect("696", "alice", "#dev", "l", "many");
        alice.send("MODE #nowhere +i");
        alice.expect("403", "alice", "#nowhere");
    }

    @Test
    void atMostFourParameterisedChangesPerCommand() {
        TestClient alice = server.connect("alice");
        join(alice, "#dev");
        alice.send("MODE #dev +bbbbb a b c d e");
        IrcMessage mode = alice.expect("MODE", "#dev");
        assertThat(mode.params()).containsExactly("#dev", "+bbbb", "a!*@*", "b!*@*", "c!*@*", "d!*@*");
        alice.send("MODE #dev +b");
        List<String> masks = new ArrayList<>();
        for (IrcMessage m : alice.drain()) {
            if (m.command().equals("367")) masks.add(m.param(2));
        }
        assertThat(masks).containsExactly("a!*@*", "b!*@*", "c!*@*", "d!*@*");
    }

    @Test
    void keyAndLimitAreShownWithTheKeyHiddenFromNonMembers() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        alice.send("MODE #dev +kl sesame 5");
        alice.expect("MODE", "#dev", "+kl", "sesame", "5");
        alice.send("MODE #dev");
        assertThat(alice.expect("324", "alice", "#dev").params()).containsExactly("alice", "#dev", "+ntkl", "sesame", "5");
        bob.send("MODE #dev");
        assertThat(bob.expect("324", "bob", "#dev").params()).containsExactly("bob", "#dev", "+ntkl", "*", "5");
        alice.send("MODE #dev -lk");
        alice.expect("MODE", "#dev", "-lk", "*");
        alice.send("MODE #dev +k :two words");
        alice.expect("696", "alice", "#dev", "k");
    }

    @Test
    void userModesAreTheUsersOwn() {
        TestClient alice = server.connect("alice");
        server.connect("bob");
        alice.send("MODE alice");
        alice.expect("221", "alice", "+");
        alice.send("MODE alice +iw");
        IrcMessage set = alice.expect("MODE", "alice", "+iw");
        assertThat(set.sourceNick()).isEqualTo("alice");
        alice.send("MODE alice");
        alice.expect("221", "alice", "+iw");
        alice.send("MODE alice +o");
        alice.send("MODE alice -w+x");
        alice.expect("501", "alice");
        alice.expect("MODE", "alice", "-w");
        alice.send("MODE bob");
        alice.expect("502", "alice");
        alice.send("MODE bob +i");
        alice.expect("502", "alice");
        alice.send("MODE nobody");
        alice.expect("401", "alice", "nobody");
        alice.send("MODE alice");
        alice.expect("221", "alice", "+i");
    }

    @Test
    void welcomeAdvertisesTheModes() {
        TestClient raw = server.open();
        raw.send("NICK alice");
        raw.send("USER alice 0 * :Alice");
        IrcMessage myInfo = raw.expect("004", "alice");
        assertThat(myInfo.params().subList(3, myInfo.params().size()))
                .containsExactly("Biow", "Ibeiklmnoqstv", "Ibekloqv");
        List<String> tokens = new ArrayList<>(raw.expect("005", "alice").params());
        tokens.addAll(raw.expect("005", "alice").params());
        assertThat(tokens).contains("CHANMODES=beIq,k,l,imnst", "PREFIX=(ov)@+", "CHANLIMIT=#:50",
                "MAXLIST=beIq:100", "MODES=4", "EXCEPTS=e", "INVEX=I", "KICKLEN=255", "ELIST=MU");
    }
}
