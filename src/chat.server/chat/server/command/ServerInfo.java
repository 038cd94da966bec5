package chat.server.command;

import chat.server.ConfigSource;
import chat.server.ServerConfig;
import chat.server.limit.BanList;
import chat.server.state.ServerStats;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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
 */
public record ServerInfo(AtomicReference<ServerConfig> currentConfig, String version, Instant startedAt,
                         ServerStats stats, Clock clock, MessageIds messageIds, BanList bans, ConfigSource configSource) {

    /** A server description with a fixed config, no persisted bans and a fresh message-ID source. */
    public ServerInfo(ServerConfig config, String version, Instant startedAt, ServerStats stats, Clock clock) {
        this(config, version, startedAt, stats, clock, new MessageIds());
    }

    /** A server description with a fixed config and no persisted bans. */
    public ServerInfo(ServerConfig config, String version, Instant startedAt, ServerStats stats, Clock clock,
                      MessageIds messageIds) {
        this(new AtomicReference<>(config), version, startedAt, stats, clock, messageIds, BanList.inMemory(clock),
                ConfigSource.of(config));
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
     * setting that cannot change while running.
     *
     * @return the names of the settings whose new value was not applied (empty when all were)
     * @throws IOException              if the source cannot be read
     * @throws IllegalArgumentException if it holds an invalid configuration (nothing is applied)
     */
    public List<String> reload() throws IOException {
        ServerConfig next = configSource.load();
        while (true) {
            // Compare-and-set: two REHASHes at once both apply in some order, and neither loses the other's.
            ServerConfig running = currentConfig.get();
            if (currentConfig.compareAndSet(running, running.keepingFixedSettings(next))) {
                return running.fixedSettingsChangedIn(next);
            }
        }
    }
}
