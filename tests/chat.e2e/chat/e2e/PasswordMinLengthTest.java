package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --password-min-length}: the shortest password registration and NickServ SET PASSWORD accept. */
class PasswordMinLengthTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s, c -> c.with(Options.PASSWORD_MIN_LENGTH, 4));

    @Test
    void registrationAndPasswordChangeFollowTheConfiguredMinimum() {
        TestClient c = server.connect("mia");
        c.send("REGISTER * * abc");
        assertThat(c.expect("FAIL", "REGISTER", "WEAK_PASSWORD", "mia").params()).last().asString()
                .contains("at least 4");
        c.send("REGISTER * * abcd");
        c.expect("REGISTER", "SUCCESS", "mia");
        c.send("PRIVMSG NickServ :SET PASSWORD xyz");
        assertThat(c.expect("NOTICE", "mia").params()).last().asString().contains("must be 4 to");
        c.send("PRIVMSG NickServ :SET PASSWORD wxyz");
        c.expect("NOTICE", "mia", "Password changed.");

        TestClient again = server.open();
        again.send("CAP REQ :sasl");
        again.expect("CAP", "*", "ACK");
        Sasl.loginPlain(again, "mia", "wxyz");
        again.expect("903", "*");
    }
}
