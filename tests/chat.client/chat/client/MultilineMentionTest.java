package chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.net.Transport;
import chat.client.render.Screen;
import chat.client.session.Client;
import chat.client.term.PlainKeyboard;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * #15's multi-line messages in #16's client: one that is private or names us is highlighted as a whole, and a
 * private one opens a private chat, as a one-line message would.
 */
class MultilineMentionTest {

    private static final long WAIT_SECONDS = 15;

    /** Records what is printed and what is highlighted; counts down when a line with {@code awaited} is shown. */
    private static final class RecordingScreen implements Screen {
        final List<String> printed = new CopyOnWriteArrayList<>();
        final List<String> alerts = new CopyOnWriteArrayList<>();
        final CountDownLatch seen = new CountDownLatch(1);

        @Override
        public void print(String line) {
            printed.add(line);
            if (line.contains("the end")) seen.countDown();
        }

        @Override
        public void alert(String line) {
            alerts.add(line);
            print(line);
        }

        @Override
        public void prompt(String question) {
        }
    }

    private static IrcMessage inBatch(String ref, IrcMessage m) {
        return m.withTags(Map.of("batch", ref));
    }

    @Test
    void aMultilineMessageIsJudgedWhole() throws Exception {
        RecordingScreen screen = new RecordingScreen();
        TypedKeys keys = new TypedKeys();
        // The server closes first, then the keyboard ends: the client stops even when a check failed.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor(); TypedKeys typing = keys;
                FakeServer server = new FakeServer()) {
            Client client = new Client(new Client.Setup("127.0.0.1", server.port(), Transport.PLAIN, "alice", null, false),
                    new PlainKeyboard(keys, false, screen), screen, Clock.systemUTC());
            Future<Integer> exit = threads.submit(client::run);
            server.accept();
            server.expect("USER");
            String bob = "bob!b@h";
            server.send(IrcMessage.from("srv", Numeric.RPL_WELCOME.code(), "alice", "Welcome"),
                    IrcMessage.from("alice!u@h", "JOIN", "#lobby"),
                    // in the channel, naming alice on its second line
                    IrcMessage.from(bob, "BATCH", "+m1", "draft/multiline", "#lobby"),
                    inBatch("m1", IrcMessage.from(bob, "PRIVMSG", "#lobby", "a plan")),
                    inBatch("m1", IrcMessage.from(bob, "PRIVMSG", "#lobby", "alice: ok?")),
                    IrcMessage.from(bob, "BATCH", "-m1"),
                    // in the channel, naming no one
                    IrcMessage.from(bob, "BATCH", "+m2", "draft/multiline", "#lobby"),
                    inBatch("m2", IrcMessage.from(bob, "PRIVMSG", "#lobby", "just")),
                    inBatch("m2", IrcMessage.from(bob, "PRIVMSG", "#lobby", "talking")),
                    IrcMessage.from(bob, "BATCH", "-m2"),
                    // to alice alone
                    IrcMessage.from(bob, "BATCH", "+m3", "draft/multiline", "alice"),
                    inBatch("m3", IrcMessage.from(bob, "PRIVMSG", "alice", "psst")),
                    inBatch("m3", IrcMessage.from(bob, "PRIVMSG", "alice", "the end")),
                    IrcMessage.from(bob, "BATCH", "-m3"));
            assertThat(screen.seen.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(screen.alerts).hasSize(4).allMatch(line -> !line.contains("just") && !line.contains("talking"));
            assertThat(screen.alerts.get(0)).endsWith("<bob> a plan");
            assertThat(screen.alerts.get(1)).endsWith("| alice: ok?");
            assertThat(screen.alerts.get(2)).endsWith("[private] <bob> psst");
            assertThat(client.roster().targets()).containsExactly("#lobby", "bob");
            keys.end();
            server.expect("QUIT");
            server.hangUp();
            assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
        }
    }
}
