package chat.server;

import chat.monitor.Sample;
import chat.monitor.SampleHistory;
import chat.server.net.Listener;
import chat.server.net.TlsContexts;
import chat.server.service.ServerInfo;
import chat.server.spi.ConnectionRefused;
import chat.server.spi.FrontendContext;
import chat.server.spi.InboundLink;
import chat.server.spi.ServerMetrics;
import chat.server.spi.Transport;
import chat.server.state.Registry;
import chat.server.state.ServerStats;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** The running server as frontends see it: its configuration, counters, samples, and its door for connections. */
final class ServerContext implements FrontendContext, ServerMetrics {

    private final ServerInfo info;
    private final Registry registry;
    private final Listener listener;
    private final SampleHistory samples;

    ServerContext(ServerInfo info, Registry registry, Listener listener, SampleHistory samples) {
        this.info = info;
        this.registry = registry;
        this.listener = listener;
        this.samples = samples;
    }

    @Override
    public ServerConfig config() {
        return info.config();
    }

    @Override
    public String version() {
        return info.version();
    }

    @Override
    public Instant startedAt() {
        return info.startedAt();
    }

    @Override
    public ServerMetrics metrics() {
        return this;
    }

    @Override
    public SSLContext tlsContext() throws IOException {
        SSLContext context = listener.tlsContext();
        if (context != null) return context;
        try {
            return TlsContexts.load(config().tls(), config().dataDir());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the TLS certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Sample> recentSamples() {
        return samples.recent();
    }

    @Override
    public InboundLink connect(InetAddress address, boolean secure, Transport transport) throws ConnectionRefused {
        return listener.connect(address, secure, transport);
    }

    private ServerStats stats() {
        return info.stats();
    }

    @Override
    public Map<String, Integer> connectionsByTransport() {
        return stats().connectionsByTransport();
    }

    @Override
    public int users() {
        return registry.counts().users();
    }

    @Override
    public int channels() {
        return registry.counts().channels();
    }

    @Override
    public long messagesIn() {
        return stats().messagesIn();
    }

    @Override
    public long deliveriesOut() {
        return stats().messagesOut();
    }

    @Override
    public long registrations() {
        return stats().registrations();
    }

    @Override
    public Map<String, Long> disconnects() {
        return stats().disconnects();
    }

    @Override
    public Map<String, Long> admissionRefusals() {
        return stats().refusals();
    }

    @Override
    public Map<String, Long> commands() {
        return stats().commands();
    }

    @Override
    public void observeLatencies(LatencyObserver observer) {
        stats().observeLatencies(observer);
    }
}
