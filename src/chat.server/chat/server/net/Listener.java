package chat.server.net;

import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.ServerConfig;
import chat.server.command.Dispatcher;
import chat.server.limit.BanEntry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The listening socket and its accept loop, the set of live connections, and the sweeper that enforces
 * registration and ping time limits for all of them from one thread (no timer per client).
 */
public final class Listener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("chat.server");
    /** Pending connections the kernel may hold for us. */
    static final int BACKLOG = 4096;
    /** How often the sweeper looks at every connection. */
    static final long SWEEP_PERIOD_MILLIS = 500;
    /** How long a closing connection may take to write its last lines. */
    static final long CLOSE_GRACE_MILLIS = 5_000;
    /** How long a shutdown waits for clients to receive their ERROR line. */
    static final long SHUTDOWN_GRACE_MILLIS = 2_000;
    /** How long a refused (D-lined) connection may take to read its ERROR line before it is closed. */
    static final int REFUSE_LINGER_MILLIS = 2_000;
    /** Bytes read and discarded from a refused connection, so that closing it does not reset the ERROR away. */
    static final int REFUSE_DRAIN_BYTES = 4096;
    /** Refused connections lingering at once; past this a refused connection is closed without a word. */
    static final int REFUSING_MAX = 256;

    private final ServerSocket serverSocket;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Set<Connection> live = ConcurrentHashMap.newKeySet();
    private final Semaphore refusing = new Semaphore(REFUSING_MAX);
    private final ScheduledExecutorService sweeper;
    private final Thread acceptor;

    private Listener(ServerSocket serverSocket, Dispatcher dispatcher, Clock clock) {
        this.serverSocket = serverSocket;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sweeper").factory());
        sweeper.scheduleAtFixedRate(this::sweep, SWEEP_PERIOD_MILLIS, SWEEP_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        this.acceptor = Thread.ofVirtual().name("acceptor").unstarted(this::acceptLoop);
    }

    /** Binds to the configured address and starts accepting. */
    public static Listener start(Dispatcher dispatcher, Clock clock) throws IOException {
        ServerConfig config = dispatcher.server().config();
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(config.host(), config.port()), BACKLOG);
        Listener listener = new Listener(socket, dispatcher, clock);
        listener.acceptor.start();
        return listener;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "accept failed: " + e.getMessage());
                continue;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        BanEntry ban = dispatcher.server().bans().findDline(socket.getInetAddress().getHostAddress());
        if (ban != null) {
            if (refusing.tryAcquire()) {
                Thread.ofVirtual().name("refuse").start(() -> {
                    try {
                        refuse(socket, "Banned (" + ban.reason() + ")");
                    } finally {
                        refusing.release();
                    }
                });
            } else {
                // A connection flood from a banned network: no lingering, no ERROR.
                closeQuietly(socket);
            }
            return;
        }
        try {
            socket.setTcpNoDelay(true);
            Connection connection = new Connection(socket, dispatcher, live, clock);
            live.add(connection);
            dispatcher.server().stats().connected();
            Thread.ofVirtual().name("client").start(connection::run);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not set up a connection: " + e.getMessage());
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already failing or refused; nothing more to release
        }
    }

    /**
     * Turns a D-lined connection away before it is a client: ERROR, then close. Runs on its own virtual thread
     * so that a peer that does not read cannot hold up the accept loop.
     */
    private static void refuse(Socket socket, String reason) {
        try (socket) {
            socket.getOutputStream().write(LineWriter.encodeWithin(IrcMessage.of("ERROR", reason)));
            socket.shutdownOutput();
            // Read what the client already sent (NICK, USER...) until it closes: closing with unread input
            // would send a reset, and the client could lose the ERROR line.
            socket.setSoTimeout(REFUSE_LINGER_MILLIS);
            InputStream in = socket.getInputStream();
            byte[] discard = new byte[512];
            int total = 0;
            int n;
            while (total < REFUSE_DRAIN_BYTES && (n = in.read(discard)) >= 0) total += n;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "refusing a banned connection: " + e.getMessage());
        }
    }

    // Reads the limits from the configuration in force each time, so that a REHASH applies to everyone.
    private void sweep() {
        ServerConfig config = dispatcher.server().config();
        Connection.TimeLimits limits = new Connection.TimeLimits(config.registrationTimeout().toMillis(),
                config.pingInterval().toMillis(), config.pingTimeout().toMillis(), CLOSE_GRACE_MILLIS);
        long now = clock.millis();
        for (Connection c : live) {
            try {
                c.sweep(now, limits);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "sweeping " + c.session() + " failed", e);
            }
        }
    }

    /** Stops accepting, tells every client the server is going away, waits briefly, then closes all. */
    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the listening socket", e);
        }
        List<Connection> all = List.copyOf(live);
        for (Connection c : all) c.close("Server shutting down");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_GRACE_MILLIS);
        while (!live.isEmpty() && System.nanoTime() < deadline) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        for (Connection c : List.copyOf(live)) c.drop("Server shutting down");
        sweeper.shutdownNow();
    }
}
