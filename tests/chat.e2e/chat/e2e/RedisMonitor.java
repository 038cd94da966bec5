package chat.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every command a test's Redis runs, as its MONITOR prints them, read on a thread of its own until closed. */
final class RedisMonitor implements AutoCloseable {

    private final Socket socket;
    // guarded by itself
    private final List<String> lines = new ArrayList<>();

    private RedisMonitor(Socket socket) {
        this.socket = socket;
    }

    static RedisMonitor open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        RedisMonitor monitor = new RedisMonitor(socket);
        socket.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        // The +OK comes before any command: once read, nothing the test does next is missed.
        String ok = in.readLine();
        if (!"+OK".equals(ok)) throw new IOException("MONITOR answered " + ok);
        Thread.ofVirtual().name("redis-monitor").start(() -> monitor.read(in));
        return monitor;
    }

    private void read(BufferedReader in) {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Waits (at most {@link TestClient#TIMEOUT}) until {@code count} commands match; returns every command so far. */
    List<String> awaitMatches(Predicate<String> match, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        synchronized (lines) {
            while (lines.stream().filter(match).count() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("Redis ran fewer than " + count + " such commands: " + lines);
                lines.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
