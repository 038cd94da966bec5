package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #store's durability promise: the server (a child JVM) is killed with SIGKILL while clients are sending;
 * after a restart every message whose echo a client had received is in the history, the database passes
 * SQLite's integrity check, and no row is partial.
 */
@Tag("Durability")
class CrashTest {

    private static final Pattern LINE = Pattern.compile("c(\\d)-(\\d+)-x{40}-end");
    /** Acknowledged messages after which the server is killed. */
    private static final int KILL_AFTER = 300;
    private static final int SENDERS = 3;
    private static final int WINDOW = 8;

    @TempDir
    Path data;

    private final List<ChildServer> servers = new ArrayList<>();

    @AfterEach
    void stopChildren() throws IOException {
        for (ChildServer s : servers) s.close();
    }

    /** Starts the server in a JVM of its own with these store arguments (none: SQLite in the data directory); returns its port. */
    private int startServer(String... storeArgs) throws Exception {
        // #16: like ServerExtension's server: no TLS listener, loopback exempt from flood control (it was
        // throttled for most of its run).
        List<String> args = new ArrayList<>(List.of("--tls-port", "-1", "--exempt", "127.0.0.0/8,::1"));
        args.addAll(List.of(storeArgs));
        servers.add(ChildServer.start(data, null, args.toArray(String[]::new)));
        return servers.getLast().port();
    }

    private static TestClient client(int port, String nick, String... caps) throws IOException {
        TestClient c = new TestClient("127.0.0.1", port);
        c.send("CAP LS 302");
        c.send("CAP REQ :" + String.join(" ", caps));
        c.expect("CAP", "*", "ACK");
        c.send("CAP END");
        c.register(nick);
        return c;
    }

    @Test
    void everyAcknowledgedMessageSurvivesAKill() throws Exception {
        Set<String> stored = acknowledgedSurviveAKill();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("chat.db"));
             Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            assertRowsWhole(s, stored);
        }
    }

    /** #11: the same on PostgreSQL: a kill -9 of chat loses no acknowledged message. */
    @Test
    void everyAcknowledgedMessageSurvivesAKillOnPostgres() throws Exception {
        ThrowawayPostgres postgres = ThrowawayPostgres.shared();
        String url = postgres.createDatabase();
        Set<String> stored = acknowledgedSurviveAKill("--store", url, "--store-password-file", postgres.passwordFile().toString());
        try (Connection db = postgres.connect(ThrowawayPostgres.database(url)); Statement s = db.createStatement()) {
            assertRowsWhole(s, stored);
        }
    }

    /**
     * Three senders write to #lobby until enough are acknowledged, the server is killed, a new one started on
     * the same store: every acknowledged message is in its history. Returns what history holds.
     */
    private Set<String> acknowledgedSurviveAKill(String... storeArgs) throws Exception {
        int port = startServer(storeArgs);
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int k = 0; k < SENDERS; k++) {
            TestClient c = client(port, "sender" + k, "echo-message");
            int id = k;
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; ; i += WINDOW) {
                        for (int j = i; j < i + WINDOW; j++) c.send("PRIVMSG #lobby :" + text(id, j));
                        for (int j = i; j < i + WINDOW; j++) {
                            c.expect("PRIVMSG", "#lobby", text(id, j));
                            acked.add(text(id, j));
                            if (count.incrementAndGet() >= KILL_AFTER) enough.countDown();
                        }
                    }
                } catch (AssertionError closed) {
                    // the server is gone: what was acknowledged so far is the promise to check
                } finally {
                    c.close();
                }
            }));
        }
        assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
        servers.get(0).kill(); // SIGKILL mid-traffic
        for (Thread t : senders) t.join(TimeUnit.SECONDS.toMillis(30));
        Set<String> promised = new HashSet<>(acked);
        assertThat(promised).hasSizeGreaterThanOrEqualTo(KILL_AFTER);

        int again = startServer(storeArgs);
        TestClient reader = client(again, "reader", "server-time", "message-tags", "batch", "draft/chathistory");
        Set<String> stored = new HashSet<>();
        String before = "*";
        while (true) {
            reader.send(before.equals("*") ? "CHATHISTORY LATEST #lobby * 100" : "CHATHISTORY BEFORE #lobby " + before + " 100");
            List<IrcMessage> page = reader.drain().stream().filter(m -> m.command().equals("PRIVMSG")).toList();
            if (page.isEmpty()) break;
            for (IrcMessage m : page) stored.add(m.last());
            before = "msgid=" + page.get(0).tags().get("msgid");
        }
        assertThat(stored).containsAll(promised);
        return stored;
    }

    /** Every row is a whole message, and there are as many as history showed. */
    private static void assertRowsWhole(Statement s, Set<String> stored) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT text, msgid, source, conversation FROM messages")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString(1)).matches(LINE);
                assertThat(rs.getString(2)).isNotBlank();
                assertThat(rs.getString(3)).startsWith("sender");
                assertThat(rs.getString(4)).isEqualTo("#lobby");
            }
            assertThat(rows).isEqualTo(stored.size());
        }
    }

    private static String text(int sender, int i) {
        return "c" + sender + "-" + i + "-" + "x".repeat(40) + "-end";
    }
}
