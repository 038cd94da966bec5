package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --server-description: what LINKS and WHOIS say of the server. */
class ServerDescriptionTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withArgs(() -> List.of("--server-name", "irc.example.org",
            "--server-description", "The example network's hub"));

    @Test
    void linksShowsTheConfiguredDescriptionWithHopCountZero() {
        TestClient alice = server.connect("alice");
        alice.send("LINKS");
        IrcMessage link = alice.expect("364");
        assertThat(link.params()).containsExactly("alice", "irc.example.org", "irc.example.org",
                "0 The example network's hub");
        alice.expect("365");
    }

    @Test
    void whoisShowsTheConfiguredDescriptionBesideTheServerName() {
        TestClient alice = server.connect("alice");
        server.connect("bob");
        alice.send("WHOIS bob");
        IrcMessage whoisServer = alice.expect("312");
        assertThat(whoisServer.params()).containsExactly("alice", "bob", "irc.example.org", "The example network's hub");
    }
}
