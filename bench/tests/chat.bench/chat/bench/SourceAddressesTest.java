package chat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class SourceAddressesTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 6667);

    @Test
    void theFirstBlockLetsTheKernelPick() {
        assertThat(SourceAddresses.forClient(0, LOOPBACK)).isNull();
        assertThat(SourceAddresses.forClient(SourceAddresses.CLIENTS_PER_ADDRESS - 1, LOOPBACK)).isNull();
    }

    @Test
    void eachLaterBlockHasItsOwnLoopbackAddress() {
        int per = SourceAddresses.CLIENTS_PER_ADDRESS;
        assertThat(SourceAddresses.forClient(per, LOOPBACK).getHostString()).isEqualTo("127.1.0.1");
        assertThat(SourceAddresses.forClient(2 * per - 1, LOOPBACK).getHostString()).isEqualTo("127.1.0.1");
        assertThat(SourceAddresses.forClient(2 * per, LOOPBACK).getHostString()).isEqualTo("127.1.0.2");
        assertThat(SourceAddresses.forClient(300 * per, LOOPBACK).getHostString()).isEqualTo("127.1.1.44");
        assertThat(SourceAddresses.forClient(per, LOOPBACK).getPort()).isZero();
    }

    @Test
    void otherServersAreLeftToTheKernel() {
        int later = 5 * SourceAddresses.CLIENTS_PER_ADDRESS;
        assertThat(SourceAddresses.forClient(later, new InetSocketAddress("::1", 6667))).isNull();
        assertThat(SourceAddresses.forClient(later, new InetSocketAddress("192.0.2.1", 6667))).isNull();
    }

    @Test
    void aClientBoundToALaterBlocksAddressReachesALoopbackServerFromIt() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            InetSocketAddress at = new InetSocketAddress("127.0.0.1", server.getLocalPort());
            InetSocketAddress source = SourceAddresses.forClient(3 * SourceAddresses.CLIENTS_PER_ADDRESS, at);
            try (Socket client = new Socket()) {
                client.bind(source);
                client.connect(at);
                try (Socket accepted = server.accept()) {
                    assertThat(accepted.getInetAddress().getHostAddress()).isEqualTo("127.1.0.3");
                }
            }
        }
    }
}
