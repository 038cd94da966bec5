package chat.server.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a store is opened.
 *
 * @param dataDirectory       the directory holding the store's files (created if missing)
 * @param syncEveryCommit     true to make each commit survive a power loss (fsync), false for process crashes only
 * @param historyMaxAge       messages older than this are deleted; zero keeps them forever
 * @param historyMaxPerTarget messages kept per conversation (channel or private pair); zero for no limit
 * @param clock               the clock retention compares against
 */
public record StoreOptions(Path dataDirectory, boolean syncEveryCommit, Duration historyMaxAge,
                           int historyMaxPerTarget, Clock clock) {

    public StoreOptions {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(historyMaxAge, "historyMaxAge");
        Objects.requireNonNull(clock, "clock");
        if (historyMaxAge.isNegative()) throw new IllegalArgumentException("history max age must not be negative");
        if (historyMaxPerTarget < 0) throw new IllegalArgumentException("history max per target must not be negative");
    }
}
