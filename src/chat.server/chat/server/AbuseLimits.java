package chat.server;

import java.time.Duration;
import java.util.List;

/**
 * Admission and flood limits, validated once here. Address lists hold IPv4/IPv6 addresses or CIDR ranges.
 *
 * @param maxClients             connections the server holds at most (then {@code ERROR :Server is full})
 * @param perIpConnections       concurrent connections from one address
 * @param perIpUnregistered      connections from one address that have not registered yet
 * @param connectBurst           new connections one address may open in a burst ...
 * @param connectWindow          ... refilled at connectBurst per this window (token bucket)
 * @param connectBanAfter        refusals of one address within a window after which it is banned for a while
 * @param connectBanDuration     how long that automatic ban lasts (like InspIRCd's connectban)
 * @param exempt                 ranges exempt from the per-address limits and from flood control
 * @param deny                   ranges refused at once ({@code ERROR :Banned})
 * @param allow                  ranges let in even when they fall in a denied range
 * @param floodBurst             lines a client may send at once before it is slowed down
 * @param floodLinesPerSecond    lines per second after the burst (0 turns flood control off)
 * @param floodMaxPendingBytes   unprocessed input a slowed-down client may have before {@code ERROR :Excess Flood}
 */
public record AbuseLimits(
        int maxClients,
        int perIpConnections,
        int perIpUnregistered,
        int connectBurst,
        Duration connectWindow,
        int connectBanAfter,
        Duration connectBanDuration,
        List<String> exempt,
        List<String> deny,
        List<String> allow,
        int floodBurst,
        double floodLinesPerSecond,
        int floodMaxPendingBytes) {

    /** Default ceiling on connections. */
    public static final int MAX_CLIENTS = 15_000;
    /** Default concurrent connections per address. */
    public static final int PER_IP_CONNECTIONS = 10;
    /** Default unregistered connections per address. */
    public static final int PER_IP_UNREGISTERED = 5;
    /** Default connection burst per address ... */
    public static final int CONNECT_BURST = 5;
    /** ... per this window. */
    public static final Duration CONNECT_WINDOW = Duration.ofSeconds(10);
    /** Default refusals before an automatic ban. */
    public static final int CONNECT_BAN_AFTER = 20;
    /** Default automatic ban. */
    public static final Duration CONNECT_BAN_DURATION = Duration.ofMinutes(5);
    /** Default flood burst, in lines. */
    public static final int FLOOD_BURST = 20;
    /** Default sustained line rate. */
    public static final double FLOOD_LINES_PER_SECOND = 4;
    /** Default unprocessed input allowed while slowed down. */
    public static final int FLOOD_MAX_PENDING_BYTES = 8 * 1024;

    public AbuseLimits {
        positive(maxClients, "max-clients");
        positive(perIpConnections, "per-ip-connections");
        positive(perIpUnregistered, "per-ip-unregistered");
        positive(connectBurst, "connect-burst");
        positive(connectBanAfter, "connect-ban-after");
        if (connectWindow == null || connectWindow.isNegative() || connectWindow.isZero()) {
            throw new IllegalArgumentException("connect-window must be positive");
        }
        if (connectBanDuration == null || connectBanDuration.isNegative()) {
            throw new IllegalArgumentException("connect-ban-duration must not be negative");
        }
        exempt = List.copyOf(exempt);
        deny = List.copyOf(deny);
        allow = List.copyOf(allow);
        for (List<String> ranges : List.of(exempt, deny, allow)) {
            ranges.forEach(chat.server.limit.Cidr::parse);
        }
        positive(floodBurst, "flood-burst");
        if (floodLinesPerSecond < 0) throw new IllegalArgumentException("flood-rate must not be negative");
        if (floodMaxPendingBytes < 1024) throw new IllegalArgumentException("flood-max-pending must be at least 1024");
    }

    private static void positive(int value, String name) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1");
    }

    /** The documented defaults: nothing exempt or denied. */
    public static AbuseLimits defaults() {
        return new AbuseLimits(MAX_CLIENTS, PER_IP_CONNECTIONS, PER_IP_UNREGISTERED, CONNECT_BURST, CONNECT_WINDOW,
                CONNECT_BAN_AFTER, CONNECT_BAN_DURATION, List.of(), List.of(), List.of(), FLOOD_BURST,
                FLOOD_LINES_PER_SECOND, FLOOD_MAX_PENDING_BYTES);
    }

    /** Limits that never bite: for tests and benchmarks that measure throughput, not protection. */
    public static AbuseLimits relaxed() {
        return new AbuseLimits(200_000, 200_000, 200_000, 200_000, CONNECT_WINDOW, 200_000, Duration.ZERO,
                List.of(), List.of(), List.of(), FLOOD_BURST, 0, FLOOD_MAX_PENDING_BYTES);
    }

    public AbuseLimits withExempt(List<String> ranges) {
        return new AbuseLimits(maxClients, perIpConnections, perIpUnregistered, connectBurst, connectWindow,
                connectBanAfter, connectBanDuration, ranges, deny, allow, floodBurst, floodLinesPerSecond,
                floodMaxPendingBytes);
    }

    public AbuseLimits withDeny(List<String> ranges, List<String> allowed) {
        return new AbuseLimits(maxClients, perIpConnections, perIpUnregistered, connectBurst, connectWindow,
                connectBanAfter, connectBanDuration, exempt, ranges, allowed, floodBurst, floodLinesPerSecond,
                floodMaxPendingBytes);
    }

    public AbuseLimits withFlood(int burst, double linesPerSecond, int maxPendingBytes) {
        return new AbuseLimits(maxClients, perIpConnections, perIpUnregistered, connectBurst, connectWindow,
                connectBanAfter, connectBanDuration, exempt, deny, allow, burst, linesPerSecond, maxPendingBytes);
    }

    public AbuseLimits withConnections(int max, int perIp, int perIpUnregisteredLimit, int burst, Duration window,
                                       int banAfter, Duration banDuration) {
        return new AbuseLimits(max, perIp, perIpUnregisteredLimit, burst, window, banAfter, banDuration, exempt,
                deny, allow, floodBurst, floodLinesPerSecond, floodMaxPendingBytes);
    }
}
