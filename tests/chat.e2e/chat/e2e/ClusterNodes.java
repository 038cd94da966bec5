package chat.e2e;

import chat.protocol.IrcMessage;
import chat.server.ChatServer;
import chat.server.ConfigSource;
import chat.server.Options;
import chat.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * A network for a test: a throwaway Redis, a database of its own on the test run's throwaway PostgreSQL, and
 * chat nodes in this JVM (each its own server, registry and Redis connections) sharing both, started on free
 * loopback ports and closed in reverse order. Clients are closed with it.
 */
final class ClusterNodes implements AutoCloseable {

    /** How long the network may take to settle after a fault. */
    static final Duration SETTLE = Duration.ofSeconds(30);

    private final RedisServer redis;
    private final ThrowawayPostgres postgres;
    private final String store;
    private final List<ChatServer> nodes = new ArrayList<>();
    // nodes a test stopped on purpose: not closed again
    private final List<ChatServer> stopped = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();

    private ClusterNodes(RedisServer redis, ThrowawayPostgres postgres) {
        this.redis = redis;
        this.postgres = postgres;
        this.store = postgres.createDatabase();
    }

    /** Redis and {@code count} nodes named node1, node2, ... */
    static ClusterNodes start(int count, String... extraArgs) throws IOException {
        RedisServer redis = RedisServer.launch();
        ClusterNodes network;
        try {
            network = new ClusterNodes(redis, ThrowawayPostgres.shared());
        } catch (IOException | RuntimeException e) {
            redis.close();
            throw e;
        }
        try {
            for (int i = 1; i <= count; i++) network.addNode("node" + i, extraArgs);
        } catch (IOException | RuntimeException | Error e) {
            // Error too (a ServiceConfigurationError): a failed start must not leave Redis running.
            network.close();
            throw e;
        }
        return network;
    }

    /** Starts one more node; it returns once it knows the network's state. */
    ChatServer addNode(String name, String... extraArgs) throws IOException {
        return addNodeVia(redis.url(), name, extraArgs);
    }

    /** Starts one more node that reaches Redis at {@code clusterUrl} (e.g. through a proxy the test breaks). */
    ChatServer addNodeVia(String clusterUrl, String name, String... extraArgs) throws IOException {
        Path data = Files.createTempDirectory("chat-test-node");
        dataDirs.add(data);
        List<String> args = new ArrayList<>(List.of("--port", "0", "--monitor-interval", "0", "--tls-port", "-1",
                "--exempt", "127.0.0.0/8,::1", "--http-port", "-1", "--bots", "none", "--cluster", clusterUrl, "--node-name", name,
                "--store", store, "--store-password-file", postgres.passwordFile().toString(), "--password-iterations", "4096"));
        args.addAll(List.of(extraArgs));
        ConfigSource source = ConfigSource.ofArgs(args.toArray(String[]::new));
        // The ban list file (imported into the store once) in the test's own directory.
        ServerConfig config = Opers.withAdmin(source.load().with(Options.DATA_DIR, new ServerConfig.DataDirectory(data, false)));
        ChatServer node = ChatServer.start(config, source);
        nodes.add(node);
        return node;
    }

    ChatServer node(int i) {
        return nodes.get(i);
    }

    /** Shuts node {@code i} down as an operator would (it leaves the network at once); the others stay up. */
    void stop(int i) {
        ChatServer node = nodes.get(i);
        stopped.add(node);
        node.close();
    }

    RedisServer redis() {
        return redis;
    }

    /** The arguments that give another node (e.g. in its own JVM) this network's store. */
    List<String> storeArgs() {
        return List.of("--store", store, "--store-password-file", postgres.passwordFile().toString());
    }

    /** A client registered as {@code nick} on node {@code i} (0-based). */
    TestClient connect(int i, String nick) {
        TestClient c = open(i);
        c.register(nick);
        return c;
    }

    /** Closes {@code c} with the network. */
    TestClient track(TestClient c) {
        synchronized (clients) {
            clients.add(c);
        }
        return c;
    }

    /** A connection to node {@code i} from {@code localAddress} (e.g. 127.0.0.7) that has sent nothing yet. */
    TestClient openFrom(int i, String localAddress) {
        try {
            java.net.Socket socket = new java.net.Socket();
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", nodes.get(i).port()));
            TestClient c = new TestClient(socket);
            synchronized (clients) {
                clients.add(c);
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to node {@code i} that has sent nothing yet. */
    TestClient open(int i) {
        try {
            TestClient c = new TestClient("127.0.0.1", nodes.get(i).port());
            synchronized (clients) {
                clients.add(c);
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(TestClient::close);
        }
        for (int i = nodes.size() - 1; i >= 0; i--) if (!stopped.contains(nodes.get(i))) nodes.get(i).close();
        redis.close();
        for (Path dir : dataDirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Asks NAMES until {@code channel} lists every one of {@code nicks} (bounded by {@link #SETTLE}). */
    static void awaitNames(TestClient c, String channel, String... nicks) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            c.send("NAMES " + channel);
            last = c.expect("353", "*", "*", channel).last();
            c.expect("366", "*", channel);
            List<String> names = new ArrayList<>();
            for (String n : last.split(" ")) names.add(n.replaceAll("^[~&@%+]+", ""));
            if (names.containsAll(List.of(nicks))) return;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new AssertionError(channel + " never listed all of " + List.of(nicks) + " for " + c.nick() + "; last: " + last);
    }

    /**
     * What the nodes of {@code first} and {@code second} show of the network (WHO of #lobby and the channel list,
     * watchers left out, sorted), asked until they agree and list no user in #lobby (bounded by {@link #SETTLE}).
     */
    static List<List<String>> settledViews(TestClient first, TestClient second) {
        List<String> seenFirst = List.of();
        List<String> seenSecond = List.of();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            seenFirst = view(first);
            seenSecond = view(second);
            if (seenFirst.equals(seenSecond) && seenFirst.stream().noneMatch(l -> l.startsWith("352"))) break;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        }
        return List.of(seenFirst, seenSecond);
    }

    private static List<String> view(TestClient c) {
        c.send("WHO #lobby");
        c.send("LIST");
        List<String> seen = new ArrayList<>();
        for (IrcMessage m : c.drain()) {
            if (!m.command().equals("352") && !m.command().equals("322")) continue;
            String row = String.join(" ", m.params().subList(1, m.params().size()));
            if (!row.contains("watcher")) seen.add(m.command() + " " + row);
        }
        seen.sort(null);
        return seen;
    }
}
