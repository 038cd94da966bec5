package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server's virtual threads never pin their carrier (JFR jdk.VirtualThreadPinned) under ordinary traffic. */
class PinningTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void trafficPinsNoCarrierThreadInServerCode() throws Exception {
        Path file = Files.createTempFile("pinning", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            TestClient alice = server.connect("alice");
            TestClient bob = server.connect("bob");
            for (int i = 0; i < 200; i++) alice.send("PRIVMSG #lobby :message " + i);
            bob.expect("PRIVMSG", "#lobby", "message 199");
            alice.send("JOIN #pins");
            alice.expect("366", "alice", "#pins");
            bob.send("QUIT :done");
            alice.expect("QUIT");
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> pinned = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getStackTrace() != null && e.getStackTrace().getFrames().stream()
                        .map(RecordedFrame::getMethod)
                        .anyMatch(m -> m.getType().getName().startsWith("chat.server")))
                .toList();
        Files.deleteIfExists(file);
        assertThat(pinned).isEmpty();
    }
}
