package chat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server program the tests start themselves (redis-server, haproxy, a chat node in its own JVM): one process
 * with its output in a file of its own temporary directory, waited for until its port accepts connections,
 * and stopped by its PID only.
 */
public class ExternalServer implements AutoCloseable {

    /** How long a program may take to start listening. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** How long a stopped program may take to exit before it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final List<String> command;
    private final Path directory;
    private final int port;
    private Process process;

    ExternalServer(String name, List<String> command, Path directory, int port) {
        this.name = name;
        this.command = List.copyOf(command);
        this.directory = directory;
        this.port = port;
    }

    /** A free TCP port on 127.0.0.1 at the time of asking. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh temporary directory for one program's files. */
    static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of {@code candidates} that is an executable file, for programs outside root's PATH. */
    static String program(String... candidates) {
        for (String c : candidates) if (Files.isExecutable(Path.of(c))) return c;
        throw new IllegalStateException(candidates[0] + " is not installed (make test installs it: scripts/ensure-packages.sh)");
    }

    /** Starts the program (again, after {@link #stop}) and waits until its port accepts a connection. */
    public void start() {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " is running");
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited at start: " + tail());
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(name + " did not listen on " + port + " in " + START_TIMEOUT + ": " + tail());
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean accepts() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the program with SIGTERM (SIGKILL past {@link #STOP_TIMEOUT}) and waits for it to exit. */
    public void stop() {
        if (process == null) return;
        process.destroy();
        waitForExit();
    }

    /** Kills the program with SIGKILL, as a crash would, and waits for it to exit. */
    public void kill() {
        if (process == null) return;
        process.destroyForcibly();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    private Path log() {
        return directory.resolve(name + ".log");
    }

    /** The end of the program's output, for failure messages. */
    public String tail() {
        try {
            String all = Files.readString(log());
            return all.substring(Math.max(0, all.length() - 2000));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Stops the program and removes its directory. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
