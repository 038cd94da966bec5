package chat.server.command;

import chat.server.ServerConfig;
import chat.server.state.ServerStats;
import java.time.Clock;
import java.time.Instant;

/**
 * What handlers know of the server itself.
 *
 * @param config    the configuration in force
 * @param version   the version string (RPL_YOURHOST, RPL_MYINFO, VERSION)
 * @param startedAt when the server started (RPL_CREATED)
 * @param stats     traffic counters
 * @param clock     the clock for timestamps
 * @param messageIds the source of msgid tags
 * @param storage   accounts and history (disabled parts when there is no store)
 */
public record ServerInfo(ServerConfig config, String version, Instant startedAt, ServerStats stats, Clock clock,
                         MessageIds messageIds, Storage storage) {

    /** A server description with a fresh message-ID source. */
    public ServerInfo(ServerConfig config, String version, Instant startedAt, ServerStats stats, Clock clock) {
        this(config, version, startedAt, stats, clock, new MessageIds());
    }

    /** A server description without a store. */
    public ServerInfo(ServerConfig config, String version, Instant startedAt, ServerStats stats, Clock clock,
                      MessageIds messageIds) {
        this(config, version, startedAt, stats, clock, messageIds, Storage.none(config.caseMapping()));
    }

    /** The server's own name, the source of its messages. */
    public String name() {
        return config.serverName();
    }
}
