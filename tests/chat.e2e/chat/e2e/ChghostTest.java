package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CHGHOST by an operator, and the IRCv3 chghost capability that tells clients about it. */
@Tag("IRCv3")
class ChghostTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(Opers::withAdmin);

    @Test
    void capableClientsSeeTheNewHostAndOthersSeeNothing() {
        TestClient oper = Opers.operUp(server.connect("admin"));
        TestClient watcher = server.connectWithCaps("watcher", "chghost");
        TestClient plain = server.connect("plain");
        TestClient target = server.connect("target");
        oper.send("CHGHOST target ~guest cloaked.example");
        IrcMessage seen = watcher.expect("CHGHOST");
        assertThat(seen.source()).isEqualTo("target!~target@127.0.0.1");
        assertThat(seen.params()).containsExactly("~guest", "cloaked.example");
        assertThat(plain.drain()).noneMatch(m -> m.command().equals("CHGHOST"));
        target.send("PRIVMSG #lobby :new me");
        assertThat(plain.expect("PRIVMSG", "#lobby", "new me").source()).isEqualTo("target!~guest@cloaked.example");
    }

    @Test
    void onlyOperatorsMayAndBadHostsAreRefused() {
        TestClient user = server.connect("user");
        server.connect("target");
        user.send("CHGHOST target x y");
        user.expect("481", "user");
        TestClient oper = Opers.operUp(server.connect("admin"));
        oper.send("CHGHOST target ~x bad@host");
        oper.expect("FAIL", "CHGHOST", "INVALID_PARAMS");
        oper.send("CHGHOST nobody ~x host");
        oper.expect("401", "admin", "nobody");
    }
}
