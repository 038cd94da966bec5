package chat.client.term;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.render.View;
import chat.protocol.CaseMapping;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** The JLine terminal on piped streams: what the prompt shows. */
class TerminalUiTest {

    private static final long WAIT_SECONDS = 15;

    /** What the terminal wrote, readable while it writes. */
    private static final class Shown extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aTargetSwitchedBetweenTwoLinesIsInTheNextLinesPrompt() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        Shown shown = new Shown();
        try (PipedInputStream in = new PipedInputStream(keys);
                Terminal terminal = TerminalBuilder.builder().system(false).streams(in, shown).type("xterm")
                        .size(new Size(80, 24)).build();
                ExecutorService keyboard = Executors.newSingleThreadExecutor()) {
            TerminalUi ui = new TerminalUi(terminal, false);
            // The keyboard thread took "[#dev]" for its next line; the main thread switched to #lobby before
            // that line was being read (so there was no line to redraw yet).
            String taken = "[#dev] alice> ";
            ui.target(new View("alice", "#lobby", CaseMapping.RFC1459));
            Future<String> line = keyboard.submit(() -> ui.readLine(taken));
            keys.write("hi\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertThat(line.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("hi");
            assertThat(shown.text()).contains("[#lobby] alice> ").doesNotContain("[#dev]");
        }
    }
}
