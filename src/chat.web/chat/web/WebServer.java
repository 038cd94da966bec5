package chat.web;

import chat.protocol.LineParser;
import chat.server.WebSettings;
import chat.server.spi.Frontend;
import chat.server.spi.FrontendContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Decorator;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty on the server's host: plain HTTP and, when asked for, HTTPS with the server's certificate. Requests run on
 * virtual threads. {@code /webirc} upgrades to IRC over WebSocket; everything else goes to {@link Routes}.
 */
final class WebServer implements Frontend {

    private static final System.Logger LOG = System.getLogger("chat.web");
    /** A WebSocket message holds one IRC line: tags and the line itself, without CR LF. */
    static final int MAX_MESSAGE_BYTES = LineParser.MAX_RAW_LINE_BYTES;
    /**
     * Jetty's buffer for batched frames (#13): one write of the server's send queue (at most 16 KiB of lines, whose
     * frame headers take about the room of their CR LF) fits whole, and Jetty batches any frame under a quarter of
     * it, so every IRC line (tags included) shares the buffer. Taken from Jetty's pool only while a write is on.
     */
    static final int OUTPUT_BUFFER_BYTES = 32 * 1024;
    /** Idle time Jetty allows a WebSocket beyond the server's own PING schedule, which decides first. */
    static final Duration IDLE_MARGIN = Duration.ofSeconds(60);
    /** How long a stop waits for requests in progress. */
    static final long STOP_TIMEOUT_MILLIS = 2_000;

    private final Server jetty;
    private final ServerConnector http;
    private final ServerConnector https;
    private final Metrics metrics;
    private final SharedCompression sharedLines;

    private WebServer(Server jetty, ServerConnector http, ServerConnector https, Metrics metrics,
                      SharedCompression sharedLines) {
        this.jetty = jetty;
        this.http = http;
        this.https = https;
        this.metrics = metrics;
        this.sharedLines = sharedLines;
    }

    static WebServer start(FrontendContext server, WebSettings settings) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("web");
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("web-", 0).factory()));
        Server jetty = new Server(threads);
        jetty.setStopTimeout(STOP_TIMEOUT_MILLIS);
        String host = server.config().host();
        ServerConnector http = null;
        ServerConnector https = null;
        if (settings.httpPort() >= 0) {
            http = new ServerConnector(jetty);
            http.setHost(host);
            http.setPort(settings.httpPort());
            jetty.addConnector(http);
        }
        if (settings.httpsPort() >= 0) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(server.tlsContext());
            https = new ServerConnector(jetty, tls);
            https.setHost(host);
            https.setPort(settings.httpsPort());
            jetty.addConnector(https);
        }
        Metrics metrics = new Metrics(server);
        Duration idle = server.config().pingInterval().plus(server.config().pingTimeout()).plus(IDLE_MARGIN);
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(jetty, container -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
            container.setIdleTimeout(idle);
            container.setOutputBufferSize(OUTPUT_BUFFER_BYTES);
            container.addMapping("/webirc", new WebIrcCreator(server, settings));
        });
        // #13: browsers' permessage-deflate by our extension, not Jetty's (PerMessageDeflate says why), each
        // instance (Jetty makes one per connection, through its object factory) sharing the lines others send too.
        WebSocketComponents components = WebSocketServerComponents.ensureWebSocketComponents(jetty);
        components.getExtensionRegistry().register(PerMessageDeflate.NAME, PerMessageDeflate.class);
        SharedCompression sharedLines = new SharedCompression();
        components.getObjectFactory().addDecorator(new Sharing(sharedLines));
        upgrade.setHandler(new Routes(server, settings, metrics));
        jetty.setHandler(upgrade);
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // the listener did not start: nothing more to stop
            }
            throw new IOException("cannot listen for HTTP on " + host + ": " + e.getMessage(), e);
        }
        WebServer web = new WebServer(jetty, http, https, metrics, sharedLines);
        LOG.log(Level.INFO, "web client on " + web.describe());
        return web;
    }

    private String describe() {
        StringBuilder s = new StringBuilder();
        for (Connector c : jetty.getConnectors()) {
            ServerConnector sc = (ServerConnector) c;
            if (!s.isEmpty()) s.append(", ");
            s.append(sc == https ? "https://" : "http://").append(hostForUrl(sc.getHost())).append(':').append(sc.getLocalPort()).append('/');
        }
        return s.toString();
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public Map<String, InetSocketAddress> addresses() {
        Map<String, InetSocketAddress> out = new LinkedHashMap<>();
        if (http != null) out.put("http", new InetSocketAddress(http.getHost(), http.getLocalPort()));
        if (https != null) out.put("https", new InetSocketAddress(https.getHost(), https.getLocalPort()));
        return out;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "stopping the web listener: " + e.getMessage());
        }
        metrics.close();
        sharedLines.close();
    }

    /** Hands every {@link PerMessageDeflate} Jetty makes the server's {@link SharedCompression}. */
    private record Sharing(SharedCompression lines) implements Decorator {
        @Override
        public <T> T decorate(T o) {
            if (o instanceof PerMessageDeflate extension) extension.share(lines);
            return o;
        }

        @Override
        public void destroy(Object o) {
            // nothing held per extension
        }
    }
}
