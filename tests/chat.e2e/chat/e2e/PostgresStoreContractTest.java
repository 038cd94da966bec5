package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.spi.Account;
import chat.server.spi.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL ({@code chat.store.postgres}), a new database for each test, and what only a shared database needs. */
class PostgresStoreContractTest extends StoreContract {

    @Override
    String freshUrl() throws Exception {
        return ThrowawayPostgres.shared().createDatabase();
    }

    @Override
    String password() {
        try {
            return ThrowawayPostgres.shared().password();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void serversStartingTogetherMigrateOnceAndSeeOneAnothersWritesAtOnce() throws Exception {
        int servers = 4;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Store>> opening = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(servers)) {
            for (int i = 0; i < servers; i++) {
                Callable<Store> open = () -> {
                    go.await();
                    return open(url(), password(), Duration.ZERO, 0, Clock.systemUTC());
                };
                opening.add(pool.submit(open));
            }
            go.countDown();
            List<Store> stores = new ArrayList<>();
            for (Future<Store> f : opening) stores.add(f.get());
            try {
                assertThat(stores.get(0).accounts().create(new Account("alice", "alice", credentials(1), null, 1)).get()).isTrue();
                for (Store s : stores) assertThat(s.accounts().find("alice")).isPresent();
                assertThat(stores.get(1).accounts().create(new Account("alice", "alice", credentials(2), null, 2)).get()).isFalse();
            } finally {
                stores.forEach(Store::close);
            }
        }
        try (Connection c = ThrowawayPostgres.shared().connect(ThrowawayPostgres.database(url()));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT version), max(version) FROM schema_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2)).isEqualTo(rs.getInt(3)).isPositive();
        }
    }
}
