package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** REHASH: re-reads the config file, applies what can change while running, names what cannot. */
@Tag("RFC2812")
class RehashTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withArgs(() -> {
        write("motd-one.txt", "first motd");
        write("motd-two.txt", "second motd");
        write("chat.conf", """
                motd-file = %s
                oper.admin.password = %s
                """.formatted(dir.resolve("motd-one.txt"), Opers.HASH));
        return List.of("--config", dir.resolve("chat.conf").toString());
    });

    @Test
    void appliesMotdAndOperatorBlocks() {
        TestClient op = Opers.operUp(server.connect("op"));
        op.send("MOTD");
        op.expect("372", "op", "- first motd");
        op.expect("376", "op");
        write("chat.conf", """
                motd-file = %s
                oper.admin.password = %s
                oper.second.password = %s
                oper.second.hosts = *@127.0.0.1, *@::1
                """.formatted(dir.resolve("motd-two.txt"), Opers.HASH, Opers.HASH));
        op.send("REHASH");
        List<IrcMessage> got = op.drain();
        assertThat(got).extracting(IrcMessage::command).containsExactly("382");
        assertThat(got.get(0).params()).containsExactly("op", dir.resolve("chat.conf").toString(), "Rehashing");
        op.send("MOTD");
        op.expect("372", "op", "- second motd");
        TestClient other = server.connect("other");
        other.send("OPER second " + Opers.PASSWORD);
        other.expect("381", "other");
    }

    @Test
    void keepsWhatCannotChangeWhileRunningAndSaysSo() {
        TestClient op = Opers.operUp(server.connect("op"));
        write("chat.conf", """
                server-name = renamed.local
                casemapping = ascii
                motd-file = %s
                oper.admin.password = %s
                """.formatted(dir.resolve("motd-two.txt"), Opers.HASH));
        op.send("REHASH");
        IrcMessage notice = op.expect("NOTICE", "op");
        assertThat(notice.last()).contains("server-name, casemapping").contains("restart");
        IrcMessage rehashing = op.expect("382", "op");
        assertThat(rehashing.source()).isEqualTo("chat.local");
        op.send("MOTD");
        op.expect("372", "op", "- second motd");
        TestClient other = server.connect("other");
        other.send("VERSION");
        assertThat(other.expect("351").source()).isEqualTo("chat.local");
    }

    @Test
    void anInvalidFileChangesNothing() {
        TestClient op = Opers.operUp(server.connect("op"));
        write("chat.conf", """
                motd-file = %s
                sendq = lots
                """.formatted(dir.resolve("motd-two.txt")));
        op.send("REHASH");
        IrcMessage fail = op.expect("FAIL", "REHASH", "INVALID_CONFIG");
        assertThat(fail.last()).contains("sendq");
        write("chat.conf", "oper.admin.password = not-a-hash\n");
        op.send("REHASH");
        op.expect("FAIL", "REHASH", "INVALID_CONFIG");
        op.send("MOTD");
        op.expect("372", "op", "- first motd");
        assertThat(op.drain()).noneMatch(m -> m.command().equals("382"));
    }

    @Test
    void newPingIntervalAppliesToConnectedClients() {
        TestClient op = Opers.operUp(server.connect("op"));
        TestClient idle = server.connect("idle");
        write("chat.conf", """
                ping-interval = 0.5
                oper.admin.password = %s
                """.formatted(Opers.HASH));
        op.send("REHASH");
        op.expect("382", "op");
        idle.expect("PING");
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
