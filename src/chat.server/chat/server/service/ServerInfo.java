package chat.server.service;

import chat.server.ConfigSource;
import chat.server.ServerConfig;
import chat.server.storage.Storage;
import chat.server.limit.BanList;
import chat.server.state.ServerStats;
import chat.server.storage.Storage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What handlers know of the server itself.
 *
 * @param currentConfig the configuration in force; REHASH swaps in a new one (read it with {@link #config()})
 * @param version       the version string (RPL_YOURHOST, RPL_MYINFO, VERSION)
 * @param startedAt     when the server started (RPL_CREATED)
 * @param stats         traffic counters
 * @param clock         the clock for timestamps
 * @param messageIds    the source of msgid tags
 * @param bans          the K-lines and D-lines
 * @param configSource  where REHASH reads the configuration again
 * @param afterReload   what to redo once a reloaded configuration is in force (thread-safe list; the server
 *                      adds to it as it starts, e.g. loading the TLS certificate again)
 * @param storage       accounts and history (disabled parts when there is no store)
 */
public record ServerInfo(AtomicReference<ServerConfig> currentConfig, String version, Instant startedAt,
                         ServerStats stats, Clock clock, MessageIds messageIds, BanList bans, ConfigSource configSource,
                         List<AfterReload> afterReload, Storage storage) {

    /** Something to redo once a reloaded configuration is in force. */
    @FunctionalInterface
    public interface AfterReload {

        /**
         * Applies {@code config}; a failure leaves the old state of this part in place.
         *
         * @return what was done, for the log and the operator
         */
        String apply(ServerConfig config) throws Exception;
    }

    /**
     * What a reload did.
     *
     * @param kept     settings whose new value was not applied (they change only on restart)
     * @param done     what the after-reload steps did
     * @param problems after-reload steps that failed, and why
     */
    public record Reload(List<String> kept, List<String> done, List<String> problems) {
    }

    /** A server description with a fixed config, no persisted bans and a fresh message-ID source. */
    public ServerInfo(ServerConfig config, String version, Instant startedAt, ServerStats stats, Clock clock) {
        this(config, version, startedAt, stats, clock, new MessageIds());
    }

    /** A server description with a fixed config and no persisted bans. */
    public ServerInfo(ServerConfig config, String version, Instant startedAt, ServerStats stats, Clock clock,
                      MessageIds messageIds) {
        this(new AtomicReference<>(config), version, startedAt, stats, clock, messageIds, BanList.inMemory(clock),
                ConfigSource.of(config), List.of(), Storage.none(config.caseMapping()));
    }

    /** The configuration in force now. */
    public ServerConfig config() {
        return currentConfig.get();
    }

    /** The server's own name, the source of its messages. */
    public String name() {
        return config().serverName();
    }

    /**
     * Reads the configuration source again and puts the result in force, keeping the running value of every
     * setting that cannot change while running, then runs the after-reload steps (REHASH, SIGHUP).
     *
     * @throws IOException              if the source cannot be read (nothing is applied)
     * @throws IllegalArgumentException if it holds an invalid configuration (nothing is applied)
     */
    public Reload reload() throws IOException {
        ServerConfig next = configSource.load();
        List<String> kept;
        ServerConfig applied;
        while (true) {
            // Compare-and-set: two REHASHes at once both apply in some order, and neither loses the other's.
            ServerConfig running = currentConfig.get();
            applied = running.keepingFixedSettings(next);
            if (currentConfig.compareAndSet(running, applied)) {
                kept = running.fixedSettingsChangedIn(next);
                break;
            }
        }
        List<String> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (AfterReload step : afterReload) {
            try {
                String what = step.apply(applied);
                if (what != null) done.add(what);
            } catch (Exception e) {
                problems.add(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return new Reload(kept, done, problems);
    }
}
