package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nick changes, QUIT and dropped sockets as peers see them (RFC 2812 3.1.2, 3.1.7). */
@Tag("RFC2812")
class PresenceTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void nickChangeIsSeenByPeersAndTheOldNickIsFree() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("NICK alicia");
        IrcMessage seen = bob.expect("NICK", "alicia");
        assertThat(seen.source()).isEqualTo("alice!~alice@127.0.0.1");
        alice.expect("NICK", "alicia");
        server.connect("alice");
        bob.send("PRIVMSG alicia :found you");
        alice.expect("PRIVMSG", "alicia", "found you");
    }

    @Test
    void quitReasonIsSeenByPeersAndTheNickIsFreedAtOnce() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.send("QUIT :off to lunch");
        List<IrcMessage> last = alice.awaitClose();
        assertThat(last).anyMatch(m -> m.command().equals("ERROR"));
        IrcMessage quit = bob.expect("QUIT");
        assertThat(quit.sourceNick()).isEqualTo("alice");
        assertThat(quit.last()).isEqualTo("Quit: off to lunch");
        server.connect("alice");
    }

    @Test
    void droppedSocketIsSeenAsQuit() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        alice.close();
        IrcMessage quit = bob.expect("QUIT");
        assertThat(quit.sourceNick()).isEqualTo("alice");
        server.connect("alice");
    }

    @Test
    void concurrentRegistrationsRaceForOneNickAndExactlyOneWins() throws InterruptedException {
        int racers = 8;
        for (int round = 0; round < 5; round++) {
            String nick = "racer" + round;
            List<TestClient> clients = new ArrayList<>();
            for (int i = 0; i < racers; i++) clients.add(server.open());
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch sent = new CountDownLatch(racers);
            for (TestClient c : clients) {
                Thread.ofVirtual().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    c.send("NICK " + nick + "\r\nUSER r 0 * :r");
                    sent.countDown();
                });
            }
            go.countDown();
            assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
            int welcomed = 0;
            int refused = 0;
            for (TestClient c : clients) {
                List<IrcMessage> got = c.drain();
                if (got.stream().anyMatch(m -> m.command().equals("001"))) welcomed++;
                if (got.stream().anyMatch(m -> m.command().equals("433"))) refused++;
            }
            assertThat(welcomed).as("round %d", round).isEqualTo(1);
            assertThat(refused).as("round %d", round).isEqualTo(racers - 1);
        }
    }
}
