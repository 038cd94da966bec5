package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harnesses for Redis and HAProxy start real programs on free loopback ports and stop them by PID. */
class ExternalServerTest {

    private static final byte[] PROXY_V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    @Test
    void redisAnswersAndComesBackEmptyAfterARestart() throws IOException {
        try (RedisServer redis = RedisServer.launch()) {
            assertThat(command(redis.port(), "SET k v")).isEqualTo("+OK");
            assertThat(command(redis.port(), "GET k")).isEqualTo("$1");
            long pid = redis.pid();
            redis.stop();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            redis.start();
            assertThat(command(redis.port(), "GET k")).isEqualTo("$-1");
        }
    }

    @Test
    void haproxySendsProxyProtocolV2WithTheClientsAddress() throws IOException {
        try (ServerSocket backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Haproxy haproxy = Haproxy.launch(List.of(backend.getLocalPort()))) {
            try (Socket client = new Socket()) {
                client.bind(new InetSocketAddress("127.0.0.3", 0));
                client.connect(new InetSocketAddress("127.0.0.1", haproxy.port()));
                // Health checks connect too (with a header of their own): take connections until one carries
                // the client's address; the accept timeout bounds the loop.
                backend.setSoTimeout((int) ExternalServer.START_TIMEOUT.toMillis());
                String source = null;
                while (!"127.0.0.3".equals(source)) {
                    try (Socket accepted = backend.accept()) {
                        source = proxiedSource(new DataInputStream(accepted.getInputStream()));
                    }
                }
            }
        }
    }

    /** The source address of a PROXY v2 header over TCP/IPv4, or null for anything else. */
    private static String proxiedSource(DataInputStream in) throws IOException {
        byte[] fixed = new byte[16];
        try {
            in.readFully(fixed);
        } catch (IOException e) {
            return null;
        }
        assertThat(Arrays.copyOf(fixed, 12)).isEqualTo(PROXY_V2_SIGNATURE);
        if ((fixed[12] & 0x0F) == 0 || fixed[13] != 0x11) return null; // LOCAL, or not TCP over IPv4
        byte[] rest = new byte[((fixed[14] & 0xFF) << 8) | (fixed[15] & 0xFF)];
        in.readFully(rest);
        return InetAddress.getByAddress(Arrays.copyOf(rest, 4)).getHostAddress();
    }

    /** One inline Redis command over a raw socket; the first line of the answer. */
    private static String command(int port, String command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n' && b >= 0; ) if (b != '\r') line.append((char) b);
            return line.toString();
        }
    }
}
