package chat.server;

import chat.monitor.LogReporter;
import chat.monitor.ResourceMonitor;
import chat.server.command.CommandTable;
import chat.server.command.Dispatcher;
import chat.server.command.MessageIds;
import chat.server.command.ServerInfo;
import chat.server.command.Storage;
import chat.server.net.Listener;
import chat.server.state.Registry;
import chat.server.state.ServerStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;

/** A running chat server. Start it with {@link #start}, stop it with {@link #close}. */
public final class ChatServer implements AutoCloseable {

    /** The version reported to clients. */
    public static final String VERSION = "chat-0.1";

    private final Listener listener;
    private final Registry registry;
    private final ServerStats stats;
    private final ResourceMonitor monitor;
    private final Storage storage;

    private ChatServer(Listener listener, Registry registry, ServerStats stats, ResourceMonitor monitor, Storage storage) {
        this.listener = listener;
        this.registry = registry;
        this.stats = stats;
        this.monitor = monitor;
        this.storage = storage;
    }

    /** Binds the listening socket and starts serving. */
    public static ChatServer start(ServerConfig config) throws IOException {
        Clock clock = Clock.systemUTC();
        ServerStats stats = new ServerStats();
        Registry registry = new Registry(config.caseMapping(), clock);
        Storage storage = Storage.open(config.store(), config.caseMapping(), clock);
        // #store: what the server advertises (ISUPPORT, CAP) follows what it really has.
        config = config.withStore(storage.config());
        ServerInfo info = new ServerInfo(config, VERSION, clock.instant(), stats, clock, new MessageIds(), storage);
        Dispatcher dispatcher = new Dispatcher(CommandTable.standard(), registry, info);
        Listener listener;
        try {
            listener = Listener.start(dispatcher, clock);
        } catch (IOException e) {
            storage.close();
            throw e;
        }
        ResourceMonitor monitor = config.monitorInterval().isZero() ? null
                : ResourceMonitor.start(stats, config.monitorInterval(), new LogReporter());
        return new ChatServer(listener, registry, stats, monitor, storage);
    }

    /** The address the server listens on (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return listener.address();
    }

    public int port() {
        return address().getPort();
    }

    /** The TLS port, or -1 when TLS is off. */
    public int tlsPort() {
        InetSocketAddress tls = listener.tlsAddress();
        return tls == null ? -1 : tls.getPort();
    }

    /**
     * Loads the TLS certificate again (REHASH, SIGHUP) without dropping anyone: new connections get the new
     * certificate, open ones keep theirs.
     */
    public void reloadTls(TlsSettings settings) throws IOException, GeneralSecurityException {
        listener.reloadTls(settings);
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
        storage.close();
    }
}
