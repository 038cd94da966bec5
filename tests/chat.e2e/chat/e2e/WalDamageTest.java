package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #10 (6): a truncated or corrupted {@code chat.db-wal} after a crash lost acknowledged writes and the server
 * said nothing. On copies of a really crashed store (SIGKILL), the server must now say what it recovers, say
 * loudly what a damaged log loses, keep the damaged files for the operator, and still start.
 */
@Tag("security")
@Tag("Durability")
class WalDamageTest {

    @TempDir
    Path temp;

    /** A store killed with SIGKILL after an account and a few acknowledged messages; its WAL still holds them. */
    private Path crashedStore() throws Exception {
        Path data = temp.resolve("crashed");
        try (ChildServer server = ChildServer.start(data, null)) {
            try (TestClient c = new TestClient("127.0.0.1", server.port())) {
                c.send("CAP REQ :echo-message");
                c.send("CAP END");
                c.register("keeper");
                c.send("REGISTER * * :keeper-password");
                c.expect("REGISTER", "SUCCESS");
                for (int i = 0; i < 20; i++) {
                    c.send("PRIVMSG #lobby :kept " + i);
                    c.expect("PRIVMSG", "#lobby", "kept " + i);
                }
            }
            server.kill();
        }
        assertThat(Files.size(data.resolve("chat.db-wal"))).isGreaterThan(WAL_HEADER);
        return data;
    }

    private static final long WAL_HEADER = 32;

    private Path copyOf(Path store, String name) throws Exception {
        Path copy = Files.createDirectory(temp.resolve(name));
        for (String file : List.of("chat.db", "chat.db-wal", "chat.db-shm")) {
            if (Files.exists(store.resolve(file))) Files.copy(store.resolve(file), copy.resolve(file));
        }
        return copy;
    }

    /** Starts a server on {@code data}, checks that it serves, stops it; returns its log. */
    private static String startOn(Path data) throws Exception {
        try (ChildServer server = ChildServer.start(data, null)) {
            try (TestClient c = new TestClient("127.0.0.1", server.port())) {
                c.register("after");
            }
            server.stop();
            return server.log();
        }
    }

    private static Path damagedCopy(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.getFileName().toString().startsWith("damaged-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no damaged-* copy in " + data));
        }
    }

    @Test
    void anIntactLogIsRecoveredAndSaidSo() throws Exception {
        Path data = copyOf(crashedStore(), "intact");
        String log = startOn(data);
        assertThat(log).containsPattern("did not stop cleanly: recovering \\d+ commits");
        assertThat(log).doesNotContain("DAMAGED");
    }

    @Test
    void aTruncatedLogIsReportedAndKept() throws Exception {
        Path data = copyOf(crashedStore(), "truncated");
        Path wal = data.resolve("chat.db-wal");
        try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
            f.setLength(f.length() - 100);
        }
        byte[] damaged = Files.readAllBytes(wal);
        String log = startOn(data);
        assertThat(log).contains("DAMAGED WRITE-AHEAD LOG").contains("cut short").contains("frames after the last good commit will be dropped");
        assertThat(Files.readAllBytes(damagedCopy(data).resolve("chat.db-wal"))).isEqualTo(damaged);
    }

    @Test
    void aCorruptedLogIsReportedAndKept() throws Exception {
        Path data = copyOf(crashedStore(), "corrupted");
        Path wal = data.resolve("chat.db-wal");
        try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
            long at = f.length() - 1000; // inside the last frame's page
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xFF);
        }
        String log = startOn(data);
        assertThat(log).contains("DAMAGED WRITE-AHEAD LOG").contains("checksum fails");
        assertThat(damagedCopy(data).resolve("chat.db")).exists();
        assertThat(damagedCopy(data).resolve("chat.db-wal")).exists();
    }
}
