package chat.cluster;

/** The Redis keys of one network, all under one prefix. */
final class Keys {

    /** The ordered log: a Redis Stream. */
    static final String LOG = "chat:log";
    /** A random value set when the log is started; a Redis that lost it (restarted empty) has another or none. */
    static final String EPOCH = "chat:epoch";
    /** Hash: node name -> the last log id it applied (trimming keeps what the slowest live node still needs). */
    static final String APPLIED = "chat:applied";
    /** Present (with a TTL of one death time) while the nodes rebuild after Redis lost everything. */
    static final String REBUILT = "chat:rebuilt";
    /** Prefix of the per-node heartbeat keys (value: the node's epoch; expire after three beats). */
    static final String NODE = "chat:node:";

    private Keys() {
    }
}
