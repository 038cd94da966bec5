package chat.web;

import chat.server.WebSettings;
import chat.server.spi.FrontendContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Accepts or refuses a WebSocket upgrade on {@code /webirc}: the page's origin must be allowed, the subprotocol is
 * the first of the client's list that the IRCv3 WebSocket specification defines, and the client's address is the
 * peer's, or the one a trusted proxy forwarded.
 */
final class WebIrcCreator implements WebSocketCreator {

    static final String BINARY = "binary.ircv3.net";
    static final String TEXT = "text.ircv3.net";

    private final FrontendContext server;
    private final WebSettings settings;

    WebIrcCreator(FrontendContext server, WebSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (!originAllowed(origin, request)) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "Origin not allowed: " + origin);
            return null;
        }
        IrcWebSocket.Framing framing = IrcWebSocket.Framing.UNNEGOTIATED;
        for (String protocol : request.getSubProtocols()) {
            String p = protocol.toLowerCase(Locale.ROOT);
            if (p.equals(BINARY) || p.equals(TEXT)) {
                response.setAcceptedSubProtocol(protocol);
                framing = p.equals(BINARY) ? IrcWebSocket.Framing.BINARY : IrcWebSocket.Framing.TEXT;
                break;
            }
        }
        InetAddress address = clientAddress(request);
        return new IrcWebSocket(server, address, request.isSecure(), framing);
    }

    /**
     * Browsers always send {@code Origin}; a page from another site must not drive a visitor's connection. Allowed:
     * no Origin (not a browser), the server's own origin, or one of {@code --web-origins}.
     */
    private boolean originAllowed(String origin, Request request) {
        if (origin == null) return true;
        if (settings.origins().contains("*")) return true;
        String own = request.getHttpURI().getScheme() + "://" + request.getHttpURI().getAuthority();
        if (origin.equalsIgnoreCase(own)) return true;
        for (String allowed : settings.origins()) {
            if (allowed.equalsIgnoreCase(origin)) return true;
        }
        return false;
    }

    private InetAddress clientAddress(Request request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        InetAddress peer = ((InetSocketAddress) remote).getAddress();
        return ForwardedFor.resolve(peer, request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR),
                settings::trustedProxy);
    }
}
