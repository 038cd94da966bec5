package chat.cluster;

import chat.server.spi.ClusterBus;
import chat.server.spi.ClusterProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** {@code redis://HOST:PORT}: the cluster bus on one Redis (or Valkey) server. */
public final class RedisClusterProvider implements ClusterProvider {

    @Override
    public String scheme() {
        return "redis";
    }

    @Override
    public ClusterBus open(URI url, String node, Duration heartbeat, Duration cutOff) throws IOException {
        return RedisBus.connect(url, node, heartbeat, cutOff);
    }
}
