package chat.server;

import chat.monitor.LogReporter;
import chat.monitor.ResourceMonitor;
import chat.server.command.CommandTable;
import chat.server.command.Dispatcher;
import chat.server.command.MessageIds;
import chat.server.command.ServerInfo;
import chat.server.limit.BanList;
import chat.server.net.Listener;
import chat.server.state.Registry;
import chat.server.state.ServerStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/** A running chat server. Start it with {@link #start}, stop it with {@link #close}. */
public final class ChatServer implements AutoCloseable {

    /** The version reported to clients. */
    public static final String VERSION = "chat-0.1";

    private final Listener listener;
    private final Registry registry;
    private final ServerStats stats;
    private final ResourceMonitor monitor;

    private ChatServer(Listener listener, Registry registry, ServerStats stats, ResourceMonitor monitor) {
        this.listener = listener;
        this.registry = registry;
        this.stats = stats;
        this.monitor = monitor;
    }

    /** Binds the listening socket and starts serving; REHASH finds nothing new to load. */
    public static ChatServer start(ServerConfig config) throws IOException {
        return start(config, ConfigSource.of(config));
    }

    /**
     * Binds the listening socket and starts serving {@code config}, which {@code source} gave; REHASH loads
     * {@code source} again. Reads the ban list from the data directory.
     */
    public static ChatServer start(ServerConfig config, ConfigSource source) throws IOException {
        Clock clock = Clock.systemUTC();
        ServerStats stats = new ServerStats();
        Registry registry = new Registry(config.caseMapping(), clock);
        BanList bans = BanList.open(config.dataDir(), clock);
        ServerInfo info = new ServerInfo(new AtomicReference<>(config), VERSION, clock.instant(), stats, clock,
                new MessageIds(), bans, source);
        Dispatcher dispatcher = new Dispatcher(CommandTable.standard(), registry, info);
        Listener listener = Listener.start(dispatcher, clock);
        ResourceMonitor monitor = config.monitorInterval().isZero() ? null
                : ResourceMonitor.start(stats, config.monitorInterval(), new LogReporter());
        return new ChatServer(listener, registry, stats, monitor);
    }

    /** The address the server listens on (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return listener.address();
    }

    public int port() {
        return address().getPort();
    }

    /** Open connections, registered or not. */
    public int connectionCount() {
        return stats.connections();
    }

    /** Registered clients. */
    public int userCount() {
        return registry.counts().users();
    }

    /** Channels that exist. */
    public int channelCount() {
        return registry.counts().channels();
    }

    /** Stops accepting, sends every client {@code ERROR :Server shutting down}, and closes. */
    @Override
    public void close() {
        listener.close();
        if (monitor != null) monitor.close();
    }
}
