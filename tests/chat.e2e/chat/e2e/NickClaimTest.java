package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.StoreConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #10 (5): a registered nickname could be held forever by changing away and back (each change restarted the
 * log-in timer), and its logged-in owner got 433. The time now belongs to the nickname; the owner takes it
 * back with NICK, NickServ REGAIN or GHOST.
 */
@Tag("security")
class NickClaimTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s.withNickOwnership(Duration.ofSeconds(2),
            StoreConfig.NickEnforcement.GUEST));

    private static boolean renamedToGuest(List<IrcMessage> got) {
        return got.stream().anyMatch(m -> m.command().equals("NICK") && m.last().startsWith("Guest"));
    }

    @Test
    void changingAwayAndBackDoesNotRestartTheTime() {
        AccountTest.registerAccount(server, "bob", "bobs password");
        TestClient impostor = server.connect("bob");
        impostor.expect("NOTICE", "bob");
        boolean renamed = false;
        long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!renamed && System.nanoTime() < giveUp) {
            impostor.send("NICK notbob");
            impostor.send("NICK bob");
            renamed = renamedToGuest(impostor.drain());
        }
        assertThat(renamed).as("the impostor lost the nickname although he kept changing away and back").isTrue();
    }

    @Test
    void theLoggedInOwnerTakesHisNicknameBackWithNick() {
        AccountTest.registerAccount(server, "bob", "bobs password");
        TestClient impostor = server.connect("bob");
        TestClient owner = saslLogin(server, "bobby");
        owner.send("NICK bob");
        owner.expect("NICK", "bob");
        assertThat(owner.drain()).noneMatch(m -> m.command().equals("433"));
        assertThat(impostor.until("NICK").getLast().last()).startsWith("Guest");
    }

    private static TestClient saslLogin(ServerExtension server, String nick) {
        TestClient c = server.open();
        c.send("CAP LS 302");
        c.send("CAP REQ :sasl");
        c.expect("CAP", "*", "ACK");
        Sasl.loginPlain(c, "bob", "bobs password");
        c.expect("903");
        c.send("CAP END");
        c.register(nick);
        return c;
    }

    @Test
    void nickServRegainRenamesTheHolderAndGhostDisconnectsHim() {
        AccountTest.registerAccount(server, "bob", "bobs password");
        TestClient impostor = server.connect("bob");
        TestClient owner = saslLogin(server, "bob_");
        owner.send("PRIVMSG NickServ :REGAIN");
        owner.expect("NICK", "bob");
        assertThat(owner.expect("NOTICE", "bob").last()).isEqualTo("You have your nickname bob back.");
        assertThat(impostor.until("NICK").getLast().last()).startsWith("Guest");

        TestClient second = server.connect("someone");
        owner.send("NICK elsewhere");
        owner.expect("NICK", "elsewhere");
        second.send("NICK bob");
        second.expect("NICK", "bob");
        owner.send("PRIVMSG NickServ :GHOST bob");
        assertThat(owner.until("NOTICE", "elsewhere").getLast().last()).isEqualTo("bob has been disconnected.");
        assertThat(second.awaitClose()).anyMatch(m -> m.command().equals("ERROR") && m.last().contains("GHOST"));

        TestClient stranger = server.connect("stranger");
        stranger.send("PRIVMSG NickServ :GHOST elsewhere");
        assertThat(stranger.until("NOTICE", "stranger").getLast().last()).startsWith("You can only ghost");
    }
}
