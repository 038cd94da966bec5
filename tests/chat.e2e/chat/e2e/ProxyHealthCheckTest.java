package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #12: HAProxy's health checks (`check-send-proxy`) open a connection every second per node with a PROXY v2 LOCAL
 * header, the proxy speaking for itself. They must not count against the proxy's address: with the default limits
 * (five connections per ten seconds per address) they used them up, and a client behind the proxy from that address
 * (every client of `make cluster`, all on 127.0.0.1) was throttled and then banned for five minutes.
 */
class ProxyHealthCheckTest {

    private static final int CHECKS = 30;
    /** PROXY v2: the signature, version 2 with the LOCAL command, no address family, no addresses. */
    private static final byte[] LOCAL_HEADER = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A,
            0x20, 0x00, 0x00, 0x00};

    // The default per-address limits for 127.0.0.1 (the tests' servers exempt all of loopback otherwise).
    @RegisterExtension
    final ServerExtension server = ServerExtension.withArgs(() -> List.of("--proxy-from", "127.0.0.1/32", "--exempt", "::1"));

    @Test
    void healthChecksOfTheProxyDoNotUseUpItsAddressesLimits() throws IOException {
        for (int i = 0; i < CHECKS; i++) {
            TestClient check = server.track(new TestClient(proxyOwnConnection()));
            check.send("PING :check-" + i);
            assertThat(check.expect("PONG").last()).as("health check %d is served, not refused", i).isEqualTo("check-" + i);
            check.close();
        }
        TestClient client = server.track(new TestClient(proxyOwnConnection())).register("behindproxy");
        client.send("WHOIS behindproxy");
        assertThat(client.expect("311", "behindproxy", "behindproxy").param(3)).isEqualTo("127.0.0.1");
    }

    private Socket proxyOwnConnection() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        socket.getOutputStream().write(LOCAL_HEADER);
        return socket;
    }
}
