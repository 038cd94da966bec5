package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile traffic: registered clients (operators among them) send thousands of random lines built from the
 * server's own command set and values that have broken servers before ({@link FuzzLines}), with a store behind
 * the server. After every few lines each client must get the answer to its PING (no hang), no client may ever
 * be closed with "Internal error" (an exception in a handler), and a newcomer must still be able to chat.
 */
class GrammarFuzzTest {

    private static final int CLIENTS = 6;
    private static final int ROUNDS = 60;
    private static final int LINES_PER_ROUND = 8;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s, Opers::withAdmin);

    private int connections;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomLinesNeverHangCrashOrHarmAnyone(long seed) throws IOException {
        FuzzLines lines = new FuzzLines(seed);
        List<String> internalErrors = new ArrayList<>();
        List<Raw> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) clients.add(connect());
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < CLIENTS; i++) {
                Raw c = clients.get(i);
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int n = 0; n < LINES_PER_ROUND; n++) batch.writeBytes(lines.next());
                String token = "sync" + seed + "-" + round + "-" + i;
                batch.writeBytes(("\r\nPING :" + token + "\r\n").getBytes(StandardCharsets.UTF_8));
                List<String> got = c.sendAndAwait(batch.toByteArray(), token);
                got.stream().filter(l -> l.startsWith("ERROR") && l.contains("Internal error"))
                        .forEach(l -> internalErrors.add(c.nick + " (seed " + seed + ", round " + c.lastBatch + "): " + l));
                if (c.closed) clients.set(i, connect());
            }
        }
        assertThat(internalErrors).isEmpty();
        for (Raw c : clients) c.socket.close();
        TestClient newcomer = server.connect("newcomer");
        TestClient witness = server.connect("witness");
        newcomer.send("PRIVMSG #lobby :still serving");
        assertThat(witness.expect("PRIVMSG", "#lobby").last()).isEqualTo("still serving");
    }

    private Raw connect() throws IOException {
        Raw c = new Raw(new Socket("127.0.0.1", server.port()), "f" + connections++);
        List<String> welcome = c.sendAndAwait(("NICK " + c.nick + "\r\nUSER f 0 * :fuzz\r\nPING :welcome\r\n")
                .getBytes(StandardCharsets.UTF_8), "welcome");
        assertThat(welcome).anyMatch(l -> l.contains(" 001 "));
        return c;
    }

    /** A client that writes raw bytes and reads lines until the answer to its PING. */
    private static final class Raw {
        final Socket socket;
        final String nick;
        final InputStream in;
        final OutputStream out;
        boolean closed;
        String lastBatch = "";

        Raw(Socket socket, String nick) throws IOException {
            this.socket = socket;
            this.nick = nick;
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Sends {@code bytes}; returns the lines received until PONG {@code token} or the server's close. */
        List<String> sendAndAwait(byte[] bytes, String token) throws IOException {
            lastBatch = new String(bytes, StandardCharsets.UTF_8);
            List<String> got = new ArrayList<>();
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                closed = true; // closed by the server while we wrote (a QUIT or KILL in the batch)
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b;
                try {
                    b = in.read();
                } catch (SocketTimeoutException e) {
                    throw new AssertionError(nick + ": no answer to PING " + token + " within " + READ_TIMEOUT_MILLIS
                            + " ms after sending " + lastBatch + "; got " + got, e);
                } catch (IOException e) {
                    b = -1;
                }
                if (b < 0) {
                    closed = true;
                    return got;
                }
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8).strip();
                    line.reset();
                    got.add(text);
                    if (text.contains(" PONG ") && text.endsWith(token)) return got;
                } else {
                    line.write(b);
                }
            }
        }
    }
}
