package chat.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Accounts and history: where the store keeps its files and the rules it applies. Immutable, validated once.
 *
 * @param dataDirectory        the store's directory ({@code chat.db} inside); null for no store at all (no
 *                             accounts, no history)
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
public record StoreConfig(Path dataDirectory, boolean history, boolean syncEveryCommit, Duration historyMaxAge,
                          int historyMaxPerTarget, int joinReplayLines, boolean replayDefaultChannel,
                          int passwordIterations, Duration nickClaimTimeout, NickEnforcement nickEnforcement,
                          boolean registrationOpen) {

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
        Objects.requireNonNull(historyMaxAge, "historyMaxAge");
        Objects.requireNonNull(nickClaimTimeout, "nickClaimTimeout");
        Objects.requireNonNull(nickEnforcement, "nickEnforcement");
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
        return new StoreConfig(DATA_DIRECTORY, true, true, HISTORY_MAX_AGE, HISTORY_MAX_PER_TARGET, JOIN_REPLAY_LINES,
                false, PASSWORD_ITERATIONS, NICK_CLAIM_TIMEOUT, NickEnforcement.GUEST, true);
    }

    /** No store: no accounts, no history. */
    public static StoreConfig off() {
        return defaults().withDataDirectory(null);
    }

    /** Whether a store is to be opened. */
    public boolean enabled() {
        return dataDirectory != null;
    }

    /** Whether messages are stored and CHATHISTORY answers. */
    public boolean historyEnabled() {
        return dataDirectory != null && history;
    }

    public StoreConfig withDataDirectory(Path v) {
        return new StoreConfig(v, history, syncEveryCommit, historyMaxAge, historyMaxPerTarget, joinReplayLines,
                replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement, registrationOpen);
    }

    public StoreConfig withHistory(boolean v) {
        return new StoreConfig(dataDirectory, v, syncEveryCommit, historyMaxAge, historyMaxPerTarget, joinReplayLines,
                replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement, registrationOpen);
    }

    public StoreConfig withRetention(Duration maxAge, int maxPerTarget) {
        return new StoreConfig(dataDirectory, history, syncEveryCommit, maxAge, maxPerTarget, joinReplayLines,
                replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement, registrationOpen);
    }

    public StoreConfig withJoinReplay(int lines, boolean inDefaultChannel) {
        return new StoreConfig(dataDirectory, history, syncEveryCommit, historyMaxAge, historyMaxPerTarget, lines,
                inDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement, registrationOpen);
    }

    public StoreConfig withPasswordIterations(int v) {
        return new StoreConfig(dataDirectory, history, syncEveryCommit, historyMaxAge, historyMaxPerTarget,
                joinReplayLines, replayDefaultChannel, v, nickClaimTimeout, nickEnforcement, registrationOpen);
    }

    public StoreConfig withNickOwnership(Duration timeout, NickEnforcement enforcement) {
        return new StoreConfig(dataDirectory, history, syncEveryCommit, historyMaxAge, historyMaxPerTarget,
                joinReplayLines, replayDefaultChannel, passwordIterations, timeout, enforcement, registrationOpen);
    }

    public StoreConfig withSyncEveryCommit(boolean v) {
        return new StoreConfig(dataDirectory, history, v, historyMaxAge, historyMaxPerTarget, joinReplayLines,
                replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement, registrationOpen);
    }

    public StoreConfig withRegistrationOpen(boolean v) {
        return new StoreConfig(dataDirectory, history, syncEveryCommit, historyMaxAge, historyMaxPerTarget,
                joinReplayLines, replayDefaultChannel, passwordIterations, nickClaimTimeout, nickEnforcement, v);
    }
}
