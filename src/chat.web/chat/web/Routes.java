package chat.web;

import chat.server.WebSettings;
import chat.server.spi.FrontendContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The plain HTTP routes: the web client's files, {@code /metrics} (for allowed addresses only), {@code /status}
 * and its data. Everything is GET; nothing fetches anything from elsewhere.
 */
final class Routes extends Handler.Abstract {

    private final FrontendContext server;
    private final WebSettings settings;
    private final Metrics metrics;
    private final StaticFiles files = StaticFiles.load();
    private final StatusReport status;

    Routes(FrontendContext server, WebSettings settings, Metrics metrics) {
        this.server = server;
        this.settings = settings;
        this.metrics = metrics;
        this.status = new StatusReport(server);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        String path = Request.getPathInContext(request);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        switch (path) {
            case "/metrics" -> metrics(request, response, callback);
            case "/status" -> file("/status.html", response, callback, request);
            case "/status.json" -> send(response, callback, "application/json; charset=utf-8",
                    status.json().getBytes(StandardCharsets.UTF_8));
            case "/" -> file("/index.html", response, callback, request);
            default -> file(path, response, callback, request);
        }
        return true;
    }

    private void metrics(Request request, Response response, Callback callback) throws IOException {
        InetSocketAddress peer = (InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress();
        if (!settings.metricsAllowed(peer.getAddress())) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "/metrics is not open to your address");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        metrics.write(out);
        send(response, callback, metrics.contentType(), out.toByteArray());
    }

    private void file(String path, Response response, Callback callback, Request request) {
        StaticFiles.File f = files.get(path);
        if (f == null) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return;
        }
        // The page may talk to this server only: no outside script, style, image or connection.
        response.getHeaders().put("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; "
                + "img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        send(response, callback, f.contentType(), f.bytes());
    }

    private static void send(Response response, Callback callback, String contentType, byte[] body) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
