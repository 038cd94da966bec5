package chat.e2e;

import chat.server.StoreConfig;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nickname ownership in refuse mode: someone else's registered nickname is never granted. */
@Tag("IRCv3")
class NickRefuseTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s.withNickOwnership(Duration.ofSeconds(30),
            StoreConfig.NickEnforcement.REFUSE));

    @Test
    void aRegisteredNickIsRefusedUnlessLoggedIn() {
        AccountTest.registerAccount(server, "olga", "olga-secret");
        TestClient other = server.connect("someone");
        other.send("NICK olga");
        other.expect("433", "someone", "olga", "Nickname is reserved by a different account");
        TestClient early = server.open();
        early.send("NICK olga");
        early.expect("433", "*", "olga");
        TestClient owner = server.open();
        owner.send("PASS olga-secret");
        owner.send("NICK olga");
        owner.expect("900", "*", "*", "olga");
        owner.send("USER olga 0 * :Olga");
        owner.expect("001", "olga");
    }
}
