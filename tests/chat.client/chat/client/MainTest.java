package chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    private static final long WAIT_SECONDS = 15;
    private static final String SERVER = "irc.test";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void pipedSessionRegistersTalksAndQuits() throws Exception {
        try (FakeServer server = new FakeServer()) {
            Future<Integer> exit = start(server.port(), stdin("alice\nhello\n/quit\n"));
            server.accept();
            assertThat(server.expect("NICK").params()).containsExactly("alice");
            assertThat(server.expect("USER").param(0)).isEqualTo("alice");
            assertThat(server.expect("CAP").params()).containsExactly("END");
            // Nothing typed may reach the server before it has registered us.
            server.send(IrcMessage.of("PING", "cookie-42"));
            assertThat(server.expect("PONG").params()).containsExactly("cookie-42");
            welcome(server, "alice");
            assertThat(server.expect("PRIVMSG").params()).containsExactly("#lobby", "hello");
            server.expect("QUIT");
            server.send(IrcMessage.of("ERROR", "Closing link"));
            server.hangUp();

            assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
            // CAP LS, then CAP REQ for the history capabilities and apart for #15's (multiline, redaction).
            assertThat(server.commands()).containsExactly("CAP", "CAP", "CAP", "NICK", "USER", "CAP", "PONG", "PRIVMSG", "QUIT");
            assertThat(output()).startsWith("Nickname: ")
                    .contains("* Welcome, alice", "* you joined #lobby")
                    .containsPattern("\\d\\d:\\d\\d <alice> hello")
                    // The server's ERROR after our own QUIT is no failure.
                    .doesNotContain("! server", "Closing link")
                    .endsWith("* disconnected\n");
        }
    }

    @Test
    void beingKickedFromTheCurrentChannelMovesTextToTheLastJoined() throws Exception {
        TypedKeys stdin = new TypedKeys();
        try (FakeServer server = new FakeServer()) {
            Future<Integer> exit = start(server.port(), stdin, "--nick", "bob");
            server.accept();
            welcome(server, "bob");
            stdin.type("/join #dev");
            assertThat(server.expect("JOIN").params()).containsExactly("#dev");
            server.send(IrcMessage.from("bob!u@127.0.0.1", "JOIN", "#dev"),
                    IrcMessage.from("op!o@127.0.0.1", "KICK", "#dev", "bob", "off topic"));
            // The KICK is read before the next typed line is: PING's answer proves it.
            server.send(IrcMessage.of("PING", "after-kick"));
            server.expect("PONG");
            stdin.type("still here");
            assertThat(server.expect("PRIVMSG").params()).containsExactly("#lobby", "still here");
            stdin.end();
            server.expect("QUIT");
            server.hangUp();

            assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
            assertThat(output()).contains("* you were kicked from #dev by op (off topic)\n"
                    + "* you are now talking in #lobby\n");
        }
    }

    @Test
    void nicknameInUseAsksForAnother() throws Exception {
        try (FakeServer server = new FakeServer()) {
            Future<Integer> exit = start(server.port(), stdin("alice\nalice2\nhello\n"));
            server.accept();
            assertThat(server.expect("NICK").params()).containsExactly("alice");
            server.send(IrcMessage.from(SERVER, Numeric.ERR_NICKNAMEINUSE.code(), "*", "alice",
                    "Nickname is already in use"));
            assertThat(server.expect("NICK").params()).containsExactly("alice2");
            welcome(server, "alice2");
            assertThat(server.expect("PRIVMSG").params()).containsExactly("#lobby", "hello");
            // The end of stdin quits.
            server.expect("QUIT");
            server.hangUp();

            assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
            assertThat(output()).contains("! alice: Nickname is already in use\nNickname: ");
        }
    }

    @Test
    void nicknameRefusedAndNoMoreInputFails() throws Exception {
        try (FakeServer server = new FakeServer()) {
            Future<Integer> exit = start(server.port(), stdin(""), "--nick", "alice");
            server.accept();
            server.expect("NICK");
            server.send(IrcMessage.from(SERVER, Numeric.ERR_ERRONEUSNICKNAME.code(), "*", "alice", "Erroneous"));
            server.expect("QUIT");
            server.hangUp();

            assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(output()).contains("! alice: Erroneous", "! no nickname given");
        }
    }

    @Test
    void serverClosingTheConnectionExitsWithOne() throws Exception {
        CountDownLatch typing = new CountDownLatch(1);
        try (FakeServer server = new FakeServer()) {
            Future<Integer> exit = start(server.port(), new OpenInput("/join #dev\n", typing), "--nick", "bob");
            server.accept();
            welcome(server, "bob");
            assertThat(server.expect("JOIN").params()).containsExactly("#dev");
            server.send(IrcMessage.of("ERROR", "Closing link (Killed)"));
            server.hangUp();

            assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(output()).contains("! server: Closing link (Killed)",
                    "! disconnected from server (Closing link (Killed))");
        } finally {
            typing.countDown();
        }
    }

    @Test
    void connectionRefusedIsReportedClearly() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        int code = Main.run(new String[] {"--port", String.valueOf(port), "--nick", "alice"}, stdin(""), printer());
        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("! cannot connect to 127.0.0.1:" + port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--port", "--port=0", "--port=http", "--nick=1bad", "extra"})
    void badOptionsPrintUsageAndExitWithTwo(String option) {
        assertThat(Main.run(new String[] {option}, stdin(""), printer())).isEqualTo(2);
        assertThat(output()).startsWith("chat-client: ").contains("usage: chat-client");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(Main.run(new String[] {"--help"}, stdin(""), printer())).isZero();
        assertThat(output()).startsWith("usage: chat-client").contains("--host", "--port", "--nick");
    }

    private static void welcome(FakeServer server, String nick) throws IOException {
        server.send(IrcMessage.from(SERVER, Numeric.RPL_WELCOME.code(), nick, "Welcome, " + nick),
                IrcMessage.from(nick + "!u@127.0.0.1", "JOIN", "#lobby"));
    }

    private Future<Integer> start(int port, InputStream stdin, String... extra) {
        String[] args = new String[2 + extra.length];
        args[0] = "--port=" + port;
        args[1] = "--host=127.0.0.1";
        System.arraycopy(extra, 0, args, 2, extra.length);
        PrintStream out = printer();
        return CompletableFuture.supplyAsync(() -> Main.run(args, stdin, out),
                Executors.newVirtualThreadPerTaskExecutor());
    }

    private PrintStream printer() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stdin that gives its text, then stays open (like a terminal) until the latch opens. */
    private static final class OpenInput extends InputStream {
        private final InputStream text;
        private final CountDownLatch closed;

        OpenInput(String text, CountDownLatch closed) {
            this.text = stdin(text);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            int b = text.read();
            if (b >= 0) return b;
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) return 0;
            int n = text.read(buf, off, len);
            if (n > 0) return n;
            return read() < 0 ? -1 : 0;
        }
    }
}
