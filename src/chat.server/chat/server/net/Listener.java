package chat.server.net;

import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.Options;
import chat.server.ServerConfig;
import chat.server.limit.Admission;
import chat.server.command.Dispatcher;
import chat.server.limit.BanEntry;
import chat.server.limit.Cidr;
import chat.server.spi.ConnectionRefused;
import chat.server.spi.InboundLink;
import chat.server.spi.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The listening socket and its accept loop, the set of live connections, and the sweeper that enforces
 * registration and ping time limits for all of them from one thread (no timer per client).
 */
public final class Listener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("chat.server");
    /** Pending connections the kernel may hold for us. */
    static final int BACKLOG = 4096;
    /** Sweeps per shortest time limit: each limit is enforced within a tenth of itself. */
    static final int SWEEPS_PER_LIMIT = 10;
    /** Shortest pause between two sweeps. */
    static final long MIN_SWEEP_PERIOD_MILLIS = 50;
    /**
     * Longest pause between two sweeps. A sweep reads every connection (about 0.5 us each, mostly cache
     * misses), so with the default limits this keeps 10,000 idle clients near 0.25% of a core.
     */
    static final long MAX_SWEEP_PERIOD_MILLIS = 2_000;
    /** How long a closing connection may take to write its last lines. */
    static final long CLOSE_GRACE_MILLIS = 5_000;
    private static final String SHUTTING_DOWN = "Server shutting down";
    /** How long a shutdown waits for clients to receive their ERROR line. */
    static final long SHUTDOWN_GRACE_MILLIS = 2_000;
    /** How long a D-lined connection may take to read its ERROR line before it is closed. */
    static final int BANNED_LINGER_MILLIS = 2_000;
    /** Bytes read and discarded from a D-lined connection, so that closing it does not reset the ERROR away. */
    static final int BANNED_DRAIN_BYTES = 4096;
    /** D-lined connections lingering at once; past this one is closed without a word. */
    static final int BANNED_LINGERING_MAX = 256;

    private final ServerSocket serverSocket;
    private final ServerSocket tlsServerSocket;
    private final AtomicReference<SSLContext> tlsContext;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Admission admission;
    private final Set<Connection> live = ConcurrentHashMap.newKeySet();
    /** #17: what all send queues hold together, WebSocket clients' included; shares are counted over {@link #live}. */
    private final SendQueueBudget sendQueues;
    private final Semaphore lingering = new Semaphore(BANNED_LINGERING_MAX);
    /** PROXY headers being read at once; past this a proxied connection is closed at once. */
    static final int PROXY_HEADERS_PENDING_MAX = 256;
    private final Semaphore proxyHeaders = new Semaphore(PROXY_HEADERS_PENDING_MAX);
    private final List<Cidr> proxies;
    private final ScheduledExecutorService sweeper;
    private final SocketPoller poller;

    private Listener(ServerSocket serverSocket, ServerSocket tlsServerSocket, SSLContext tlsContext,
                     Dispatcher dispatcher, Clock clock) throws IOException {
        this.serverSocket = serverSocket;
        this.tlsServerSocket = tlsServerSocket;
        this.tlsContext = new AtomicReference<>(tlsContext);
        this.dispatcher = dispatcher;
        this.clock = clock;
        ServerConfig config = dispatcher.server().config();
        this.admission = new Admission(config.limits());
        this.sendQueues = new SendQueueBudget(config.sendQueueTotalBytes(), live::size);
        this.proxies = config.get(Options.PROXY_FROM).stream().map(Cidr::parse).toList();
        this.poller = new SocketPoller();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sweeper").factory());
        sweeper.schedule(this::sweep, sweepPeriodMillis(limits(config)), TimeUnit.MILLISECONDS);
    }

    /**
     * How often the sweeper looks at every connection: a tenth of the shortest time limit, within
     * bounds. #bench: sweeping 10,000 idle clients every 500 ms took 1% of a core, the idle-CPU budget.
     */
    static long sweepPeriodMillis(Connection.TimeLimits limits) {
        long shortest = Math.min(limits.registrationMillis(), Math.min(limits.pingIntervalMillis(), limits.pingTimeoutMillis()));
        return Math.clamp(shortest / SWEEPS_PER_LIMIT, MIN_SWEEP_PERIOD_MILLIS, MAX_SWEEP_PERIOD_MILLIS);
    }

    /** Binds to the configured address (and the TLS port, if enabled) and starts accepting. */
    public static Listener start(Dispatcher dispatcher, Clock clock) throws IOException {
        ServerConfig config = dispatcher.server().config();
        SSLContext context = null;
        if (config.tls().enabled()) {
            try {
                context = TlsContexts.load(config.tls(), config.dataDir());
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot load the TLS certificate: " + e.getMessage(), e);
            }
        }
        // #17: plain clients get non-blocking sockets (a channel's), watched by the poller while idle; TLS
        // clients keep a blocking socket and their reader thread.
        ServerSocket plain = bind(ServerSocketChannel.open().socket(), config.host(), config.port());
        ServerSocket tls;
        try {
            tls = context == null ? null : bind(new ServerSocket(), config.host(), config.tls().port());
        } catch (IOException e) {
            plain.close();
            throw e;
        }
        Listener listener;
        try {
            listener = new Listener(plain, tls, context, dispatcher, clock);
        } catch (IOException e) {
            plain.close();
            if (tls != null) tls.close();
            throw e;
        }
        Thread.ofVirtual().name("acceptor").start(() -> listener.acceptLoop(plain, false));
        if (tls != null) Thread.ofVirtual().name("tls-acceptor").start(() -> listener.acceptLoop(tls, true));
        return listener;
    }

    private static ServerSocket bind(ServerSocket socket, String host, int port) throws IOException {
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(host, port), BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return socket;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** The TLS listener's address, or null when TLS is off. */
    public InetSocketAddress tlsAddress() {
        return tlsServerSocket == null ? null : (InetSocketAddress) tlsServerSocket.getLocalSocketAddress();
    }

    /** The TLS context in use, or null when the TLS port is off. */
    public SSLContext tlsContext() {
        return tlsServerSocket == null ? null : tlsContext.get();
    }

    /** Loads the certificate again; connections made from now on use it, open ones keep theirs. */
    public void reloadTls(chat.server.TlsSettings settings, java.nio.file.Path dataDir) throws IOException, GeneralSecurityException {
        if (tlsServerSocket == null) return;
        tlsContext.set(TlsContexts.load(settings, dataDir));
    }

    private void acceptLoop(ServerSocket listening, boolean tls) {
        while (!listening.isClosed()) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (SocketException | ClosedChannelException e) {
                return; // closed: the server is stopping
            } catch (IOException e) {
                LOG.log(Level.WARNING, "accept failed: " + e);
                continue;
            }
            if (fromProxy(socket.getInetAddress())) {
                readProxyHeader(socket, tls);
            } else {
                admit(socket, tls, socket.getInetAddress(), false);
            }
        }
    }

    private boolean fromProxy(InetAddress address) {
        for (Cidr range : proxies) if (range.matches(address)) return true;
        return false;
    }

    /**
     * #12: a connection from a configured proxy (HAProxy's {@code send-proxy-v2}) starts with a PROXY header that
     * names the client; admission, D-lines and the user then see the client's address. The header is read on
     * a virtual thread of its own (at most {@link #PROXY_HEADERS_PENDING_MAX} at once, each within
     * {@link ProxyHeader#READ_TIMEOUT_MILLIS}), so a proxy that stalls cannot hold up the accept loop.
     */
    private void readProxyHeader(Socket socket, boolean tls) {
        if (!proxyHeaders.tryAcquire()) {
            refuse(socket, null);
            return;
        }
        Thread.ofVirtual().name("proxy-header").start(() -> {
            InetAddress client;
            boolean proxyOwn;
            try {
                socket.setSoTimeout(ProxyHeader.READ_TIMEOUT_MILLIS);
                ProxyHeader header = ProxyHeader.read(socket.getInputStream());
                socket.setSoTimeout(0);
                proxyOwn = !header.proxied();
                client = proxyOwn ? socket.getInetAddress() : header.source();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "no valid PROXY header from " + socket.getInetAddress().getHostAddress() + ": " + e.getMessage());
                refuse(socket, null);
                return;
            } finally {
                proxyHeaders.release();
            }
            admit(socket, tls, client, proxyOwn);
        });
    }

    // #4: admission happens here, on the acceptor, before a thread or a buffer is spent on the connection.
    private void admit(Socket socket, boolean tls, InetAddress address, boolean proxyOwn) {
        Refused refused = admissionRefusal(address, proxyOwn);
        if (refused != null) {
            // A D-lined address is told why (on the plain port), then given time to read it.
            if (refused.dline()) refuseBanned(socket, tls ? null : refused.message());
            else refuse(socket, tls ? null : refused.message());
            return;
        }
        try {
            socket.setTcpNoDelay(true);
            if (!tls && socket.getChannel() != null) {
                PolledSocket polled = new PolledSocket(socket.getChannel(), poller);
                Connection connection = new Connection(polled, address, false, dispatcher, live, clock, admission,
                        sendQueues);
                started(connection);
                try {
                    polled.start(connection, connection.receiveQueueBytes());
                } catch (IOException e) {
                    connection.drop("Read error: " + e.getMessage());
                }
                return;
            }
            Socket stream = tls ? wrapTls(socket) : socket;
            Connection connection = new Connection(new SocketTransport(stream, tls), address, tls, dispatcher, live,
                    clock, admission, sendQueues);
            started(connection);
            Thread.ofVirtual().name("client").start(() -> {
                try {
                    connection.run(stream.getInputStream());
                } catch (IOException e) {
                    connection.drop("Read error: " + e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not set up a connection: " + e.getMessage());
            admission.released(address, false);
            refuse(socket, null);
        }
    }

    /**
     * Admits a connection another module accepted (a WebSocket) by the same rules as a TCP one, and starts the
     * reader thread that hands its pushed lines to the dispatcher.
     */
    public InboundLink connect(InetAddress address, boolean secure, Transport transport) throws ConnectionRefused {
        if (serverSocket.isClosed()) throw new ConnectionRefused("Server shutting down");
        Refused refused = admissionRefusal(address, false);
        if (refused != null) throw new ConnectionRefused(refused.message());
        Connection connection = new Connection(transport, address, secure, dispatcher, live, clock, admission,
                sendQueues);
        PushedLines lines = new PushedLines(connection);
        started(connection);
        Thread.ofVirtual().name("client").start(lines::run);
        return lines;
    }

    private void started(Connection connection) {
        live.add(connection);
        dispatcher.server().stats().connected(connection.transportKind());
    }

    /** Why a connection is turned away: the ERROR text, and whether a D-line matched. */
    private record Refused(String message, boolean dline) {
    }

    /**
     * Why {@code address} may not connect now, or null when it may. D-lines first: a banned address counts for
     * nothing in admission. {@code proxyOwn}: a trusted proxy's own connection (its health check), which the
     * per-address limits do not count.
     */
    private Refused admissionRefusal(InetAddress address, boolean proxyOwn) {
        BanEntry ban = dispatcher.server().bans().findDline(address.getHostAddress());
        if (ban != null) {
            dispatcher.server().stats().refused("dline");
            return new Refused("Banned (" + ban.reason() + ")", true);
        }
        Admission.Refusal refusal = admission.admit(address, System.nanoTime(), proxyOwn);
        if (refusal == null) return null;
        dispatcher.server().stats().refused(refusal.name());
        return new Refused(refusal.message(), false);
    }

    private Socket wrapTls(Socket socket) throws IOException {
        SSLSocket ssl = (SSLSocket) tlsContext.get().getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return ssl;
    }

    /** Tells a refused client why (on the plain port), then closes. The write fits an empty socket buffer. */
    private static void refuse(Socket socket, String reason) {
        try (socket) {
            if (reason != null) {
                socket.getOutputStream().write(LineWriter.encode(IrcMessage.of("ERROR", reason)));
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "refusing a connection: " + e.getMessage());
        }
    }

    /**
     * Turns a D-lined connection away: ERROR, then close once the client has read it. On its own virtual thread
     * (at most {@link #BANNED_LINGERING_MAX} at once), so that a peer that does not read cannot hold up the
     * accept loop, and a connection flood from a banned network cannot pile up sockets.
     */
    private void refuseBanned(Socket socket, String reason) {
        if (reason == null || !lingering.tryAcquire()) {
            refuse(socket, null);
            return;
        }
        Thread.ofVirtual().name("refuse-banned").start(() -> {
            try (socket) {
                socket.getOutputStream().write(LineWriter.encodeWithin(IrcMessage.of("ERROR", reason)));
                socket.shutdownOutput();
                // Read what the client already sent (NICK, USER...) until it closes: closing with unread input
                // would send a reset, and the client could lose the ERROR line.
                socket.setSoTimeout(BANNED_LINGER_MILLIS);
                InputStream in = socket.getInputStream();
                byte[] discard = new byte[512];
                int total = 0;
                for (int n; total < BANNED_DRAIN_BYTES && (n = in.read(discard)) >= 0; ) total += n;
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "refusing a banned connection: " + e.getMessage());
            } finally {
                lingering.release();
            }
        });
    }

    // Reads the limits from the configuration in force each time, so that a REHASH applies to everyone,
    // and plans the next sweep from them.
    private void sweep() {
        Connection.TimeLimits limits = limits(dispatcher.server().config());
        long now = clock.millis();
        for (Connection c : live) {
            try {
                c.sweep(now, limits);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "sweeping " + c.session() + " failed", e);
            }
        }
        try {
            sweeper.schedule(this::sweep, sweepPeriodMillis(limits), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the listener is closing: no more sweeps
        }
    }

    private static Connection.TimeLimits limits(ServerConfig config) {
        return new Connection.TimeLimits(config.registrationTimeout().toMillis(), config.pingInterval().toMillis(),
                config.pingTimeout().toMillis(), CLOSE_GRACE_MILLIS);
    }

    /** Stops accepting, tells every client the server is going away, waits briefly, then closes all. */
    @Override
    public void close() {
        for (ServerSocket listening : new ServerSocket[] {serverSocket, tlsServerSocket}) {
            if (listening == null) continue;
            try {
                listening.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing a listening socket", e);
            }
        }
        List<Connection> all = List.copyOf(live);
        dispatcher.disconnectedAll(all.stream().map(c -> c.session().user()).toList(), SHUTTING_DOWN);
        for (Connection c : all) c.close(SHUTTING_DOWN);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_GRACE_MILLIS);
        while (!live.isEmpty() && System.nanoTime() < deadline) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        for (Connection c : List.copyOf(live)) c.drop(SHUTTING_DOWN);
        sweeper.shutdownNow();
        poller.close();
    }
}
