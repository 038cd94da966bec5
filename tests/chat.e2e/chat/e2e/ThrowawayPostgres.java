package chat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (scripts/throwaway-postgres.sh): Debian's binaries, data in a fresh
 * directory under /tmp, a free loopback port, a superuser {@code chat} with a random password, stopped by its
 * PID. Never a PostgreSQL the machine already runs. Fails (never skips) when PostgreSQL is not installed:
 * {@code make test} installs it. {@link #shared()} is one server for the whole test run; tests that stop and
 * start the database {@link #start} their own.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    /** The script that starts and stops it, relative to the checkout (the tests' working directory). */
    static final Path SCRIPT = Path.of("scripts/throwaway-postgres.sh");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static ThrowawayPostgres shared;

    private final Path dir;
    private final String password;
    private volatile int port;

    private ThrowawayPostgres(Path dir) throws IOException {
        this.dir = dir;
        run("start", dir.toString());
        this.port = Integer.parseInt(Files.readString(dir.resolve("port")).trim());
        this.password = Files.readString(dir.resolve("password")).trim();
    }

    /** A new server in a new directory. */
    public static ThrowawayPostgres start() throws IOException {
        return new ThrowawayPostgres(Files.createTempDirectory(Path.of("/tmp"), "chat-pg-"));
    }

    /** One server for every test that only needs a database of its own ({@link #createDatabase}). */
    public static synchronized ThrowawayPostgres shared() throws IOException {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "throwaway-postgres"));
        }
        return shared;
    }

    /** A new empty database on this server; returns its store URL. */
    public String createDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = connect("chat"); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "postgresql://chat@127.0.0.1:" + port + "/" + database;
    }

    /** The default database's store URL. */
    public String url() {
        return url("chat");
    }

    public String password() {
        return password;
    }

    /** The file holding the password, for {@code --store-password-file}. */
    public Path passwordFile() {
        return dir.resolve("password");
    }

    /** A plain JDBC connection to {@code database}, for checks behind the store's back. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "chat", password);
    }

    /** The database name of a store URL from {@link #url(String)}. */
    public static String database(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Fast shutdown (clients are disconnected), by the postmaster's PID; waits until it is gone. */
    public void stop() {
        run("stop", dir.toString());
    }

    /** Starts it again on the same port, after {@link #stop}. */
    public void startAgain() {
        run("start", dir.toString(), Integer.toString(port));
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            } catch (IOException e) {
                // a leftover temp directory is no failure
            }
        }
    }

    private static String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(SCRIPT.toAbsolutePath().toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("throwaway-postgres " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
