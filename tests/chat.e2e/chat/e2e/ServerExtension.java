package chat.e2e;

import chat.server.AbuseLimits;
import chat.server.BotConfig;
import chat.server.ChatServer;
import chat.server.ConfigSource;
import chat.server.ServerConfig;
import chat.server.StoreConfig;
import chat.server.TlsSettings;
import chat.server.WebSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real server on 127.0.0.1 port 0 before each test and stops it after, closing every client the
 * test opened. Register with {@code @RegisterExtension}; {@link #withConfig} changes the configuration,
 * {@link #withArgs} starts from a command line instead (a config file that REHASH reads again). Each test's
 * server gets a fresh temporary data directory unless the test names its own.
 */
public final class ServerExtension implements BeforeEachCallback, AfterEachCallback {

    private final UnaryOperator<ServerConfig> configure;
    private final Supplier<List<String>> args;
    private final UnaryOperator<StoreConfig> store;
    private final List<TestClient> clients = new ArrayList<>();
    private Path dataDir;
    private ChatServer server;

    public ServerExtension() {
        this(c -> c, null, null);
    }

    private ServerExtension(UnaryOperator<ServerConfig> configure, Supplier<List<String>> args,
                            UnaryOperator<StoreConfig> store) {
        this.configure = configure;
        this.args = args;
        this.store = store;
    }

    /** An extension whose server config is the test default changed by {@code configure}. */
    public static ServerExtension withConfig(UnaryOperator<ServerConfig> configure) {
        return new ServerExtension(configure, null, null);
    }

    /**
     * An extension whose server has a store in its temporary data directory, with the test store defaults
     * (fast password hashing) changed by {@code store}. Without this, tests run with no store at all.
     */
    public static ServerExtension withStore(UnaryOperator<StoreConfig> store) {
        return new ServerExtension(c -> c, null, store);
    }

    /** The same with the server config changed too. */
    public static ServerExtension withStore(UnaryOperator<StoreConfig> store, UnaryOperator<ServerConfig> configure) {
        return new ServerExtension(configure, null, store);
    }

    /**
     * An extension that starts the server as {@code chat-server} would with these arguments (read when each
     * test starts, so they may name a {@code @TempDir}), after the test defaults (port 0, no monitor, a
     * temporary data directory), which they may override.
     */
    public static ServerExtension withArgs(Supplier<List<String>> args) {
        return new ServerExtension(c -> c, args, null);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("chat-test-data");
        start();
    }

    private void start() throws IOException {
        if (args == null) {
            // Tests connect many clients from loopback at once: exempt it from the per-address and flood limits
            // (the abuse tests configure their own), and leave TLS and the store off unless a test turns them on.
            ServerConfig config = ServerConfig.defaults().withPort(0).withMonitorInterval(Duration.ZERO)
                    .withTls(TlsSettings.off())
                    .withWeb(WebSettings.defaults().withPorts(-1, -1))
                    .withLimits(AbuseLimits.defaults().withExempt(List.of("127.0.0.0/8", "::1")))
                    .withDataDir(dataDir)
                    .withBots(BotConfig.none())
                    .withStore(store == null ? StoreConfig.off() : store.apply(StoreConfig.defaults()
                            .withDataDirectory(dataDir).withPasswordIterations(StoreConfig.MIN_PASSWORD_ITERATIONS)
                            .withSyncEveryCommit(false)));
            server = ChatServer.start(configure.apply(config));
        } else {
            List<String> all = new ArrayList<>(List.of("--port", "0", "--monitor-interval", "0", "--tls-port", "-1",
                    "--http-port", "-1", "--bots", "none",
                    "--exempt", "127.0.0.0/8,::1", "--data-dir", dataDir.toString()));
            all.addAll(args.get());
            ConfigSource source = ConfigSource.ofArgs(all.toArray(String[]::new));
            server = ChatServer.start(source.load(), source);
        }
    }

    /** The temporary data directory of this test's server. */
    public Path dataDirectory() {
        return dataDir;
    }

    /** Stops the server (its clients see it go) and starts a new one with the same configuration and data directory. */
    public void restart() {
        synchronized (clients) {
            clients.forEach(TestClient::close);
            clients.clear();
        }
        server.close();
        try {
            start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        synchronized (clients) {
            clients.forEach(TestClient::close);
            clients.clear();
        }
        if (server != null) server.close();
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    public ChatServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** A raw connection from a given local address (e.g. 127.0.0.2) that has sent nothing yet. */
    public TestClient openFrom(String localAddress) {
        try {
            java.net.Socket socket = new java.net.Socket();
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            return track(new TestClient(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes {@code client} when the test ends. */
    public TestClient track(TestClient client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** A raw connection that has sent nothing yet. */
    public TestClient open() {
        try {
            TestClient client = new TestClient("127.0.0.1", server.port());
            synchronized (clients) {
                clients.add(client);
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client registered as {@code nick} from another loopback address (see {@link #openFrom}). */
    public TestClient connectFrom(String localAddress, String nick) {
        TestClient client = openFrom(localAddress);
        client.register(nick);
        return client;
    }

    /** A client that negotiated these IRCv3 capabilities, then registered as {@code nick}. */
    public TestClient connectWithCaps(String nick, String... caps) {
        TestClient client = open();
        client.send("CAP LS 302");
        client.expect("CAP", "*", "LS");
        client.send("CAP REQ :" + String.join(" ", caps));
        client.expect("CAP", "*", "ACK");
        client.send("CAP END");
        client.register(nick);
        return client;
    }

    /** A client registered as {@code nick}, its welcome and the default channel's names already read. */
    public TestClient connect(String nick) {
        TestClient client = open();
        client.register(nick);
        return client;
    }
}
