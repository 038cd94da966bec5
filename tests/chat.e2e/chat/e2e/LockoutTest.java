package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #10 (3): wrong passwords must slow only whoever sends them. Before, five failures a minute from anywhere
 * locked the account for everyone, its owner included.
 */
@Tag("security")
class LockoutTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s);

    private TestClient saslCapable(String from) {
        TestClient c = server.openFrom(from);
        c.send("CAP LS 302");
        c.send("CAP REQ :sasl");
        c.expect("CAP", "*", "ACK");
        return c;
    }

    /** The owner, from an address of his own, logs in with SASL PLAIN; returns what came up to the success. */
    private List<IrcMessage> ownerLogsIn(String from, String nick) {
        TestClient owner = saslCapable(from);
        Sasl.loginPlain(owner, "victim", "the-right-password");
        List<IrcMessage> got = owner.until("903");
        owner.send("CAP END");
        owner.register(nick);
        return got;
    }

    @Test
    void anAttackerWhoTriesWrongPasswordsLocksOutOnlyHimself() {
        AccountTest.registerAccount(server, "victim", "the-right-password");
        TestClient attacker = saslCapable("127.0.0.2");
        for (int i = 0; i < 5; i++) {
            Sasl.loginPlain(attacker, "victim", "guess " + i);
            assertThat(attacker.expect("904").last()).isEqualTo("SASL authentication failed");
        }
        Sasl.loginPlain(attacker, "victim", "the-right-password");
        assertThat(attacker.expect("904").last()).matches(
                "SASL authentication failed: too many failed attempts from your address, try again in \\d+ seconds");
        attacker.send("CAP END");
        attacker.register("mallory");
        attacker.send("PRIVMSG NickServ :IDENTIFY victim guess");
        assertThat(attacker.expect("NOTICE", "mallory").last()).startsWith("Too many failed logins from your address");

        TestClient owner = saslCapable("127.0.0.3");
        Sasl.loginPlain(owner, "victim", "the-right-password");
        owner.expect("903");
        owner.send("CAP END");
        owner.register("victim");
        assertThat(owner.drain()).noneMatch(m -> m.command().equals("904"));

        TestClient byNickServ = server.connectFrom("127.0.0.4", "other");
        byNickServ.send("PRIVMSG NickServ :IDENTIFY victim the-right-password");
        assertThat(byNickServ.expect("NOTICE", "other").last()).isEqualTo("You are now logged in as victim.");
    }

    @Test
    void theOwnerIsToldAboutTheFailedAttemptsWhenHeLogsIn() {
        AccountTest.registerAccount(server, "victim", "the-right-password");
        TestClient attacker = server.connectFrom("127.0.0.5", "mallory");
        for (int i = 0; i < 3; i++) {
            attacker.send("PRIVMSG NickServ :IDENTIFY victim guess" + i);
            assertThat(attacker.expect("NOTICE", "mallory").last()).isEqualTo("Invalid account name or password.");
        }
        IrcMessage told = ownerLogsIn("127.0.0.6", "victim").stream().filter(m -> m.command().equals("NOTICE")).findFirst().orElseThrow();
        assertThat(told.sourceNick()).isEqualTo("NickServ");
        assertThat(told.last()).startsWith("3 failed attempts to log in to your account since your last login, the last from 127.0.0.5");
        // told once: the next login starts from zero
        assertThat(ownerLogsIn("127.0.0.7", "victim2")).noneMatch(m -> m.command().equals("NOTICE") && m.last().contains("failed attempt"));
    }

    @Test
    void manyAddressesAttackingOneAccountStopThemselvesNotTheOwner() {
        AccountTest.registerAccount(server, "victim", "the-right-password");
        // 20 failures from 20 addresses: the account is under attack
        for (int i = 0; i < 20; i++) {
            TestClient bot = saslCapable("127.0.3." + (i + 1));
            Sasl.loginPlain(bot, "victim", "guess");
            assertThat(bot.expect("904").last()).isEqualTo("SASL authentication failed");
            bot.close();
        }
        // an address that already failed on it waits, even with the-right-password
        TestClient again = saslCapable("127.0.3.1");
        Sasl.loginPlain(again, "victim", "the-right-password");
        assertThat(again.expect("904").last()).contains("too many failed attempts from your address");
        // the owner, from an address that never failed, logs in
        assertThat(ownerLogsIn("127.0.4.1", "victim")).anyMatch(m -> m.command().equals("NOTICE") && m.last().startsWith("20 failed"));
    }

    @Test
    void oneAddressGuessingManyAccountsIsStoppedForAllOfThem() {
        for (int i = 0; i < 3; i++) AccountTest.registerAccount(server, "user" + i, "secret-" + i + "-pass");
        TestClient attacker = server.connectFrom("127.0.0.8", "mallory");
        for (int i = 0; i < 10; i++) {
            attacker.send("PRIVMSG NickServ :IDENTIFY user" + (i % 3) + " guess" + i);
            assertThat(attacker.expect("NOTICE", "mallory").last()).isEqualTo("Invalid account name or password.");
        }
        attacker.send("PRIVMSG NickServ :IDENTIFY user0 secret-0-pass");
        assertThat(attacker.expect("NOTICE", "mallory").last()).startsWith("Too many failed logins from your address");
        TestClient owner = server.connectFrom("127.0.0.9", "user0");
        owner.send("PRIVMSG NickServ :IDENTIFY secret-0-pass");
        assertThat(owner.until("NOTICE", "user0", "You are now logged in as user0.")).noneMatch(m -> m.command().equals("464"));
    }
}
