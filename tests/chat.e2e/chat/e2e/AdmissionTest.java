package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.AbuseLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-address connection limits, throttling, automatic bans, deny/allow lists and the global ceiling. */
class AdmissionTest {

    // Loopback is not exempt here; 127.0.0.2 is let in through the allow list despite the deny of 127.0.0.3.
    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withLimits(AbuseLimits.defaults()
            .withConnections(8, 3, 2, 4, Duration.ofSeconds(60), 3, Duration.ofMinutes(5))
            .withDeny(List.of("127.0.0.3/32", "127.0.0.128/25"), List.of("127.0.0.130"))));

    private static boolean refusedWith(List<IrcMessage> got, String text) {
        return got.stream().anyMatch(m -> m.command().equals("ERROR") && m.last().contains(text));
    }

    @Test
    void concurrentConnectionsPerAddressAreCapped() {
        List<TestClient> ok = new ArrayList<>();
        for (int i = 0; i < 3; i++) ok.add(server.connect("user" + i));
        TestClient fourth = server.open();
        assertThat(refusedWith(fourth.awaitClose(), "Too many connections from your address")).isTrue();
        ok.get(0).send("PRIVMSG #lobby :still fine");
        ok.get(1).expect("PRIVMSG", "#lobby", "still fine");
        ok.get(2).send("QUIT");
        ok.get(2).awaitClose();
        assertThat(server.connect("again").nick()).isEqualTo("again");
    }

    @Test
    void unregisteredConnectionsPerAddressAreCapped() {
        server.open();
        server.open();
        TestClient third = server.open();
        assertThat(refusedWith(third.awaitClose(), "Too many unregistered connections")).isTrue();
    }

    @Test
    void connectingTooFastIsThrottledThenBanned() {
        for (int i = 0; i < 4; i++) {
            TestClient c = server.openFrom("127.0.0.5");
            c.send("QUIT");
            c.awaitClose();
        }
        // The bucket of 4 is spent: refused as too fast, and after 3 refusals the address is banned.
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestClient c = server.openFrom("127.0.0.5");
            c.awaitClose().stream().filter(m -> m.command().equals("ERROR")).forEach(m -> errors.add(m.last()));
        }
        assertThat(errors.get(0)).contains("connecting too fast");
        assertThat(errors.get(errors.size() - 1)).contains("Banned");
        // Other addresses are unaffected.
        assertThat(server.connect("bystander").nick()).isEqualTo("bystander");
    }

    @Test
    void deniedRangesAreRefusedUnlessAllowed() {
        TestClient denied = server.openFrom("127.0.0.3");
        assertThat(refusedWith(denied.awaitClose(), "Banned")).isTrue();
        TestClient deniedRange = server.openFrom("127.0.0.200");
        assertThat(refusedWith(deniedRange.awaitClose(), "Banned")).isTrue();
        TestClient allowed = server.openFrom("127.0.0.130");
        allowed.register("allowed");
        // A banned address reconnecting is refused again.
        assertThat(refusedWith(server.openFrom("127.0.0.3").awaitClose(), "Banned")).isTrue();
    }

    @Test
    void theServerCeilingRefusesWithServerFull() {
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestClient c = server.openFrom("127.0.1." + (i + 1));
            c.register("n" + i);
            clients.add(c);
        }
        TestClient ninth = server.openFrom("127.0.1.99");
        assertThat(refusedWith(ninth.awaitClose(), "Server is full")).isTrue();
        clients.get(0).send("PRIVMSG #lobby :full house");
        clients.get(7).expect("PRIVMSG", "#lobby", "full house");
    }
}
