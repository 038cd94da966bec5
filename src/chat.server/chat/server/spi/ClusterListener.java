package chat.server.spi;

/**
 * What a cluster bus tells its server. Every call comes from the bus's one reader thread, in log order.
 */
public interface ClusterListener {

    /** Applies the next entry of the log. */
    void apply(ClusterEntry entry);

    /** A node stopped beating: its users are gone (a netsplit). Called once per death. */
    void nodeDown(String node);

    /** The bus lost the broker for longer than allowed: this node is cut off and must drop its clients. */
    void cutOff(String reason);

    /**
     * The broker came back without the log this node was reading (it restarted empty): forget every other
     * node's users and announce this node's own again; the others do the same.
     */
    void logLost();

    /**
     * The broker is back with the same log after this node was cut off from it: the others buried this node, so
     * it forgets their users and learns the network again, as a node starting late does.
     */
    void rejoined();
}
