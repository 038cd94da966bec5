package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.StoreConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Accounts: draft/account-registration, SASL PLAIN and SCRAM-SHA-256, PASS, NickServ, nickname ownership. */
@Tag("IRCv3")
class AccountTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s.withNickOwnership(Duration.ofMillis(300),
            StoreConfig.NickEnforcement.GUEST));

    /** Registers {@code nick} with the draft REGISTER command and disconnects. */
    static void registerAccount(ServerExtension server, String nick, String password) {
        TestClient c = server.connect(nick);
        c.send("REGISTER * * :" + password);
        c.expect("REGISTER", "SUCCESS", nick);
        c.expect("900", nick, "*", nick);
        quit(c);
    }

    /** Quits and waits until the server closed the connection, so that its nickname is free again. */
    static void quit(TestClient c) {
        c.send("QUIT");
        c.awaitClose();
    }

    /** A client that logs in with SASL PLAIN during CAP negotiation, then registers. */
    static TestClient saslClient(ServerExtension server, String nick, String password, String... caps) {
        TestClient c = server.open();
        c.send("CAP LS 302");
        c.expect("CAP", "*", "LS");
        c.send("CAP REQ :" + String.join(" ", List.of(caps)) + (caps.length > 0 ? " " : "") + "sasl");
        c.expect("CAP", "*", "ACK");
        Sasl.loginPlain(c, nick, password);
        c.expect("903", "*");
        c.send("CAP END");
        c.register(nick);
        return c;
    }

    @Test
    void capLs302OffersSaslWithItsMechanismsAndRegistration() {
        TestClient c = server.open();
        c.send("CAP LS 302");
        List<String> caps = c.drain().stream().filter(m -> m.command().equals("CAP"))
                .flatMap(m -> java.util.Arrays.stream(m.last().split(" "))).toList();
        assertThat(caps).contains("sasl=PLAIN,SCRAM-SHA-256", "draft/account-registration=before-connect",
                "draft/chathistory");
        c.send("CAP LS");
        assertThat(c.expect("CAP", "*", "LS").last().split(" ")).contains("sasl");
    }

    @Test
    void registerThenLogInWithPlainDuringCapNegotiation() {
        TestClient fresh = server.connect("alice");
        fresh.send("REGISTER * * :correct horse");
        fresh.expect("REGISTER", "SUCCESS", "alice", "*");
        IrcMessage loggedIn = fresh.expect("900", "alice");
        assertThat(loggedIn.params()).containsExactly("alice", "alice!~alice@127.0.0.1", "alice", "You are now logged in as alice");
        quit(fresh);

        TestClient c = server.open();
        c.send("CAP LS 302");
        c.send("CAP REQ :sasl");
        c.expect("CAP", "*", "ACK", "sasl");
        Sasl.loginPlain(c, "alice", "correct horse");
        c.expect("900", "*", "*", "alice");
        c.expect("903", "*");
        c.send("CAP END");
        c.register("alice");
    }

    @Test
    void scramSha256LogsIn() throws Exception {
        registerAccount(server, "bob", "s3cret pass");
        TestClient c = server.open();
        c.send("CAP LS 302");
        c.send("CAP REQ :sasl");
        c.expect("CAP", "*", "ACK");
        Sasl.Scram scram = new Sasl.Scram("bob", "s3cret pass");
        c.send("AUTHENTICATE SCRAM-SHA-256");
        c.expect("AUTHENTICATE", "+");
        c.send("AUTHENTICATE " + Sasl.b64(scram.clientFirst()));
        String serverFirst = Sasl.unb64(c.expect("AUTHENTICATE").param(0));
        c.send("AUTHENTICATE " + Sasl.b64(scram.clientFinal(serverFirst)));
        String serverFinal = Sasl.unb64(c.expect("AUTHENTICATE").param(0));
        assertThat(scram.verifies(serverFinal)).isTrue();
        c.send("AUTHENTICATE +");
        c.expect("900", "*", "*", "bob");
        c.expect("903");
        c.send("CAP END");
        c.register("bob");
    }

    @Test
    void scramWithTheWrongPasswordFails() throws Exception {
        registerAccount(server, "bob", "s3cret pass");
        TestClient c = server.open();
        Sasl.Scram scram = new Sasl.Scram("bob", "wrong pass");
        c.send("AUTHENTICATE SCRAM-SHA-256");
        c.expect("AUTHENTICATE", "+");
        c.send("AUTHENTICATE " + Sasl.b64(scram.clientFirst()));
        String serverFirst = Sasl.unb64(c.expect("AUTHENTICATE").param(0));
        c.send("AUTHENTICATE " + Sasl.b64(scram.clientFinal(serverFirst)));
        c.expect("904");
        assertThat(c.drain()).noneMatch(m -> m.command().equals("900") || m.command().equals("903"));
    }

    @Test
    void wrongPasswordsFailAndAreThrottledPerAccount() {
        registerAccount(server, "carol", "right password");
        TestClient c = server.open();
        for (int i = 0; i < 5; i++) {
            Sasl.loginPlain(c, "carol", "wrong password " + i);
            assertThat(c.expect("904", "*").last()).isEqualTo("SASL authentication failed");
        }
        Sasl.loginPlain(c, "carol", "right password");
        assertThat(c.expect("904", "*").last()).contains("too many failed attempts");
        c.send("AUTHENTICATE FROBNICATE");
        c.expect("908", "*", "PLAIN,SCRAM-SHA-256");
        c.expect("904");
        c.register("dave");
        Sasl.loginPlain(c, "nobody", "whatever pass");
        c.expect("904", "dave");
    }

    @Test
    void passAccountColonPasswordAndPassAloneLogIn() {
        registerAccount(server, "erin", "erin's password");
        TestClient c = server.open();
        c.send("PASS :erin:erin's password");
        c.expect("900", "*", "*", "erin");
        c.register("erin");
        quit(c);
        TestClient d = server.open();
        d.send("PASS :erin's password");
        d.send("NICK erin");
        d.expect("900", "erin", "*", "erin");
        d.send("USER erin 0 * :Erin");
        d.expect("001", "erin");
        TestClient asker = server.connect("asker");
        asker.send("WHOIS erin");
        asker.expect("330", "asker", "erin", "erin");
        asker.send("WHO erin %na");
        asker.expect("354", "asker", "erin", "erin");
        TestClient e = server.open();
        e.send("PASS erin:wrong");
        e.expect("464");
    }

    @Test
    void nickServRegistersIdentifiesInformsChangesPasswordsAndDrops() {
        TestClient c = server.connect("frank");
        c.send("PRIVMSG NickServ :REGISTER frankpass1");
        assertThat(c.expect("NOTICE", "frank").source()).startsWith("NickServ!");
        c.expect("900", "frank", "*", "frank");
        c.send("NS SET PASSWORD frankpass2");
        assertThat(c.expect("NOTICE", "frank").last()).isEqualTo("Password changed.");
        c.send("NICKSERV INFO");
        assertThat(c.expect("NOTICE", "frank").last()).startsWith("Account frank was registered on");
        quit(c);

        TestClient d = server.connect("frank");
        d.expect("NOTICE", "frank");
        d.send("PRIVMSG NickServ :IDENTIFY frankpass1");
        assertThat(d.expect("NOTICE", "frank").last()).isEqualTo("Invalid account name or password.");
        d.send("PRIVMSG NickServ :IDENTIFY frank frankpass2");
        d.expect("900", "frank", "*", "frank");
        d.send("PRIVMSG nickserv :DROP");
        d.expect("901", "frank");
        // #10: the answer says what went with the account
        assertThat(d.expect("NOTICE", "frank").last()).startsWith("Account frank was dropped. Deleted with it: ");
        d.send("PRIVMSG NickServ :INFO frank");
        assertThat(d.expect("NOTICE", "frank").last()).isEqualTo("No account is registered as frank.");
    }

    @Test
    void aRegisteredNickIsTakenFromWhoeverDoesNotLogIn() {
        registerAccount(server, "gina", "gina's-secret");
        TestClient watcher = server.connect("watcher");
        TestClient impostor = server.connect("gina");
        assertThat(impostor.expect("NOTICE", "gina").last()).contains("This nickname is registered");
        IrcMessage rename = impostor.expect("NICK");
        assertThat(rename.sourceNick()).isEqualTo("gina");
        assertThat(rename.param(0)).startsWith("Guest");
        assertThat(watcher.expect("NICK").param(0)).isEqualTo(rename.param(0));

        TestClient owner = server.connect("other");
        owner.send("NICK gina");
        owner.expect("NICK", "gina");
        owner.expect("NOTICE", "gina");
        owner.send("NS IDENTIFY gina's-secret");
        owner.expect("900", "gina");
        assertThat(owner.drain()).noneMatch(m -> m.command().equals("NICK"));
    }

    @Test
    void extendedJoinAccountTagAndAccountNotifyCarryTheAccount() {
        registerAccount(server, "hank", "hank's secret");
        TestClient peer = server.connectWithCaps("peer", "extended-join", "account-tag", "account-notify");
        TestClient hank = saslClient(server, "hank", "hank's secret");
        assertThat(peer.expect("JOIN", "#lobby").params()).containsExactly("#lobby", "hank", "Test hank");
        hank.send("PRIVMSG #lobby :hello");
        assertThat(peer.expect("PRIVMSG", "#lobby", "hello").tags()).containsEntry("account", "hank");
        TestClient late = server.connect("late");
        assertThat(peer.expect("JOIN", "#lobby").params()).containsExactly("#lobby", "*", "Test late");
        registerAccount(server, "ivy", "ivy's-secret0");
        late.send("NICK ivy");
        late.send("NS IDENTIFY ivy's-secret0");
        late.expect("900", "ivy");
        IrcMessage account = peer.expect("ACCOUNT", "ivy");
        assertThat(account.sourceNick()).isEqualTo("ivy");
    }

    @Test
    void accountTagRidesOnEveryEventOfALoggedInUserAndOnNoneOfAGuest() {
        registerAccount(server, "olga", "olga's secret");
        TestClient peer = server.connectWithCaps("pia", "account-tag");
        TestClient guest = server.connect("gus");
        TestClient olga = saslClient(server, "olga", "olga's secret");
        olga.send("JOIN #tags");
        olga.expect("366");
        olga.send("INVITE pia #tags");
        assertThat(peer.expect("INVITE", "pia", "#tags").tags()).containsEntry("account", "olga");
        peer.send("JOIN #tags");
        peer.expect("366");
        guest.send("JOIN #tags");
        assertThat(peer.expect("JOIN", "#tags").tags()).doesNotContainKey("account");
        olga.send("TOPIC #tags :tagged");
        assertThat(peer.expect("TOPIC", "#tags", "tagged").tags()).containsEntry("account", "olga");
        olga.send("MODE #tags +v gus");
        assertThat(peer.expect("MODE", "#tags", "+v", "gus").tags()).containsEntry("account", "olga");
        olga.send("NICK olga2");
        assertThat(peer.expect("NICK", "olga2").tags()).containsEntry("account", "olga");
        guest.send("PART #tags :bye");
        assertThat(peer.expect("PART", "#tags", "bye").tags()).doesNotContainKey("account");
        olga.send("PART #tags");
        assertThat(peer.expect("PART", "#tags").tags()).containsEntry("account", "olga");
    }

    @Test
    void registrationRefusalsUseStandardReplies() {
        registerAccount(server, "jack", "jack's secret");
        TestClient c = server.connect("kate");
        c.send("REGISTER * * short");
        c.expect("FAIL", "REGISTER", "WEAK_PASSWORD", "kate");
        c.send("REGISTER someoneelse * longenough");
        c.expect("FAIL", "REGISTER", "ACCOUNT_NAME_MUST_BE_NICK");
        c.send("REGISTER kate notanemail longenough");
        c.expect("FAIL", "REGISTER", "INVALID_EMAIL", "kate");
        c.send("REGISTER kate kate@example.com longenough");
        c.expect("REGISTER", "SUCCESS", "kate");
        c.send("REGISTER kate * longenough");
        c.expect("FAIL", "REGISTER", "ALREADY_AUTHENTICATED");
        TestClient early = server.open();
        early.send("REGISTER * * longenough");
        early.expect("FAIL", "REGISTER", "NEED_NICK");
    }

    @Test
    void hostileAccountNamesAndHugeAuthenticatePayloadsAreRefusedHarmlessly() {
        registerAccount(server, "lara", "lara's secret");
        TestClient c = server.open();
        for (String name : List.of("x'); DROP TABLE accounts; --", "名前", "lara' OR '1'='1", "lara\u0000")) {
            Sasl.loginPlain(c, name, "lara's secret");
            c.expect("904");
        }
        c.send("PASS :x');DROP TABLE accounts;--:pw");
        c.expect("464");
        c.send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE", "+");
        c.send("AUTHENTICATE " + "A".repeat(401));
        c.expect("905");
        c.send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE", "+");
        // Each chunk is legal (400 bytes), together they are too long: the exchange fails (904, not 905).
        for (int i = 0; i < 21; i++) c.send("AUTHENTICATE " + "A".repeat(400));
        c.expect("904");
        c.send("AUTHENTICATE *");
        c.expect("906");
        c.register("mallory");
        c.send("REGISTER mallory * :" + "p".repeat(301));
        c.expect("FAIL", "REGISTER", "UNACCEPTABLE_PASSWORD");
        TestClient lara = saslClient(server, "lara", "lara's secret");
        lara.send("AUTHENTICATE PLAIN");
        lara.expect("907", "lara");
    }

    @Test
    void accountsSurviveARestart() {
        registerAccount(server, "nina", "nina's secret");
        server.restart();
        saslClient(server, "nina", "nina's secret");
    }
}
