package chat.server.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a store is opened.
 *
 * @param url                 where the store is: {@code sqlite:/path/chat.db}, {@code postgresql://user@host:port/db};
 *                            its scheme picks the {@link StoreProvider}
 * @param password            the database password, or null (never part of {@code url})
 * @param syncEveryCommit     true to make each commit survive a power loss (fsync), false for process crashes only
 * @param historyMaxAge       messages older than this are deleted; zero keeps them forever
 * @param historyMaxPerTarget messages kept per conversation (channel or private pair); zero for no limit
 * @param clock               the clock retention compares against
 */
public record StoreOptions(String url, String password, boolean syncEveryCommit, Duration historyMaxAge,
                           int historyMaxPerTarget, Clock clock) {

    public StoreOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(historyMaxAge, "historyMaxAge");
        Objects.requireNonNull(clock, "clock");
        if (url.indexOf(':') < 1) throw new IllegalArgumentException("a store URL starts with its scheme: " + url);
        if (historyMaxAge.isNegative()) throw new IllegalArgumentException("history max age must not be negative");
        if (historyMaxPerTarget < 0) throw new IllegalArgumentException("history max per target must not be negative");
    }

    /** The URL's scheme in lower case, e.g. {@code sqlite} or {@code postgresql}. */
    public String scheme() {
        return url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
    }

    /** What follows the scheme and its colon: a file path for SQLite, {@code //user@host:port/db} for PostgreSQL. */
    public String location() {
        return url.substring(url.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return "StoreOptions[url=" + url + ", password=" + (password == null ? "none" : "***") + ", syncEveryCommit="
                + syncEveryCommit + ", historyMaxAge=" + historyMaxAge + ", historyMaxPerTarget=" + historyMaxPerTarget + "]";
    }
}
