package chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.net.Transport;
import chat.client.render.PlainScreen;
import chat.client.session.Client;
import chat.client.term.PlainKeyboard;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * #16: an interactive client whose server goes away connects again, registers and rejoins its channels; its
 * notify list (#15's /monitor) and away message come back too.
 */
class ReconnectTest {

    private static final long WAIT_SECONDS = 15;

    @Test
    void aLostConnectionIsMadeAgainAndItsChannelsJoinedAgain() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PlainScreen screen = new PlainScreen(new PrintStream(output, true, StandardCharsets.UTF_8));
        CountDownLatch typingDone = new CountDownLatch(1);
        InputStream keyboard = new InputStream() {
            @Override
            public int read() {
                try {
                    typingDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        try (FakeServer server = new FakeServer(); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Client client = new Client(new Client.Setup("127.0.0.1", server.port(), Transport.PLAIN, "alice", null, true),
                    new PlainKeyboard(keyboard, false, screen), screen, Clock.systemUTC());
            Future<Integer> exit = threads.submit(client::run);
            server.accept();
            server.expect("USER");
            server.send(IrcMessage.from("srv", Numeric.RPL_WELCOME.code(), "alice", "Welcome"),
                    IrcMessage.from("alice!u@127.0.0.1", "JOIN", "#lobby"),
                    IrcMessage.from("alice!u@127.0.0.1", "JOIN", "#dev"),
                    IrcMessage.of("PING", "joined"));
            server.expect("PONG");
            server.hangUp();

            server.accept();
            assertThat(server.expect("NICK").params()).containsExactly("alice");
            server.send(IrcMessage.from("srv", Numeric.RPL_WELCOME.code(), "alice", "Welcome back"));
            assertThat(server.expect("JOIN").params()).containsExactly("#lobby");
            assertThat(server.expect("JOIN").params()).containsExactly("#dev");
            typingDone.countDown();
            server.expect("QUIT");
            server.hangUp();
            assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
        }
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("! disconnected from server", "* connecting again in 1 s");
    }

    @Test
    void theNotifyListAndTheAwayMessageAreToldToTheNextConnection() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PlainScreen screen = new PlainScreen(new PrintStream(output, true, StandardCharsets.UTF_8));
        TypedKeys keys = new TypedKeys();
        // The server closes first, then the keyboard ends: the client stops even when a check failed.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor(); TypedKeys typing = keys;
                FakeServer server = new FakeServer()) {
            Client client = new Client(new Client.Setup("127.0.0.1", server.port(), Transport.PLAIN, "alice", null, true),
                    new PlainKeyboard(keys, false, screen), screen, Clock.systemUTC());
            Future<Integer> exit = threads.submit(client::run);
            server.accept();
            server.expect("USER");
            server.send(IrcMessage.from("srv", Numeric.RPL_WELCOME.code(), "alice", "Welcome"),
                    IrcMessage.from("alice!u@127.0.0.1", "JOIN", "#lobby"));
            keys.type("/monitor bob,carol dave", "/monitor -carol", "/away lunch");
            assertThat(server.expect("MONITOR").params()).containsExactly("+", "bob,carol,dave");
            assertThat(server.expect("MONITOR").params()).containsExactly("-", "carol");
            assertThat(server.expect("AWAY").params()).containsExactly("lunch");
            server.hangUp();

            server.accept();
            server.expect("USER");
            server.send(IrcMessage.from("srv", Numeric.RPL_WELCOME.code(), "alice", "Welcome back"));
            assertThat(server.expect("JOIN").params()).containsExactly("#lobby");
            assertThat(server.expect("MONITOR").params()).containsExactly("+", "bob,dave");
            assertThat(server.expect("AWAY").params()).containsExactly("lunch");
            keys.end();
            server.expect("QUIT");
            server.hangUp();
            assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
        }
    }
}
