package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #15: WHO of an invisible (+i) user (Modern "WHO message"), on a server where nobody shares a default channel. */
@Tag("Modern")
class WhoInvisibleTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withDefaultChannel(null));

    private TestClient connect(String nick) {
        TestClient c = server.open();
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :Real " + nick);
        c.expect("001", nick);
        c.drain();
        return c;
    }

    private static List<String> whoNicks(TestClient asker, String mask) {
        asker.send("WHO " + mask);
        List<IrcMessage> got = asker.drain().stream().filter(m -> m.command().equals("352") || m.command().equals("315"))
                .toList();
        assertThat(got).last().satisfies(end -> assertThat(end.param(1)).isEqualTo(mask));
        return got.stream().filter(m -> m.command().equals("352")).map(m -> m.param(5)).toList();
    }

    @Test
    void aMaskHidesAnInvisibleStrangerButItsExactNickAndASharedChannelShowIt() {
        TestClient evan = connect("evan");
        evan.send("MODE evan +i");
        evan.expect("MODE", "evan", "+i");
        TestClient shiv = server.open();
        shiv.send("NICK shiv");
        shiv.send("USER shiv 0 * :Shiv");
        shiv.expect("001", "shiv");
        assertThat(whoNicks(shiv, "eva*")).isEmpty();
        assertThat(whoNicks(shiv, "evan")).containsExactly("evan");
        assertThat(whoNicks(shiv, "EVAN")).containsExactly("evan");
        evan.send("JOIN #test");
        evan.expect("366", "evan", "#test");
        shiv.send("JOIN #test");
        shiv.expect("366", "shiv", "#test");
        assertThat(whoNicks(shiv, "eva*")).containsExactly("evan");
        assertThat(whoNicks(shiv, "evan")).containsExactly("evan");
    }
}
