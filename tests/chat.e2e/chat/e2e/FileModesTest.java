package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #10 (7): what another local user can read. The server runs under umask 000 (the worst an operator can give
 * it); its data directory must still be 0700 and every file in it 0600, the generated TLS keystore included,
 * with a random password kept beside it.
 */
@Tag("security")
class FileModesTest {

    @TempDir
    Path temp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Registers an account and stores a channel message, so that the database and its WAL are written. */
    private static void writeSomething(int port, String nick) throws Exception {
        try (TestClient c = new TestClient("127.0.0.1", port)) {
            c.send("CAP REQ :echo-message");
            c.send("CAP END");
            c.register(nick);
            c.send("REGISTER * * :a long password");
            c.expect("REGISTER", "SUCCESS");
            c.send("PRIVMSG #lobby :private enough");
            c.expect("PRIVMSG", "#lobby", "private enough");
        }
    }

    @Test
    void underUmask000EverythingInTheDataDirectoryIsTheServersAlone() throws Exception {
        Path data = temp.resolve("data");
        try (ChildServer server = ChildServer.start(data, "000")) {
            writeSomething(server.port(), "owner");
            assertThat(mode(data)).isEqualTo("rwx------");
            for (String file : new String[] {"chat.db", "chat.db-wal", "chat.db-shm", "chat.lock"}) {
                assertThat(data.resolve(file)).exists();
                assertThat(mode(data.resolve(file))).as(file).isEqualTo("rw-------");
            }
            Path tls = data.resolve("tls");
            Path keyStore = tls.resolve("self-signed.p12");
            Path password = tls.resolve("self-signed.p12.password");
            assertThat(mode(tls)).isEqualTo("rwx------");
            assertThat(mode(keyStore)).isEqualTo("rw-------");
            assertThat(mode(password)).isEqualTo("rw-------");

            char[] secret = Files.readString(password, StandardCharsets.US_ASCII).strip().toCharArray();
            assertThat(new String(secret)).isNotEqualTo("chat-development").hasSizeGreaterThanOrEqualTo(32);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, secret);
            }
            assertThat(store.isKeyEntry("chat")).isTrue();
            assertThat(server.log()).doesNotContain(new String(secret));
        }
    }

    @Test
    void aDataDirectoryLeftOpenByAnOlderVersionIsClosedAtStart() throws Exception {
        Path data = Files.createDirectory(temp.resolve("old"));
        try (ChildServer server = ChildServer.start(data, "022")) {
            writeSomething(server.port(), "before");
            server.stop();
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("chat.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data.resolve("chat.lock"), PosixFilePermissions.fromString("rw-rw-rw-"));
        try (ChildServer server = ChildServer.start(data, "022")) {
            writeSomething(server.port(), "after");
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("chat.db"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve("chat.db-wal"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve("chat.lock"))).isEqualTo("rw-------");
        }
    }
}
