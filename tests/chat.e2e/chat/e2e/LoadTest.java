package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients at once: correctness under concurrency, not speed (speed lives in make bench). */
class LoadTest {

    private static final int CLIENTS = 1000;

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void thousandClientsRegisterConcurrently() throws InterruptedException, ExecutionException {
        List<Future<TestClient>> registered = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CLIENTS; i++) {
                String nick = "user" + i;
                registered.add(pool.submit(() -> server.connect(nick)));
            }
        }
        for (Future<TestClient> f : registered) assertThat(f.get().nick()).startsWith("user");
        assertThat(server.server().userCount()).isEqualTo(CLIENTS);
        TestClient last = registered.get(CLIENTS - 1).get();
        TestClient first = registered.get(0).get();
        first.send("PRIVMSG #lobby :hello thousand");
        last.expect("PRIVMSG", "#lobby", "hello thousand");
    }
}
