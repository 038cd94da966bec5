package chat.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Accounts and history: which store, and the rules it applies. Immutable, validated once.
 *
 * @param url                  the store ({@code --store}): {@code sqlite} for {@code chat.db} in the data directory,
 *                             {@code sqlite:PATH}, {@code postgresql://USER@HOST:PORT/DB}, or {@code none}
 * @param dataDirectory        the data directory ({@code --data-dir}); null turns the default SQLite store off (no
 *                             accounts, no history)
 * @param passwordFile         a file holding the database password, or null ({@code $CHAT_STORE_PASSWORD} then)
 * @param history              whether messages are stored ({@code --history on|off}); accounts work either way
 * @param syncEveryCommit      fsync every commit (survives power loss) rather than only a process crash
 * @param historyMaxAge        messages older than this are deleted; zero keeps them
 * @param historyMaxPerTarget  messages kept per channel or private conversation; zero for no limit
 * @param joinReplayLines      channel lines replayed on JOIN to clients without draft/chathistory; zero for none
 * @param replayDefaultChannel whether that replay also happens in the default channel
 * @param passwordIterations   PBKDF2-HMAC-SHA256 iterations for new passwords
 * @param nickClaimTimeout     time a client using a registered nickname has to log in
 * @param nickEnforcement      what happens to a client using someone else's registered nickname
 * @param registrationOpen     whether clients may register accounts
 */
public record StoreConfig(String url, Path dataDirectory, Path passwordFile, boolean history, boolean syncEveryCommit, Duration historyMaxAge,
                          int historyMaxPerTarget, int joinReplayLines, boolean replayDefaultChannel,
                          int passwordIterations, Duration nickClaimTimeout, NickEnforcement nickEnforcement,
                          boolean registrationOpen) {

    /** Default store: SQLite in the data directory. */
    public static final String DEFAULT_URL = "sqlite";
    /** No store. */
    public static final String NONE = "none";
    /** The environment variable a database password is read from when there is no password file. */
    public static final String PASSWORD_ENV = "CHAT_STORE_PASSWORD";
    /** File name of the default SQLite store in the data directory. */
    public static final String SQLITE_FILE = "chat.db";
    private static final Pattern URL_FORM = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.+");
    private static final Pattern URL_PASSWORD = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@]*:[^/@]*@");

    /** Default data directory, relative to the working directory. */
    public static final Path DATA_DIRECTORY = Path.of("data");
    /** Default age after which history is deleted. */
    public static final Duration HISTORY_MAX_AGE = Duration.ofDays(90);
    /** Default messages kept per conversation. */
    public static final int HISTORY_MAX_PER_TARGET = 100_000;
    /** Default lines replayed on JOIN to clients without chathistory. */
    public static final int JOIN_REPLAY_LINES = 20;
    /** Default PBKDF2 iterations: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int PASSWORD_ITERATIONS = 600_000;
    /** Fewest iterations accepted: RFC 7677's minimum for SCRAM-SHA-256 (tests use it to stay fast). */
    public static final int MIN_PASSWORD_ITERATIONS = 4096;
    /** Default time to log in to a registered nickname, as Ergo's nick-reservation timeout. */
    public static final Duration NICK_CLAIM_TIMEOUT = Duration.ofSeconds(30);

    /** What happens to a client that uses a nickname registered to an account it is not logged in to. */
    public enum NickEnforcement {
        /** After the claim timeout it is renamed to a guest nickname. */
        GUEST,
        /** NICK is refused at once with 433 (Ergo's "strict"). */
        REFUSE,
        /** Nothing: registered nicknames are not protected. */
        NONE
    }

    public StoreConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(historyMaxAge, "historyMaxAge");
        Objects.requireNonNull(nickClaimTimeout, "nickClaimTimeout");
        Objects.requireNonNull(nickEnforcement, "nickEnforcement");
        String problem = urlProblem(url);
        if (problem != null) throw new IllegalArgumentException(problem);
        if (historyMaxAge.isNegative()) throw new IllegalArgumentException("history max age must not be negative");
        if (historyMaxPerTarget < 0) throw new IllegalArgumentException("history max per target must not be negative");
        if (joinReplayLines < 0) throw new IllegalArgumentException("join replay lines must not be negative");
        if (passwordIterations < MIN_PASSWORD_ITERATIONS) {
            throw new IllegalArgumentException("password iterations must be at least " + MIN_PASSWORD_ITERATIONS);
        }
        if (nickClaimTimeout.isNegative() || nickClaimTimeout.isZero()) {
            throw new IllegalArgumentException("nick claim timeout must be positive");
        }
    }

    /** The documented defaults: {@code ./data}, history on, 90 days, replay 20 lines except in the default channel. */
    public static StoreConfig defaults() {
        return new StoreConfig(DEFAULT_URL, DATA_DIRECTORY, null, true, true, HISTORY_MAX_AGE, HISTORY_MAX_PER_TARGET,
                JOIN_REPLAY_LINES, false, PASSWORD_ITERATIONS, NICK_CLAIM_TIMEOUT, NickEnforcement.GUEST, true);
    }

    /** No store: no accounts, no history. */
    public static StoreConfig off() {
        return defaults().withUrl(NONE).withDataDirectory(null);
    }

    /** What is wrong with a {@code --store} value, or null when it is a store URL (or sqlite, or none). */
    public static String urlProblem(String url) {
        if (url.equals(NONE) || url.equals(DEFAULT_URL)) return null;
        if (!URL_FORM.matcher(url).matches()) {
            return "store must be sqlite, sqlite:PATH, postgresql://USER@HOST:PORT/DB or none: " + url;
        }
        if (URL_PASSWORD.matcher(url).find()) {
            return "the store URL must not hold a password: use $CHAT_STORE_PASSWORD or --store-password-file";
        }
        return null;
    }

    /** Whether a store is to be opened. */
    public boolean enabled() {
        return location() != null;
    }

    /** Whether messages are stored and CHATHISTORY answers. */
    public boolean historyEnabled() {
        return enabled() && history;
    }

    /** The store's URL with {@code sqlite} resolved to the data directory's {@code chat.db}; null for no store. */
    public String location() {
        if (url.equals(NONE)) return null;
        if (!url.equals(DEFAULT_URL)) return url;
        return dataDirectory == null ? null : "sqlite:" + dataDirectory.resolve(SQLITE_FILE);
    }

    public StoreConfig withUrl(String v) {
        return new StoreConfig(v, dataDirectory, passwordFile, history, syncEveryCommit, historyMaxAge,
                historyMaxPerTarget, joinReplayLines, replayDefaultChannel, passwordIterations, nickClaimTimeout,
                nickEnforcement, registrationOpen);
    }

    public StoreConfig withPasswordFile(Path v) {
        return new StoreConfig(url, dataDirectory, v, history, syncEveryCommit, historyMaxAge, historyMaxPerTarget,
                joinReplayLines, replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement,
                registrationOpen);
    }

    public StoreConfig withDataDirectory(Path v) {
        return new StoreConfig(url, v, passwordFile, history, syncEveryCommit, historyMaxAge, historyMaxPerTarget,
                joinReplayLines, replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement,
                registrationOpen);
    }

    public StoreConfig withHistory(boolean v) {
        return new StoreConfig(url, dataDirectory, passwordFile, v, syncEveryCommit, historyMaxAge, historyMaxPerTarget,
                joinReplayLines, replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement,
                registrationOpen);
    }

    public StoreConfig withRetention(Duration maxAge, int maxPerTarget) {
        return new StoreConfig(url, dataDirectory, passwordFile, history, syncEveryCommit, maxAge, maxPerTarget,
                joinReplayLines, replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement,
                registrationOpen);
    }

    public StoreConfig withJoinReplay(int lines, boolean inDefaultChannel) {
        return new StoreConfig(url, dataDirectory, passwordFile, history, syncEveryCommit, historyMaxAge,
                historyMaxPerTarget, lines, inDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement,
                registrationOpen);
    }

    public StoreConfig withPasswordIterations(int v) {
        return new StoreConfig(url, dataDirectory, passwordFile, history, syncEveryCommit, historyMaxAge,
                historyMaxPerTarget, joinReplayLines, replayDefaultChannel, v, nickClaimTimeout, nickEnforcement,
                registrationOpen);
    }

    public StoreConfig withNickOwnership(Duration timeout, NickEnforcement enforcement) {
        return new StoreConfig(url, dataDirectory, passwordFile, history, syncEveryCommit, historyMaxAge,
                historyMaxPerTarget, joinReplayLines, replayDefaultChannel, passwordIterations, timeout, enforcement,
                registrationOpen);
    }

    public StoreConfig withSyncEveryCommit(boolean v) {
        return new StoreConfig(url, dataDirectory, passwordFile, history, v, historyMaxAge, historyMaxPerTarget,
                joinReplayLines, replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement,
                registrationOpen);
    }

    public StoreConfig withRegistrationOpen(boolean v) {
        return new StoreConfig(url, dataDirectory, passwordFile, history, syncEveryCommit, historyMaxAge,
                historyMaxPerTarget, joinReplayLines, replayDefaultChannel, passwordIterations, nickClaimTimeout,
                nickEnforcement, v);
    }
}
