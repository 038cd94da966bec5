package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile traffic: registered clients (operators among them) send thousands of random lines built from the
 * server's own command set and values that have broken servers before ({@link FuzzLines}), with a store behind
 * the server. After every few lines each client must get the answer to its PING (no hang), no client may ever
 * be closed with "Internal error" (an exception in a handler), and a newcomer must still be able to chat.
 */
class GrammarFuzzTest {

    private static final int CLIENTS = 6;
    private static final int ROUNDS = 60;
    private static final int LINES_PER_ROUND = 8;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s, Opers::withAdmin);

    private int connections;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomLinesNeverHangCrashOrHarmAnyone(long seed) throws IOException {
        FuzzLines lines = new FuzzLines(seed);
        List<String> internalErrors = new ArrayList<>();
        List<FuzzClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) clients.add(connect());
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < CLIENTS; i++) {
                FuzzClient c = clients.get(i);
                List<String> got = c.sendLines(lines, LINES_PER_ROUND, "sync" + seed + "-" + round + "-" + i);
                got.stream().filter(l -> l.startsWith("ERROR") && l.contains("Internal error"))
                        .forEach(l -> internalErrors.add(c.nick + " (seed " + seed + ", round " + c.lastBatch + "): " + l));
                if (c.closed) clients.set(i, connect());
            }
        }
        assertThat(internalErrors).isEmpty();
        for (FuzzClient c : clients) c.socket.close();
        TestClient newcomer = server.connect("newcomer");
        TestClient witness = server.connect("witness");
        newcomer.send("PRIVMSG #lobby :still serving");
        assertThat(witness.expect("PRIVMSG", "#lobby").last()).isEqualTo("still serving");
    }

    private FuzzClient connect() throws IOException {
        return FuzzClient.register(server.port(), "f" + connections++);
    }
}
