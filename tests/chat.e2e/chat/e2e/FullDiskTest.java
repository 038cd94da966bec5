package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #10 (2): with the data directory on a full file system, messages were acknowledged that were never stored,
 * and a FAIL was given for one that was. On a small tmpfs this test mounts and fills to the brim, every
 * acknowledgment must mean "stored" and every FAIL "not stored", also once space comes back and after a
 * restart. Mounting needs root: where it is impossible the test is skipped with a loud message, never in CI
 * ({@code CI=true}), where it fails instead.
 */
@Tag("security")
@Tag("Durability")
class FullDiskTest {

    /** The tmpfs's size: room for the database, its WAL and a little history. */
    private static final String SIZE = "4m";
    /** Messages sent in each phase; three phases stay under one CHATHISTORY page. */
    private static final int MESSAGES = 30;

    private static Path mount;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s.withDataDirectory(mount.resolve("data")));

    @BeforeAll
    static void mountSmallTmpfs() throws Exception {
        mount = Files.createTempDirectory("chat-full-disk");
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + SIZE + ",mode=0700", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (!mounted) {
            String why = "FullDiskTest cannot mount a tmpfs (" + output.strip() + "): the full-disk test needs root";
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(why + ", and CI must run it");
            System.err.println("*** SKIPPED: " + why + " ***");
            Assumptions.abort(why);
        }
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mount == null) return;
        new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(mount);
    }

    /** Fills the file system until it refuses one more byte. */
    private static Path fill() throws IOException {
        Path filler = mount.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            return filler; // ENOSPC: the disk is full
        }
    }

    /**
     * Sends labeled messages and sorts them by their answer: acknowledged (the echo) or refused (a FAIL); each
     * must get exactly one of the two.
     */
    private static void send(TestClient c, String prefix, Set<String> acked, Set<String> failed) {
        for (int i = 0; i < MESSAGES; i++) {
            String text = prefix + i;
            c.send("@label=" + text + " PRIVMSG #lobby :" + text);
            while (true) {
                IrcMessage m = c.next();
                if (!text.equals(m.tags().get("label"))) continue;
                if (m.command().equals("PRIVMSG")) acked.add(text);
                else if (m.command().equals("FAIL")) failed.add(text);
                else throw new AssertionError("neither an echo nor a FAIL: " + m);
                break;
            }
        }
    }

    /** Every message text in #lobby's history (fewer than one page of 100). */
    private static Set<String> stored(TestClient reader) {
        List<String> page = HistoryTest.history(reader, "CHATHISTORY LATEST #lobby * 100");
        assertThat(page).hasSizeLessThan(100);
        return new HashSet<>(page);
    }

    @Test
    void everyAcknowledgementMeansStoredAndEveryFailNotStored() throws Exception {
        TestClient sender = server.connectWithCaps("sender", "echo-message", "labeled-response", "message-tags");
        Set<String> acked = new HashSet<>();
        Set<String> failed = new HashSet<>();
        send(sender, "before-", acked, failed);
        assertThat(failed).as("refused before the disk was full").isEmpty();

        Path filler = fill();
        send(sender, "full-", acked, failed);
        assertThat(failed).as("refused while the disk was full").isNotEmpty();

        Files.delete(filler);
        Set<String> afterAcked = new HashSet<>();
        send(sender, "after-", afterAcked, failed);
        assertThat(afterAcked).as("acknowledged once space came back").isNotEmpty();
        acked.addAll(afterAcked);

        server.restart();
        TestClient reader = server.connectWithCaps("reader", "server-time", "message-tags", "batch", "draft/chathistory");
        Set<String> stored = stored(reader);
        assertThat(stored).as("every acknowledged message is stored").containsAll(acked);
        assertThat(stored).as("no refused message is stored").doesNotContainAnyElementsOf(failed);
    }
}
