package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** KILL: the target is told why and closed, its channel peers see the QUIT. */
@Tag("Modern")
@Tag("RFC2812")
class KillTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(Opers::withAdmin);

    @Test
    void targetGetsErrorAndPeersSeeQuit() {
        TestClient op = Opers.operUp(server.connect("op"));
        TestClient victim = server.connect("victim");
        TestClient peer = server.connect("peer");
        op.send("KILL victim :flooding");
        assertThat(victim.awaitClose()).anyMatch(m -> m.command().equals("ERROR")
                && m.last().equals("Killed by op (flooding)"));
        IrcMessage quit = peer.expect("QUIT", "Killed by op (flooding)");
        assertThat(quit.sourceNick()).isEqualTo("victim");
        op.expect("QUIT", "Killed by op (flooding)");
        peer.send("PRIVMSG victim :gone?");
        peer.expect("401", "peer", "victim");
    }

    @Test
    void unknownNickAndServerName() {
        TestClient op = Opers.operUp(server.connect("op"));
        op.send("KILL ghost :boo");
        op.expect("401", "op", "ghost");
        op.send("KILL chat.local :boo");
        op.expect("483", "op");
    }

    @Test
    void reasonDefaultsWhenNoneGiven() {
        TestClient op = Opers.operUp(server.connect("op"));
        TestClient victim = server.connect("victim");
        op.send("KILL victim");
        assertThat(victim.awaitClose()).anyMatch(m -> m.command().equals("ERROR")
                && m.last().equals("Killed by op (No reason given)"));
    }
}
