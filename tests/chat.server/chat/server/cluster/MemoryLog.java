package chat.server.cluster;

import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.server.ManualClock;
import chat.server.ServerConfig;
import chat.server.command.CommandTable;
import chat.server.command.Dispatcher;
import chat.server.service.ServerInfo;
import chat.server.spi.ClusterBus;
import chat.server.spi.ClusterEntry;
import chat.server.spi.ClusterListener;
import chat.server.state.Link;
import chat.server.state.Outbound;
import chat.server.state.RecordingOutbound;
import chat.server.state.Registry;
import chat.server.state.ServerStats;
import chat.server.state.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A network's log in memory, without Redis: nodes publish to it, and each node applies it only when the test says
 * so ({@link Node#catchUp}), on a reader thread of its own (as the bus's), so that a test chooses the interleaving
 * of a client's close with its entries in the log.
 */
final class MemoryLog implements AutoCloseable {

    private final List<ClusterEntry> entries = new ArrayList<>(); // guarded by this
    private final List<Node> nodes = new ArrayList<>();

    /** A node of this network, joined (its HELLO in the log). */
    Node node(String name) throws InterruptedException {
        Node n = new Node(name);
        nodes.add(n);
        n.network = Network.join(n, n.dispatcher);
        n.dispatcher.replicateThrough(n.network);
        return n;
    }

    /** Every node applies everything in the log. */
    void catchUp() {
        for (Node n : nodes) n.catchUp();
    }

    private synchronized void append(ClusterEntry entry) {
        entries.add(new ClusterEntry((entries.size() + 1) + "-0", entry.node(), entry.kind(), entry.fields()));
    }

    private synchronized List<ClusterEntry> after(int applied) {
        return List.copyOf(entries.subList(applied, entries.size()));
    }

    @Override
    public void close() {
        for (Node n : nodes) n.reader.shutdownNow();
    }

    /** One node: its registry and dispatcher as a server has them, its bus this log. */
    final class Node implements ClusterBus {

        private final String name;
        final Registry registry;
        final Dispatcher dispatcher;
        private final ExecutorService reader = Executors.newSingleThreadExecutor();
        private ClusterListener listener;
        private Network network;
        private int applied; // confined to the reader thread

        private Node(String name) {
            this.name = name;
            ManualClock clock = new ManualClock(Instant.parse("2024-05-06T07:08:09Z"));
            this.registry = new Registry(CaseMapping.RFC1459, clock);
            this.dispatcher = new Dispatcher(CommandTable.standard(), registry,
                    new ServerInfo(ServerConfig.defaults(), "test", Instant.EPOCH, new ServerStats(), clock));
        }

        /** Applies what the log holds and this node has not applied yet. */
        void catchUp() {
            onReader(l -> {
                for (ClusterEntry e : after(applied)) {
                    applied++;
                    l.apply(e);
                }
            });
        }

        /** Runs {@code step} on this node's reader thread (a lost log, a cut from Redis) and waits for it. */
        void onReader(Consumer<ClusterListener> step) {
            try {
                reader.submit(() -> step.accept(listener)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException e) {
                throw new AssertionError(e.getCause());
            }
        }

        /** A client connected to this node that has sent nothing yet. */
        Client open() {
            return new Client(this);
        }

        /** A client of this node, registered as {@code nick} once every node applied its arrival. */
        Client connect(String nick) {
            Client c = open();
            c.send("NICK " + nick);
            c.send("USER " + nick + " 0 * :Real " + nick);
            MemoryLog.this.catchUp();
            return c;
        }

        /** The registered user with {@code nick} on this node, or null. */
        User find(String nick) {
            return registry.findNick(nick);
        }

        @Override
        public String node() {
            return name;
        }

        @Override
        public void start(ClusterEntry hello, ClusterListener listener) {
            this.listener = listener;
            publish(hello);
        }

        @Override
        public void publish(ClusterEntry entry) {
            append(entry);
        }

        @Override
        public Set<String> liveNodes() {
            return Set.of(name);
        }

        @Override
        public void close() {
            reader.shutdownNow();
        }
    }

    /** A client of one node: the connection's close takes it out as a real connection's does. */
    static final class Client implements Outbound {

        private final Node node;
        private final RecordingOutbound out = new RecordingOutbound();
        final Link link;
        private boolean closed; // guarded by this

        private Client(Node node) {
            this.node = node;
            this.link = new Link(this, "10.0.0.1", 0);
        }

        /** A line from the client, handled as its connection's reader thread would. */
        void send(String line) {
            node.dispatcher.dispatch(link, LineParser.parse(line));
        }

        /** What the client received since the last call. */
        List<IrcMessage> take() {
            return out.take();
        }

        /** What the client is answered to {@code line} by its own node (a query: WHO, LIST, TOPIC). */
        List<IrcMessage> ask(String line) {
            take();
            send(line);
            return take();
        }

        @Override
        public boolean send(byte[] lines) {
            return out.send(lines);
        }

        @Override
        public void close(String reason) {
            synchronized (this) {
                if (closed) return;
                closed = true;
            }
            node.dispatcher.disconnected(link.user(), reason);
        }
    }
}
