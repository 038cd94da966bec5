package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.AbuseLimits;
import chat.server.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #17: a plain TCP client's socket is watched by the poller between its reads, and a writer that finds its send
 * buffer full waits for the poller to see room: lines to a client that does not read still arrive whole and in
 * order once it reads, and its next line is read.
 */
class UnreadClientTest {

    /** More than the kernel's largest send buffer (4 MB here) has to wait in the send queue. */
    private static final int SENDQ_BYTES = 16 << 20;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withLimits(AbuseLimits.relaxed())
            .withQueues(SENDQ_BYTES, ServerConfig.RECVQ_BYTES));

    @Test
    void aWatchedClientThatDoesNotReadGetsEveryLineInOrderOnceItReads() throws Exception {
        try (Socket bob = new Socket()) {
            bob.setReceiveBufferSize(4096); // so that the server's writes fill the socket
            bob.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            bob.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
            OutputStream out = bob.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(bob.getInputStream(), StandardCharsets.UTF_8));
            out.write("NICK bob\r\nUSER bob 0 * :Bob\r\n".getBytes(StandardCharsets.UTF_8));
            readUntil(in, " 001 bob ");
            TestClient alice = server.connect("alice");

            int lines = 15_000; // about 5 MB
            String padding = "x".repeat(300);
            for (int i = 0; i < lines; i++) alice.send("PRIVMSG bob :" + i + " " + padding);
            alice.send("PRIVMSG bob :end");
            alice.send("PING :sent");
            alice.expect("PONG", "*", "sent");

            for (int i = 0; i < lines; i++) {
                assertThat(readUntil(in, " PRIVMSG bob :")).endsWith(" PRIVMSG bob :" + i + " " + padding);
            }
            assertThat(readUntil(in, " PRIVMSG bob ")).endsWith(" PRIVMSG bob end");
            out.write("PING :back\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(readUntil(in, " PONG ")).endsWith(" back");
        }
    }

    /** The next line that contains {@code part}, skipping others (the socket's timeout bounds the wait). */
    private static String readUntil(BufferedReader in, String part) throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.contains(part)) return line;
        }
        throw new AssertionError("connection closed before a line with " + part);
    }
}
