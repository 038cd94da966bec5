package chat.e2e;

import chat.server.AbuseLimits;
import chat.server.ChatServer;
import chat.server.ServerConfig;
import chat.server.TlsSettings;
import chat.server.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real server on 127.0.0.1 port 0 before each test and stops it after, closing every client the
 * test opened. Register with {@code @RegisterExtension}; {@link #withConfig} changes the configuration.
 */
public final class ServerExtension implements BeforeEachCallback, AfterEachCallback {

    private final UnaryOperator<ServerConfig> configure;
    private final UnaryOperator<StoreConfig> store;
    private final List<TestClient> clients = new ArrayList<>();
    private ChatServer server;
    private ServerConfig config;
    private Path dataDirectory;

    public ServerExtension() {
        this(c -> c);
    }

    private ServerExtension(UnaryOperator<ServerConfig> configure) {
        this(configure, null);
    }

    private ServerExtension(UnaryOperator<ServerConfig> configure, UnaryOperator<StoreConfig> store) {
        this.configure = configure;
        this.store = store;
    }

    /**
     * An extension whose server has a store in a fresh temporary data directory (deleted after the test), with
     * the test store defaults (fast password hashing) changed by {@code store}. Without this, tests run with
     * no store at all.
     */
    public static ServerExtension withStore(UnaryOperator<StoreConfig> store) {
        return new ServerExtension(c -> c, store);
    }

    /** The same with the server config changed too. */
    public static ServerExtension withStore(UnaryOperator<StoreConfig> store, UnaryOperator<ServerConfig> configure) {
        return new ServerExtension(configure, store);
    }

    /** An extension whose server config is the test default changed by {@code configure}. */
    public static ServerExtension withConfig(UnaryOperator<ServerConfig> configure) {
        return new ServerExtension(configure);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        // Tests connect many clients from loopback at once: exempt it from the per-address and flood limits
        // (the abuse tests configure their own), and leave TLS and the store off unless a test turns them on.
        ServerConfig config = ServerConfig.defaults().withPort(0).withMonitorInterval(Duration.ZERO)
                .withTls(TlsSettings.off())
                .withLimits(AbuseLimits.defaults().withExempt(List.of("127.0.0.0/8", "::1")))
                .withStore(StoreConfig.off());
        if (store != null) {
            dataDirectory = Files.createTempDirectory("chat-store-test");
            config = config.withStore(store.apply(StoreConfig.defaults().withDataDirectory(dataDirectory)
                    .withPasswordIterations(StoreConfig.MIN_PASSWORD_ITERATIONS).withSyncEveryCommit(false)));
        }
        this.config = configure.apply(config);
        server = ChatServer.start(this.config);
    }

    /** Stops the server (its clients see it go) and starts it again with the same config and data directory. */
    public void restart() {
        synchronized (clients) {
            clients.forEach(TestClient::close);
            clients.clear();
        }
        server.close();
        try {
            server = ChatServer.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data directory of a {@link #withStore} server. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        synchronized (clients) {
            clients.forEach(TestClient::close);
            clients.clear();
        }
        if (server != null) server.close();
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
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
