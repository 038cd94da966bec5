package chat.e2e;

import static chat.e2e.ModeTest.join;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** INVITE: the invitee is told, and may pass +i once. */
@Tag("Modern")
class InviteTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void anInvitationPassesInviteOnlyOnce() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        alice.send("MODE #dev +i");
        alice.expect("MODE", "#dev", "+i");
        alice.send("INVITE Bob #dev");
        alice.expect("341", "alice", "bob", "#dev");
        IrcMessage invite = bob.expect("INVITE", "bob", "#dev");
        assertThat(invite.sourceNick()).isEqualTo("alice");
        join(bob, "#dev");
        bob.send("PART #dev");
        bob.expect("PART", "#dev");
        bob.send("JOIN #dev");
        bob.expect("473", "bob", "#dev");
    }

    @Test
    void membersMayInviteToAChannelThatIsNotInviteOnly() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        join(alice, "#dev");
        join(bob, "#dev");
        bob.send("INVITE carol #dev");
        bob.expect("341", "bob", "carol", "#dev");
        carol.expect("INVITE", "carol", "#dev");
    }

    @Test
    void refusals() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        join(alice, "#dev");
        join(bob, "#dev");
        alice.send("INVITE nobody #dev");
        alice.expect("401", "alice", "nobody");
        alice.send("INVITE carol #nowhere");
        alice.expect("403", "alice", "#nowhere");
        carol.send("INVITE carol #dev");
        carol.expect("442", "carol", "#dev");
        alice.send("INVITE bob #dev");
        alice.expect("443", "alice", "bob", "#dev");
        alice.send("MODE #dev +i");
        bob.expect("MODE", "#dev", "+i");
        bob.send("INVITE carol #dev");
        bob.expect("482", "bob", "#dev");
        alice.send("INVITE carol");
        alice.expect("461", "alice", "INVITE");
        assertThat(carol.drain()).noneMatch(m -> m.command().equals("INVITE"));
    }
}
