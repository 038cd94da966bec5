package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #12: behind a real HAProxy sending PROXY v2, the server sees each client's own address. */
class ProxyProtocolTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withArgs(() -> List.of("--proxy-from", "127.0.0.1/32",
            "--deny", "127.0.0.66", "--exempt", "127.0.0.1"));

    private Haproxy haproxy;

    @BeforeEach
    void startProxy() {
        haproxy = Haproxy.launch(List.of(server.port()));
    }

    @AfterEach
    void stopProxy() {
        haproxy.close();
    }

    private TestClient throughProxyFrom(String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", haproxy.port()));
        return server.track(new TestClient(socket));
    }

    @Test
    void whoisAndWhoShowTheClientsOwnAddress() throws IOException {
        TestClient alice = throughProxyFrom("127.0.0.3").register("alice");
        TestClient bob = throughProxyFrom("127.0.0.4").register("bob");
        bob.send("WHOIS alice");
        IrcMessage whois = bob.expect("311", "bob", "alice");
        assertThat(whois.param(3)).isEqualTo("127.0.0.3");
        alice.send("WHO bob");
        assertThat(alice.expect("352", "alice").param(3)).isEqualTo("127.0.0.4");
    }

    @Test
    void aDeniedClientIsRefusedThroughTheProxyAndOthersGetIn() throws IOException {
        TestClient denied = throughProxyFrom("127.0.0.66");
        List<IrcMessage> before = denied.awaitClose();
        assertThat(before).anyMatch(m -> m.command().equals("ERROR"));
        TestClient fine = throughProxyFrom("127.0.0.5").register("fine");
        fine.send("WHOIS fine");
        assertThat(fine.expect("311", "fine", "fine").param(3)).isEqualTo("127.0.0.5");
    }

    @Test
    void aDirectClientFromAnotherAddressNeedsNoHeader() {
        TestClient direct = server.connectFrom("127.0.0.2", "direct");
        direct.send("WHOIS direct");
        assertThat(direct.expect("311", "direct", "direct").param(3)).isEqualTo("127.0.0.2");
    }
}
