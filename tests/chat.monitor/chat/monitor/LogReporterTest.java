package chat.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class LogReporterTest {

    /** Keeps what is logged at or above a level. */
    private static final class RecordingLogger implements Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Level threshold;

        RecordingLogger(Level threshold) {
            this.threshold = threshold;
        }

        @Override
        public String getName() {
            return LogReporter.LOGGER_NAME;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= threshold.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                lines.add(level + " " + msg);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                lines.add(level + " " + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
            }
        }
    }

    private static final Snapshot SNAPSHOT = new Snapshot(1 << 20, 1 << 20, 2 << 20, 1L << 30, 2L << 30,
            1.0, 2.0, 3, -1, 4, 5.0, 6.0);

    @Test
    void writesTheFormattedLineAtInfo() {
        var logger = new RecordingLogger(Level.INFO);

        new LogReporter(logger).accept(SNAPSHOT);

        assertThat(logger.lines).containsExactly("INFO " + SNAPSHOT.format());
    }

    @Test
    void writesNothingWhenInfoIsOff() {
        var logger = new RecordingLogger(Level.WARNING);

        new LogReporter(logger).accept(SNAPSHOT);

        assertThat(logger.lines).isEmpty();
    }

    @Test
    void usesTheChatMonitorLogger() {
        assertThat(LogReporter.LOGGER_NAME).isEqualTo("chat.monitor");
        new LogReporter().accept(SNAPSHOT); // the platform logger must accept it
    }
}
