package chat.monitor;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/** Writes each snapshot's {@link Snapshot#format() line} to the {@code chat.monitor} logger at INFO. */
public final class LogReporter implements Consumer<Snapshot> {

    /** The name of the logger snapshots go to. */
    public static final String LOGGER_NAME = "chat.monitor";

    private final Logger logger;

    /** A reporter writing to the {@value #LOGGER_NAME} logger. */
    public LogReporter() {
        this(System.getLogger(LOGGER_NAME));
    }

    LogReporter(Logger logger) {
        this.logger = logger;
    }

    @Override
    public void accept(Snapshot snapshot) {
        if (logger.isLoggable(Level.INFO)) {
            logger.log(Level.INFO, snapshot.format());
        }
    }
}
