package chat.server.spi;

import chat.monitor.Sample;
import chat.server.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;

/** What a frontend may see of the running server and how it hands it a client connection. */
public interface FrontendContext {

    /** The configuration in force (it may change on REHASH). */
    ServerConfig config();

    /** The version string clients see. */
    String version();

    Instant startedAt();

    /** The server's counters, read when scraped. */
    ServerMetrics metrics();

    /**
     * The TLS context of the server's certificate (the one the IRC TLS port uses, reloaded with it), for HTTPS.
     *
     * @throws IOException when the certificate cannot be loaded
     */
    SSLContext tlsContext() throws IOException;

    /** The resource monitor's samples of the last hour, oldest first (empty when the monitor is off). */
    List<Sample> recentSamples();

    /**
     * Admits a client connection exactly as the IRC listener admits a TCP one (D-lines, deny list, global and
     * per-address limits) and starts its session.
     *
     * @param address   the client's address (behind a trusted proxy, the one it forwarded)
     * @param secure    whether the connection is encrypted (shown as TLS in WHOIS)
     * @param transport how the server writes to it and closes it
     * @return where the transport hands what the client sends
     * @throws ConnectionRefused with the reason when the client may not connect
     */
    InboundLink connect(InetAddress address, boolean secure, Transport transport) throws ConnectionRefused;
}
