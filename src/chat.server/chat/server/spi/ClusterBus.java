package chat.server.spi;

import java.util.Set;

/**
 * The cluster bus a {@link ClusterProvider} opens: one ordered log shared by every node, and node liveness.
 * The bus decides only when entries are applied (in log order, the same on every node), never how.
 */
public interface ClusterBus extends AutoCloseable {

    /** This node's name, unique in the network. */
    String node();

    /**
     * Joins the network: starts beating, writes {@code hello} and reads the log from just before it, handing
     * entries to {@code listener} from then on. Returns once {@code hello} is written.
     */
    void start(ClusterEntry hello, ClusterListener listener);

    /** Appends an entry to the log; never blocks (entries are written in batches, in the order published). */
    void publish(ClusterEntry entry);

    /** The nodes beating now, this one included. */
    Set<String> liveNodes();

    /** Leaves the network: stops beating (the others see this node's users leave) and closes the connection. */
    @Override
    void close();
}
