package chat.server.spi;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Opens a {@link ClusterBus} for a URL scheme (e.g. {@code redis}); found with {@link java.util.ServiceLoader}. */
public interface ClusterProvider {

    /** The URL scheme this provider serves. */
    String scheme();

    /**
     * Connects to the broker at {@code url} as {@code node}.
     *
     * @param heartbeat how often the node beats; a node silent for three beats is dead
     * @param cutOff    how long the broker may be unreachable before the node is cut off
     * @throws IOException the broker cannot be reached, or {@code node} is already beating
     */
    ClusterBus open(URI url, String node, Duration heartbeat, Duration cutOff) throws IOException;
}
