/** The cluster bus on Redis: one ordered log in a Redis Stream, node liveness in keys with a TTL. */
module chat.cluster {
    requires chat.server;
    requires redis.clients.jedis;
    provides chat.server.spi.ClusterProvider with chat.cluster.RedisClusterProvider;
}
