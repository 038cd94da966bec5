package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** KLINE and UNKLINE: user@host bans, enforced at once and at registration, kept across restarts. */
@Tag("Modern")
class KlineTest {

    @TempDir
    Path dataDir;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> Opers.withAdmin(c).withDataDir(dataDir));

    @Test
    void disconnectsMatchingClientsAndPeersSeeTheQuit() {
        TestClient op = Opers.operUp(server.connect("op"));
        TestClient victim = server.connect("victim");
        TestClient peer = server.connect("peer");
        op.send("KLINE ~victim@127.0.0.1 :spamming");
        op.expect("NOTICE", "op", "Added permanent K-line on ~victim@127.0.0.1: spamming");
        List<IrcMessage> last = victim.awaitClose();
        assertThat(last).anyMatch(m -> m.command().equals("465") && m.last().equals("You are banned from this server (spamming)"));
        assertThat(last.get(last.size() - 1).command()).isEqualTo("ERROR");
        assertThat(last.get(last.size() - 1).last()).isEqualTo("Banned (spamming)");
        IrcMessage quit = peer.expect("QUIT", "Banned (spamming)");
        assertThat(quit.sourceNick()).isEqualTo("victim");
        assertThat(op.drain()).noneMatch(m -> m.command().equals("465"));
        assertThat(peer.drain()).noneMatch(m -> m.command().equals("465"));
    }

    @Test
    void reconnectIsRefusedAtRegistrationUntilUnklined() {
        TestClient op = Opers.operUp(server.connect("op"));
        op.send("KLINE 1h *victim@* :cool off");
        op.expect("NOTICE", "op", "Added temporary (3600 s) K-line on *victim@*: cool off");
        assertRefused(server.open(), "victim", "cool off");
        server.connect("bystander");
        op.send("UNKLINE *VICTIM@*");
        op.expect("NOTICE", "op", "Removed K-line on *victim@*");
        server.connect("victim");
        op.send("UNKLINE *victim@*");
        op.expect("FAIL", "UNKLINE", "NO_SUCH_BAN", "*victim@*");
    }

    @Test
    void persistsAcrossRestart() throws Exception {
        TestClient op = Opers.operUp(server.connect("op"));
        op.send("KLINE ~victim@* :come back tomorrow");
        op.expect("NOTICE", "op");
        assertThat(Files.readString(dataDir.resolve("bans.txt"))).contains("KLINE\t~victim@*\t");
        server.restart();
        assertRefused(server.open(), "victim", "come back tomorrow");
        op = Opers.operUp(server.connect("op"));
        op.send("UNKLINE ~victim@*");
        op.expect("NOTICE", "op", "Removed K-line on ~victim@*");
        server.restart();
        server.connect("victim");
    }

    @Test
    void badAndOverlyWideMasksAreRefused() {
        TestClient op = Opers.operUp(server.connect("op"));
        op.send("KLINE *@* :everyone");
        op.expect("FAIL", "KLINE", "MASK_TOO_WIDE");
        op.send("KLINE user@10.0.0.0/99 :bad");
        op.expect("FAIL", "KLINE", "INVALID_MASK");
        op.send("KLINE a@b@c :two at signs");
        op.expect("FAIL", "KLINE", "INVALID_MASK");
        op.send("KLINE");
        op.expect("461", "op", "KLINE");
        assertThat(op.drain()).isEmpty();
    }

    /** Registers as {@code nick} and expects 465 with the reason, ERROR, and the close, never a 001. */
    static void assertRefused(TestClient c, String nick, String reason) {
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :Test");
        List<IrcMessage> got = c.awaitClose();
        assertThat(got).noneMatch(m -> m.command().equals("001"));
        assertThat(got).anyMatch(m -> m.command().equals("465") && m.last().equals("You are banned from this server (" + reason + ")"));
        assertThat(got).last().satisfies(m -> {
            assertThat(m.command()).isEqualTo("ERROR");
            assertThat(m.last()).isEqualTo("Banned (" + reason + ")");
        });
    }
}
