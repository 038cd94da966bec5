package chat.e2e;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.ParseResult;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted IRC client over a real socket. A reader thread parses every line the server sends into a
 * queue; {@link #expect} waits for a matching message, {@link #drain} returns everything received up to a
 * PING/PONG round trip (so "nothing else arrived" can be asserted without sleeping).
 */
public final class TestClient implements AutoCloseable {

    /** How long any wait may take before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final IrcMessage CLOSED = IrcMessage.of("*CLOSED*");
    private static final AtomicInteger TOKENS = new AtomicInteger();

    private final Socket socket;
    private final OutputStream out;
    private final LinkedBlockingQueue<IrcMessage> received = new LinkedBlockingQueue<>();
    private volatile boolean closedByServer;
    private volatile boolean answerPings;
    private String nick;

    TestClient(String host, int port) throws IOException {
        this(new Socket(host, port));
    }

    TestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread.ofVirtual().name("test-client-reader").start(this::readLoop);
    }

    /** From now on the reader answers every PING at once, as a live client would (the PING is still queued). */
    public TestClient answerPings() {
        answerPings = true;
        return this;
    }

    public String nick() {
        return nick;
    }

    public Socket socket() {
        return socket;
    }

    /** Sends NICK and USER, waits for 001 and for the end of the default channel's NAMES. */
    public TestClient register(String nickname) {
        this.nick = nickname;
        send("NICK " + nickname);
        send("USER " + nickname + " 0 * :Test " + nickname);
        expect("001", nickname, "*");
        expect("366", nickname, "#lobby", "*");
        return this;
    }

    /** Sends one line (CR LF is added). */
    public void send(String line) {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends bytes as they are. */
    public void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new AssertionError("send failed: " + e, e);
        }
    }

    /**
     * Waits for the next message with this command whose parameters match {@code params} ("*" matches any
     * one parameter; fewer patterns than parameters check only the first ones), skipping others.
     */
    public IrcMessage expect(String command, String... params) {
        List<IrcMessage> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            IrcMessage m = poll(deadline);
            if (m == null) {
                throw new AssertionError("no " + command + " " + Arrays.toString(params) + " within " + TIMEOUT
                        + "; got instead: " + skipped);
            }
            if (m == CLOSED) {
                received.add(CLOSED);
                throw new AssertionError("connection closed while waiting for " + command + " "
                        + Arrays.toString(params) + "; got: " + skipped);
            }
            if (matches(m, command, params)) return m;
            skipped.add(m);
        }
    }

    /** The next message, whatever it is. */
    public IrcMessage next() {
        IrcMessage m = poll(System.nanoTime() + TIMEOUT.toNanos());
        if (m == null) throw new AssertionError("nothing received within " + TIMEOUT);
        if (m == CLOSED) {
            received.add(CLOSED);
            throw new AssertionError("connection closed");
        }
        return m;
    }

    /** Waits for the next message whose command is one of {@code commands}, skipping others. */
    public IrcMessage expectAny(String... commands) {
        List<String> wanted = List.of(commands);
        List<IrcMessage> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            IrcMessage m = poll(deadline);
            if (m == null || m == CLOSED) {
                if (m == CLOSED) received.add(CLOSED);
                throw new AssertionError("no " + wanted + " within " + TIMEOUT + "; got instead: " + skipped);
            }
            if (wanted.contains(m.command())) return m;
            skipped.add(m);
        }
    }

    /** Everything received up to and including the next message {@link #expect} would match. */
    public List<IrcMessage> until(String command, String... params) {
        List<IrcMessage> got = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            IrcMessage m = poll(deadline);
            if (m == null || m == CLOSED) {
                if (m == CLOSED) received.add(CLOSED);
                throw new AssertionError("no " + command + " " + Arrays.toString(params) + "; got: " + got);
            }
            got.add(m);
            if (matches(m, command, params)) return got;
        }
    }

    /** Everything received until the answer to a PING sent now: what the server sent before that. */
    public List<IrcMessage> drain() {
        String token = "sync" + TOKENS.incrementAndGet();
        send("PING " + token);
        List<IrcMessage> before = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            IrcMessage m = poll(deadline);
            if (m == null) throw new AssertionError("no PONG " + token + " within " + TIMEOUT + "; got: " + before);
            if (m == CLOSED) {
                received.add(CLOSED);
                throw new AssertionError("connection closed while waiting for PONG; got: " + before);
            }
            if (m.command().equals("PONG") && token.equals(m.last())) return before;
            before.add(m);
        }
    }

    /** Waits until the server closes the connection; returns what arrived before that. */
    public List<IrcMessage> awaitClose() {
        List<IrcMessage> before = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            IrcMessage m = poll(deadline);
            if (m == null) throw new AssertionError("server did not close the connection; got: " + before);
            if (m == CLOSED) {
                received.add(CLOSED);
                return before;
            }
            before.add(m);
        }
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    private IrcMessage poll(long deadlineNanos) {
        try {
            return received.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static boolean matches(IrcMessage m, String command, String... params) {
        if (!m.command().equals(command)) return false;
        if (params.length > m.params().size()) return false;
        for (int i = 0; i < params.length; i++) {
            if (!params[i].equals("*") && !params[i].equals(m.params().get(i))) return false;
        }
        return true;
    }

    private void readLoop() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    if (len > 0 && LineParser.parse(bytes, 0, len) instanceof ParseResult.Parsed p) {
                        if (answerPings && p.message().command().equals("PING")) send("PONG :" + p.message().last());
                        received.add(p.message());
                    } else if (len > 0) {
                        received.add(IrcMessage.of("*UNPARSEABLE*", new String(bytes, StandardCharsets.UTF_8)));
                    }
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // the socket was closed by either side
        } finally {
            closedByServer = true;
            received.add(CLOSED);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to release beyond the socket
        }
    }
}
