package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #11: two chat servers on one PostgreSQL database share accounts and history at once. */
class PostgresServersTest {

    private final ThrowawayPostgres postgres = shared();
    private final String url = postgres.createDatabase();

    @RegisterExtension
    final ServerExtension a = ServerExtension.withStore(s -> s.withUrl(url).withPasswordFile(postgres.passwordFile()));

    @RegisterExtension
    final ServerExtension b = ServerExtension.withStore(s -> s.withUrl(url).withPasswordFile(postgres.passwordFile()));

    private static ThrowawayPostgres shared() {
        try {
            return ThrowawayPostgres.shared();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAccountRegisteredOnOneServerLogsInOnTheOther() {
        TestClient alice = a.connect("alice");
        alice.send("REGISTER * * :correct horse battery");
        alice.expect("REGISTER", "SUCCESS", "alice");

        TestClient onB = b.open();
        onB.send("CAP LS 302");
        onB.expect("CAP", "*", "LS");
        onB.send("CAP REQ sasl");
        onB.expect("CAP", "*", "ACK");
        Sasl.loginPlain(onB, "alice", "correct horse battery");
        onB.expect("900", "*", "*", "alice");
        onB.expect("903", "*");

        TestClient again = b.connect("alice");
        again.send("REGISTER * * :another password here");
        again.expect("FAIL", "REGISTER", "ACCOUNT_EXISTS");
    }

    @Test
    void historyWrittenOnBothServersIsReadOnEitherWithUniqueMsgids() throws Exception {
        String[] caps = {"echo-message", "draft/chathistory", "batch", "server-time", "message-tags"};
        TestClient onA = a.connectWithCaps("anne", caps);
        TestClient onB = b.connectWithCaps("bert", caps);
        for (TestClient c : List.of(onA, onB)) {
            c.send("JOIN #shared");
            c.expect("366");
        }
        for (int i = 0; i < 20; i++) {
            onA.send("PRIVMSG #shared :from a " + i);
            onB.send("PRIVMSG #shared :from b " + i);
            onA.expect("PRIVMSG", "#shared", "from a " + i);
            onB.expect("PRIVMSG", "#shared", "from b " + i);
        }
        for (TestClient reader : List.of(onA, onB)) {
            reader.send("CHATHISTORY LATEST #shared * 100");
            List<String> texts = reader.drain().stream().filter(m -> m.command().equals("PRIVMSG")).map(IrcMessage::last).toList();
            assertThat(texts).hasSize(40).contains("from a 0", "from b 19");
        }
        try (Connection c = postgres.connect(ThrowawayPostgres.database(url)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT msgid) FROM messages")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(40).isEqualTo(rs.getInt(2));
        }
    }
}
