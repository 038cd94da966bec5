package chat.server;

import chat.server.service.MessageIds;
import chat.server.service.ServerInfo;
import chat.monitor.LogReporter;
import chat.monitor.ResourceMonitor;
import chat.server.bot.BotHost;
import chat.monitor.SampleHistory;
import chat.monitor.Snapshot;
import chat.server.cluster.Network;
import chat.server.command.CommandTable;
import chat.server.command.Dispatcher;
import chat.server.storage.Storage;
import chat.server.limit.BanList;
import chat.server.net.Listener;
import chat.server.spi.Frontend;
import chat.server.spi.FrontendProvider;
import chat.server.spi.ChangeListener;
import chat.server.state.Registry;
import chat.server.state.ServerStats;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A running chat server. Start it with {@link #start}, stop it with {@link #close}. */
public final class ChatServer implements AutoCloseable {

    /** The version reported to clients. */
    public static final String VERSION = "chat-0.1";

    private static final System.Logger LOG = System.getLogger("chat.server");

    private final Listener listener;
    private final Registry registry;
    private final ServerStats stats;
    private final ResourceMonitor monitor;
    private final ServerInfo info;
    private final List<Frontend> frontends;
    private final BotHost bots;
    private final Network network;

    private ChatServer(Listener listener, Registry registry, ServerStats stats, ResourceMonitor monitor, ServerInfo info,
                       List<Frontend> frontends, BotHost bots, Network network) {
        this.bots = bots;
        this.network = network;
        this.listener = listener;
        this.registry = registry;
        this.stats = stats;
        this.monitor = monitor;
        this.info = info;
        this.frontends = frontends;
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
        Storage storage = Storage.open(config.store(), config.get(Options.PASSWORD_MIN_LENGTH), config.caseMapping(),
                clock);
        // #store: what the server advertises (ISUPPORT, CAP) follows what it really has.
        config = config.withStore(storage.config());
        BanList bans;
        try {
            // #persist: with a store, bans live there (a bans.txt is imported once); else in bans.txt.
            bans = BanList.open(config.dataDir(), clock, storage.store() == null ? null : storage.store().bans());
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
        List<ServerInfo.AfterReload> afterReload = new CopyOnWriteArrayList<>();
        ServerInfo info = new ServerInfo(new AtomicReference<>(config), VERSION, clock.instant(), stats, clock,
                new MessageIds(), bans, source, afterReload, storage);
        Dispatcher dispatcher = new Dispatcher(CommandTable.standard(), registry, info);
        // Modules that hear of every change (a cluster, bots) plug in here.
        ServiceLoader.load(ChangeListener.class).forEach(registry::addListener);
        // #12: a cluster node learns the whole network's state before it accepts clients.
        Network network;
        try {
            network = ClusterJoin.join(config, dispatcher);
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
        // #14: the bots register before the first client can connect, so their nicknames are never taken; on a
        // network, after the join, so that each bot arrives through the log like a client (docs/cluster.md).
        BotConfig botConfig = config.bots();
        BotHost bots = BotHost.start(dispatcher, clock, storage.store() == null ? null : storage.store().bots(),
                botConfig::runs, botConfig::settingsOf);
        afterReload.add(c -> {
            bots.reconfigure(c.bots()::settingsOf);
            return bots.names().isEmpty() ? null : "bots reconfigured";
        });
        Listener listener;
        try {
            listener = Listener.start(dispatcher, clock);
        } catch (IOException e) {
            if (network != null) network.close();
            bots.close();
            storage.close();
            throw e;
        }
        afterReload.add(c -> {
            if (!c.tls().enabled()) return null;
            try {
                listener.reloadTls(c.tls(), c.dataDir());
                return "TLS certificate reloaded";
            } catch (IOException | GeneralSecurityException e) {
                throw new IOException("TLS certificate not reloaded, keeping the old one: " + e.getMessage(), e);
            }
        });
        SampleHistory samples = new SampleHistory(clock, SampleHistory.WINDOW);
        LogReporter log = new LogReporter();
        ResourceMonitor monitor = config.monitorInterval().isZero() ? null
                : ResourceMonitor.start(stats, config.monitorInterval(), (Snapshot s) -> {
                    samples.accept(s);
                    log.accept(s);
                });
        List<Frontend> frontends = new ArrayList<>();
        try {
            ServerContext context = new ServerContext(info, registry, listener, samples);
            for (FrontendProvider provider : ServiceLoader.load(FrontendProvider.class)) {
                Frontend frontend = provider.start(context);
                if (frontend != null) frontends.add(frontend);
            }
        } catch (IOException | RuntimeException e) {
            frontends.forEach(Frontend::close);
            listener.close();
            if (network != null) network.close();
            if (monitor != null) monitor.close();
            bots.close();
            storage.close();
            throw e;
        }
        return new ChatServer(listener, registry, stats, monitor, info, List.copyOf(frontends), bots, network);
    }

    /**
     * Does what an operator's REHASH does (on SIGHUP, as Ergo and InspIRCd do): reads the configuration source
     * again, applies what can change while running, loads the TLS certificate again, and logs what happened.
     *
     * @throws IOException              if the configuration cannot be read (nothing changes)
     * @throws IllegalArgumentException if it is invalid (nothing changes)
     */
    public void rehash() throws IOException {
        ServerInfo.Reload reload = info.reload();
        LOG.log(Level.INFO, "configuration reloaded from " + info.configSource().name()
                + (reload.kept().isEmpty() ? "" : "; kept until restart: " + String.join(", ", reload.kept()))
                + (reload.done().isEmpty() ? "" : "; " + String.join("; ", reload.done())));
        for (String problem : reload.problems()) LOG.log(Level.ERROR, problem);
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
        listener.reloadTls(settings, info.config().dataDir());
    }

    /**
     * Where a frontend module listens, by scheme ({@code http}, {@code https}), with the real port; null when no
     * frontend serves it (the web module is absent or the port is off).
     */
    public InetSocketAddress frontendAddress(String scheme) {
        for (Frontend f : frontends) {
            InetSocketAddress a = f.addresses().get(scheme);
            if (a != null) return a;
        }
        return null;
    }

    /** Open connections, registered or not. */
    public int connectionCount() {
        return stats.connections();
    }

    /** Registered clients. */
    public int userCount() {
        return registry.counts().users();
    }

    /** Clients the server dropped since it started, by cause ({@code sendq}, {@code ping_timeout}...). */
    public Map<String, Long> disconnectsByCause() {
        return stats.disconnects();
    }

    /** Whether the store answers (true without a store): false while its database is unreachable. */
    public boolean storeAvailable() {
        return info.storage().available();
    }

    /** Channels that exist. */
    public int channelCount() {
        return registry.counts().channels();
    }

    /** Stops accepting, sends every client {@code ERROR :Server shutting down}, and closes. */
    @Override
    public void close() {
        // #15: an operator sees the server go, as it saw it start.
        LOG.log(Level.INFO, "shutting down: " + userCount() + " users, " + connectionCount() + " connections");
        bots.close();
        // The listener first: it says goodbye to every client, WebSocket ones through their still-open frontend.
        listener.close();
        frontends.forEach(Frontend::close);
        // After the listener: the local clients' departures are published before this node leaves the network.
        if (network != null) network.close();
        if (monitor != null) monitor.close();
        info.storage().close();
        LOG.log(Level.INFO, "stopped");
    }
}
