package chat.server;

import chat.server.limit.Cidr;
import java.net.InetAddress;
import java.util.List;

/**
 * The HTTP listener of the web module (web client, IRC over WebSocket, {@code /metrics}, {@code /status}), on
 * the server's {@code --host}: a view of the web options declared in {@link Options}.
 *
 * @param httpPort      plain HTTP port; 0 picks a free one, -1 turns it off
 * @param httpsPort     HTTPS port with the server's TLS certificate; 0 picks a free one, -1 turns it off
 * @param origins       {@code Origin}s a browser may open {@code /webirc} from ({@code scheme://host[:port]}, or
 *                      {@code *} for any); empty: the page's own origin only
 * @param proxies       addresses (CIDR) whose {@code X-Forwarded-For} is believed; empty: none
 * @param metricsFrom   addresses (CIDR) that may read {@code /metrics}; empty: loopback only
 */
public record WebSettings(int httpPort, int httpsPort, List<String> origins, List<String> proxies,
                          List<String> metricsFrom) {

    /** Default HTTP port. */
    public static final int HTTP_PORT = 8080;
    /** Default HTTPS port: off, until asked for. */
    public static final int HTTPS_PORT = -1;

    public WebSettings {
        if (httpPort < -1 || httpPort > 65535) throw new IllegalArgumentException("http-port must be -1..65535, not " + httpPort);
        if (httpsPort < -1 || httpsPort > 65535) throw new IllegalArgumentException("https-port must be -1..65535, not " + httpsPort);
        origins = List.copyOf(origins);
        origins.forEach(WebSettings::checkOrigin);
        proxies = List.copyOf(proxies);
        proxies.forEach(Cidr::parse);
        metricsFrom = List.copyOf(metricsFrom);
        metricsFrom.forEach(Cidr::parse);
    }

    /** Throws unless {@code origin} is {@code scheme://host[:port]} or {@code *}; returns it. */
    public static String checkOrigin(String origin) {
        if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
            throw new IllegalArgumentException("web-origins must be scheme://host[:port] or *, not " + origin);
        }
        return origin;
    }

    /** Port 8080, no HTTPS, same-origin WebSockets only, no proxies, metrics for loopback only. */
    public static WebSettings defaults() {
        return new WebSettings(HTTP_PORT, HTTPS_PORT, List.of(), List.of(), List.of());
    }

    /** Whether a request from {@code address} may carry the client's real address in X-Forwarded-For. */
    public boolean trustedProxy(InetAddress address) {
        return proxies.stream().anyMatch(c -> Cidr.parse(c).matches(address));
    }

    /** Whether {@code address} may read {@code /metrics}. */
    public boolean metricsAllowed(InetAddress address) {
        if (metricsFrom.isEmpty()) return address.isLoopbackAddress();
        return metricsFrom.stream().anyMatch(c -> Cidr.parse(c).matches(address));
    }

    public WebSettings withPorts(int http, int https) {
        return new WebSettings(http, https, origins, proxies, metricsFrom);
    }
}
