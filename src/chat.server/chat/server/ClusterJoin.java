package chat.server;

import chat.server.cluster.Network;
import chat.server.command.Dispatcher;
import chat.server.spi.ClusterBus;
import chat.server.spi.ClusterProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ServiceLoader;

/** Joins the network named by {@code --cluster} through the cluster provider for its URL's scheme (#12). */
final class ClusterJoin {

    /** How often a node beats; it is dead after five missed beats. */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private ClusterJoin() {
    }

    /** The node's network, or null when {@code --cluster} is off. */
    static Network join(ServerConfig config, Dispatcher dispatcher) throws IOException {
        URI url = config.get(Options.CLUSTER);
        if (url == null) return null;
        String node = config.get(Options.NODE_NAME);
        if (node == null) throw new IllegalArgumentException("--cluster needs --node-name: each node has its own");
        String store = config.store().location();
        if (store != null && !store.startsWith("postgresql:")) {
            throw new IllegalArgumentException("--cluster needs the PostgreSQL store that every node shares"
                    + " (--store postgresql://USER@HOST:PORT/DB), or none (--store none): " + store
                    + " is an SQLite file, which belongs to one node");
        }
        ClusterProvider provider = ServiceLoader.load(ClusterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.scheme().equalsIgnoreCase(url.getScheme())).findFirst()
                .orElseThrow(() -> new IOException("no cluster provider for " + url.getScheme()
                        + ": is the chat.cluster module on the module path?"));
        ClusterBus bus = provider.open(url, node, HEARTBEAT, config.get(Options.CLUSTER_CUTOFF));
        Network network;
        try {
            network = Network.join(bus, dispatcher);
        } catch (InterruptedException e) {
            bus.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while joining the network", e);
        }
        dispatcher.replicateThrough(network);
        return network;
    }
}
