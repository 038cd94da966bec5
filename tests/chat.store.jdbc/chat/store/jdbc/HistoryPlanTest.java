package chat.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoreProvider;
import chat.server.spi.StoredMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #11: the history queries the store runs are served by indexes on PostgreSQL, checked with EXPLAIN on a
 * table large enough for the planner to care (a throwaway PostgreSQL from scripts/throwaway-postgres.sh).
 */
class HistoryPlanTest {

    static final int CONVERSATIONS = 200;
    static final int MESSAGES = 40_000;

    static Path dir;
    static String jdbcUrl;
    static String password;

    @BeforeAll
    static void database() throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "chat-pg-plan-");
        script("start", dir.toString());
        int port = Integer.parseInt(Files.readString(dir.resolve("port")).trim());
        password = Files.readString(dir.resolve("password")).trim();
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/chat";
        HistoryPlanTest.class.getModule().addUses(StoreProvider.class);
        StoreOptions options = new StoreOptions("postgresql://chat@127.0.0.1:" + port + "/chat", password, false,
                Duration.ZERO, 0, Clock.systemUTC());
        StoreProvider postgres = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.schemes().contains("postgresql")).findFirst().orElseThrow();
        try (Store store = postgres.open(options)) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                String conversation = "#c" + (i % CONVERSATIONS);
                writes.add(store.history().append(new StoredMessage(0, "id" + i, 1_000_000L + i, conversation, "a!b@c",
                        null, "PRIVMSG", conversation, "text " + i, Map.of()), List.of()));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (dir == null) return;
        script("stop", dir.toString());
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    @Test
    void aPageOfOneConversationUsesTheConversationTimeIndex() throws Exception {
        for (boolean newest : new boolean[] {true, false}) {
            String plan = explain(JdbcHistory.rangeSql(true, true, newest), "#c7", 1_000_100L, 1_000_100L, 5L,
                    1_030_000L, 1_030_000L, 0L, 50);
            assertThat(plan).contains("messages_by_conversation").doesNotContain("Seq Scan");
        }
        assertThat(explain(JdbcHistory.rangeSql(false, false, true), "#c7", 50)).contains("messages_by_conversation")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aMsgidIsFoundByItsIndex() throws Exception {
        assertThat(explain(JdbcHistory.POSITION_SQL, "id12345", "#c145")).contains("messages_by_msgid").doesNotContain("Seq Scan");
    }

    private static String explain(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "chat", password);
    }

    private static void script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of("scripts/throwaway-postgres.sh").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("throwaway-postgres failed: " + out);
    }
}
