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

/**
 * A client for the fuzz tests: writes raw bytes ({@link FuzzLines}) and reads lines until the answer to the PING
 * that follows them, or the server's close. No answer within the timeout is a hang, and fails the test.
 */
final class FuzzClient {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    final Socket socket;
    final String nick;
    private final InputStream in;
    private final OutputStream out;
    boolean closed;
    String lastBatch = "";

    private FuzzClient(Socket socket, String nick) throws IOException {
        this.socket = socket;
        this.nick = nick;
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A client registered as {@code nick} on the server at {@code port} of 127.0.0.1. */
    static FuzzClient register(int port, String nick) throws IOException {
        FuzzClient c = new FuzzClient(new Socket("127.0.0.1", port), nick);
        List<String> welcome = c.sendAndAwait(("NICK " + nick + "\r\nUSER f 0 * :fuzz\r\nPING :welcome\r\n")
                .getBytes(StandardCharsets.UTF_8), "welcome");
        assertThat(welcome).anyMatch(l -> l.contains(" 001 "));
        return c;
    }

    /** Sends {@code count} lines of {@code lines}, then PING {@code token}; returns what came back until its PONG. */
    List<String> sendLines(FuzzLines lines, int count, String token) throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int n = 0; n < count; n++) batch.writeBytes(lines.next());
        batch.writeBytes(("\r\nPING :" + token + "\r\n").getBytes(StandardCharsets.UTF_8));
        return sendAndAwait(batch.toByteArray(), token);
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
