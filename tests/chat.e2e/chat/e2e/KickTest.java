package chat.e2e;

import static chat.e2e.ModeTest.join;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** KICK: seen by the whole channel, the kicked user included, and refused to all but its operators. */
@Tag("Modern")
class KickTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void aKickIsSeenByEveryMemberAndRemovesTheUser() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        join(alice, "#dev");
        join(bob, "#dev");
        join(carol, "#dev");
        alice.send("KICK #dev BOB :behave");
        for (TestClient c : new TestClient[] {alice, bob, carol}) {
            IrcMessage kick = c.expect("KICK", "#dev", "bob");
            assertThat(kick.sourceNick()).isEqualTo("alice");
            assertThat(kick.last()).isEqualTo("behave");
        }
        bob.send("PRIVMSG #dev :still here?");
        bob.expect("404", "bob", "#dev");
        carol.send("NAMES #dev");
        assertThat(carol.expect("353", "carol", "=", "#dev").last().split(" "))
                .containsExactlyInAnyOrder("@alice", "carol");
    }

    @Test
    void severalUsersAtOnceWithTheKickersNickAsDefaultReason() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        join(alice, "#dev");
        join(bob, "#dev");
        join(carol, "#dev");
        alice.send("KICK #dev bob,carol");
        assertThat(alice.expect("KICK", "#dev", "bob").last()).isEqualTo("alice");
        assertThat(alice.expect("KICK", "#dev", "carol").last()).isEqualTo("alice");
        carol.expect("KICK", "#dev", "carol");
    }

    @Test
    void refusals() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        TestClient dave = server.connect("dave");
        join(alice, "#dev");
        join(bob, "#dev");
        join(carol, "#dev");
        bob.send("KICK #dev carol");
        bob.expect("482", "bob", "#dev");
        dave.send("KICK #dev carol");
        dave.expect("442", "dave", "#dev");
        alice.send("KICK #nowhere carol");
        alice.expect("403", "alice", "#nowhere");
        alice.send("KICK #dev nobody,dave,carol");
        alice.expect("401", "alice", "nobody");
        alice.expect("441", "alice", "dave", "#dev");
        alice.expect("KICK", "#dev", "carol");
        alice.send("KICK #dev");
        alice.expect("461", "alice", "KICK");
        assertThat(bob.drain()).filteredOn(m -> m.command().equals("KICK")).extracting(m -> m.param(1))
                .containsExactly("carol");
    }

    @Test
    void longReasonsAreCutToKicklen() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        join(bob, "#dev");
        alice.send("KICK #dev bob :" + "é".repeat(200));
        String reason = bob.expect("KICK", "#dev", "bob").last();
        assertThat(reason.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(255);
        assertThat(reason).isEqualTo("é".repeat(127));
    }
}
