package chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.LineWriter;
import chat.protocol.ParseResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A one-connection IRC server on 127.0.0.1:0, scripted by the test with the protocol module. */
final class FakeServer implements AutoCloseable {

    private static final long WAIT_SECONDS = 10;

    private final ServerSocket listener;
    private final BlockingQueue<IrcMessage> received = new LinkedBlockingQueue<>();
    private final List<IrcMessage> log = new CopyOnWriteArrayList<>();
    private Socket socket;
    private OutputStream out;

    FakeServer() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits for the client to connect, then reads its lines on a virtual thread. */
    void accept() throws IOException {
        socket = listener.accept();
        out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    if (LineParser.parse(line) instanceof ParseResult.Parsed parsed) {
                        log.add(parsed.message());
                        received.add(parsed.message());
                    }
                }
            } catch (IOException e) {
                // the test closed the socket
            }
        });
    }

    /** The next message with this command, skipping others (they stay in the log). */
    IrcMessage expect(String command) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            IrcMessage m = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(m).as("waiting for " + command + " after " + log).isNotNull();
            if (m.command().equals(command)) return m;
        }
    }

    void send(IrcMessage... messages) throws IOException {
        for (IrcMessage m : messages) out.write(LineWriter.encode(m));
        out.flush();
    }

    /** Everything received so far, in order. */
    List<String> commands() {
        return log.stream().map(IrcMessage::command).toList();
    }

    /** Closes the client's connection. */
    void hangUp() throws IOException {
        if (socket != null) socket.close();
    }

    @Override
    public void close() throws IOException {
        hangUp();
        listener.close();
    }
}
