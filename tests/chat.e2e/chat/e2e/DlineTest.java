package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DLINE and UNDLINE: address and CIDR bans, enforced at once and right after accept, kept across restarts.
 * The banned clients connect from 127.0.0.2 (Linux routes all of 127/8 to the loopback), the operator from
 * 127.0.0.1.
 */
@Tag("Modern")
class DlineTest {

    @TempDir
    Path dataDir;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> Opers.withAdmin(c).withDataDir(dataDir));

    @Test
    void disconnectsClientsFromTheNetworkAndRefusesNewOnesBeforeRegistration() {
        TestClient op = Opers.operUp(server.connect("op"));
        TestClient victim = server.connectFrom("127.0.0.2", "victim");
        TestClient peer = server.connect("peer");
        op.send("DLINE 127.0.0.2/31 :open proxy");
        op.expect("NOTICE", "op", "Added permanent D-line on 127.0.0.2/31: open proxy");
        List<IrcMessage> last = victim.awaitClose();
        assertThat(last).anyMatch(m -> m.command().equals("465") && m.last().equals("You are banned from this server (open proxy)"));
        assertThat(last).last().satisfies(m -> assertThat(m.last()).isEqualTo("Banned (open proxy)"));
        peer.expect("QUIT", "Banned (open proxy)");
        assertThat(op.drain()).noneMatch(m -> m.command().equals("465") || m.command().equals("ERROR"));
        assertRefusedAtAccept(server.openFrom("127.0.0.3"), "open proxy");
        server.connect("still-welcome");
    }

    @Test
    void errorArrivesEvenWhenTheClientSentRegistrationAtOnce() throws Exception {
        TestClient op = Opers.operUp(server.connect("op"));
        op.send("DLINE 30m 127.0.0.2 :go away");
        op.expect("NOTICE", "op", "Added temporary (1800 s) D-line on 127.0.0.2/32: go away");
        // A raw socket: the test client would close itself on the server's FIN, before it could write.
        try (Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), server.port(), InetAddress.getByName("127.0.0.2"), 0)) {
            raw.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
            raw.getOutputStream().write("NICK eager\r\nUSER eager 0 * :Eager\r\n".getBytes(StandardCharsets.UTF_8));
            // Unread input at close would make the server reset the connection and the ERROR could be lost.
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = raw.getInputStream();
            byte[] buf = new byte[512];
            for (int n; (n = in.read(buf)) >= 0; ) got.write(buf, 0, n);
            assertThat(got.toString(StandardCharsets.UTF_8)).isEqualTo("ERROR :Banned (go away)\r\n");
        }
    }

    @Test
    void persistsAcrossRestartUntilUndlined() {
        TestClient op = Opers.operUp(server.connect("op"));
        op.send("DLINE 127.0.0.2 :persistent");
        op.expect("NOTICE", "op");
        server.restart();
        assertRefusedAtAccept(server.openFrom("127.0.0.2"), "persistent");
        op = Opers.operUp(server.connect("op"));
        op.send("UNDLINE 127.0.0.2/32");
        op.expect("NOTICE", "op", "Removed D-line on 127.0.0.2/32");
        server.connectFrom("127.0.0.2", "back");
        op.send("UNDLINE 127.0.0.2");
        op.expect("FAIL", "UNDLINE", "NO_SUCH_BAN", "127.0.0.2/32");
        op.send("DLINE not-an-address :x");
        op.expect("FAIL", "DLINE", "INVALID_MASK", "not-an-address");
        op.send("DLINE 0::/0 :everyone");
        op.expect("FAIL", "DLINE", "MASK_TOO_WIDE");
    }

    /** The server sends one ERROR with the reason and closes, without a word of registration. */
    static void assertRefusedAtAccept(TestClient c, String reason) {
        List<IrcMessage> got = c.awaitClose();
        assertThat(got).extracting(IrcMessage::command).containsExactly("ERROR");
        assertThat(got.get(0).last()).isEqualTo("Banned (" + reason + ")");
    }
}
