package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bundled client's account commands against a server with a store: --account (SASL), /register, /login, /history. */
class ClientAccountTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s);

    private String run(String script, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--host";
        all[1] = "127.0.0.1";
        all[2] = "--port";
        all[3] = Integer.toString(server.port());
        System.arraycopy(args, 0, all, 4, args.length);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        int code = Main.run(all, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(screen, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void registerThenLogInWithSaslAtConnectAndShowHistory() {
        String first = run("/register alice-secret\nremember me\n/quit\n", "--nick", "alice");
        assertThat(first).contains("the account alice is registered").doesNotContain("REGISTER SUCCESS");
        TestClient watcher = server.connectWithCaps("watcher", "account-tag");
        String second = run("alice-secret\n/history 5\n/quit\n", "--nick", "alice", "--account", "alice");
        assertThat(second).contains("Password for alice").contains("You are now logged in as alice")
                .contains("remember me");
        assertThat(watcher.drain()).anyMatch(m -> m.command().equals("JOIN") && "alice".equals(m.sourceNick()));
    }

    @Test
    void loginAsksForThePasswordWhenItIsNotTyped() {
        run("/register bob-secret0\n/quit\n", "--nick", "bob");
        String out = run("/login\nbob-secret0\n/quit\n", "--nick", "bob");
        assertThat(out).contains("Password: ").contains("You are now logged in as bob");
    }
}
