package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.Main;
import chat.protocol.IrcMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bundled terminal client, driven through its standard input, against the real server. */
class ClientProgramTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private String[] args(String... more) {
        String[] base = {"--host", "127.0.0.1", "--port", Integer.toString(server.port())};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void pipedInputAsksForANickBroadcastsWhispersAndQuits() throws Exception {
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        TestClient dave = server.connect("dave");
        String script = "alice\nhello everyone\n/msg bob,carol psst\n/quit bye now\n";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        int code = Main.run(args(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(screen, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        IrcMessage broadcast = dave.expect("PRIVMSG", "#lobby");
        assertThat(broadcast.sourceNick()).isEqualTo("alice");
        assertThat(broadcast.last()).isEqualTo("hello everyone");
        assertThat(bob.expect("PRIVMSG", "bob").last()).isEqualTo("psst");
        assertThat(carol.expect("PRIVMSG", "carol").last()).isEqualTo("psst");
        // The client has exited, so its QUIT has reached dave before the PONG that ends the drain.
        var rest = dave.drain();
        assertThat(rest).noneMatch(m -> m.command().equals("PRIVMSG") && m.param(0).equals("dave"));
        assertThat(rest).anyMatch(m -> m.command().equals("QUIT") && m.sourceNick().equals("alice")
                && m.last().contains("bye now"));
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("Nickname");
    }

    @Test
    void takenNickIsAskedAgainAndIncomingMessagesAreShown() throws Exception {
        TestClient bob = server.connect("bob");
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(args(), stdin, out));
        keyboard.write("bob\nalice\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        assertThat(bob.expect("JOIN", "#lobby").sourceNick()).isEqualTo("alice");
        bob.send("PRIVMSG #lobby :hi alice");
        bob.send("PRIVMSG alice :secret");
        // The server handles bob's lines in order: once his PING is answered, both went to alice before she quits.
        bob.send("PING :sent");
        bob.expect("PONG", "*", "sent");
        keyboard.write("/msg bob got it\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        assertThat(bob.expect("PRIVMSG", "bob").last()).isEqualTo("got it");
        keyboard.write("/quit\n".getBytes(StandardCharsets.UTF_8));
        keyboard.close();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("<bob> hi alice");
        assertThat(shown).contains("[private] <bob> secret");
    }

    @Test
    void serverGoingAwayEndsTheClientWithAnError() throws IOException, Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        TestClient watcher = server.connect("watcher");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(args("--nick", "erin"), stdin, out));
        watcher.expect("JOIN", "#lobby");
        server.server().close();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isNotZero();
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("Server shutting down");
        keyboard.close();
    }
}
