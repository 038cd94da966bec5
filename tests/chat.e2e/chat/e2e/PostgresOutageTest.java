package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #11: PostgreSQL stopped while clients talk (a server of this test's own, stopped by its PID): commands that
 * need it FAIL (904 for SASL), live messages keep flowing, the store reconnects by itself once the database is
 * back, and every acknowledged message is in it.
 */
@Tag("Durability")
class PostgresOutageTest {

    /** Messages sent after the database is back before one must be acknowledged again. */
    static final int RECONNECT_ATTEMPTS = 30;

    static ThrowawayPostgres postgres;

    @BeforeAll
    static void database() throws IOException {
        postgres = ThrowawayPostgres.start();
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) postgres.close();
    }

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s.withUrl(postgres.url())
            .withPasswordFile(postgres.passwordFile()));

    @Test
    void theDatabaseStoppedAndStartedMidTraffic() throws Exception {
        AccountTest.registerAccount(server, "alice", "correct horse battery");
        TestClient sender = server.connectWithCaps("sender", "echo-message");
        TestClient receiver = server.connect("receiver");
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            sender.send("PRIVMSG #lobby :before " + i);
            sender.expect("PRIVMSG", "#lobby", "before " + i);
            acknowledged.add("before " + i);
        }

        postgres.stop();
        for (int i = 0; i < 5; i++) {
            sender.send("PRIVMSG #lobby :during " + i);
            receiver.expect("PRIVMSG", "#lobby", "during " + i);
            sender.expect("FAIL", "PRIVMSG", "STORE_FAILED");
        }
        TestClient sasl = StoreOutageTest.accountCommandsAreRefused(server, server.connect("newcomer"), "alice", "correct horse battery");
        assertThat(server.server().storeAvailable()).isFalse();

        postgres.startAgain();
        boolean back = false;
        for (int i = 0; i < RECONNECT_ATTEMPTS && !back; i++) {
            String text = "after " + i;
            sender.send("PRIVMSG #lobby :" + text);
            receiver.expect("PRIVMSG", "#lobby", text);
            List<IrcMessage> answer = sender.drain();
            if (answer.stream().anyMatch(m -> m.command().equals("PRIVMSG") && m.last().equals(text))) {
                acknowledged.add(text);
                back = true;
            } else {
                assertThat(answer).anyMatch(m -> m.command().equals("FAIL"));
            }
        }
        assertThat(back).as("the store reconnected on its own").isTrue();
        assertThat(server.server().storeAvailable()).isTrue();
        Sasl.loginPlain(sasl, "alice", "correct horse battery");
        sasl.expect("903", "*");

        List<String> stored = new ArrayList<>();
        try (Connection c = postgres.connect("chat"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT text FROM messages")) {
            while (rs.next()) stored.add(rs.getString(1));
        }
        assertThat(stored).containsAll(acknowledged).noneMatch(t -> t.startsWith("during"));
    }
}
