package chat.web;

import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.spi.ConnectionRefused;
import chat.server.spi.FrontendContext;
import chat.server.spi.InboundLink;
import chat.server.spi.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Extension;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.OutgoingFrames;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * One IRC client over WebSocket (IRCv3 WebSocket specification): one IRC line per message, without CR LF. The
 * server sees a transport like a socket: it writes CR LF-ended lines, which go out one message each, and it reads
 * the lines this endpoint hands to its {@link InboundLink}.
 *
 * <p>#13: the messages of one write go out batched into one socket write ({@link OutgoingLines}), handed to Jetty's
 * connection itself ({@link #wire}).
 *
 * <p>Text framing never sends invalid UTF-8: bytes that are not UTF-8 become U+FFFD ({@link TextPayload}).
 * Invalid UTF-8 in a client's text message fails the connection (Jetty closes with 1007, as RFC 6455 requires);
 * binary messages carry any bytes, which the server treats as it treats a TCP client's.
 */
public final class IrcWebSocket implements Session.Listener.AutoDemanding, Transport {

    /** The negotiated subprotocol. */
    enum Framing {
        /** {@code binary.ircv3.net}: binary messages both ways. */
        BINARY,
        /** {@code text.ircv3.net}: text messages both ways. */
        TEXT,
        /** No subprotocol (gamja asks for none): text messages out, either kind accepted in. */
        UNNEGOTIATED
    }

    private final FrontendContext server;
    private final InetAddress address;
    private final boolean secure;
    private final Framing framing;
    private volatile Session session;
    private volatile OutgoingLines out;
    private volatile InboundLink link;

    IrcWebSocket(FrontendContext server, InetAddress address, boolean secure, Framing framing) {
        this.server = server;
        this.address = address;
        this.secure = secure;
        this.framing = framing;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        // The API's session is Jetty's WebSocketSession, whose public getCoreSession() leads to the core API.
        this.out = new OutgoingLines(wire(((WebSocketSession) session).getCoreSession()), framing != Framing.BINARY);
        try {
            link = server.connect(address, secure, this);
        } catch (ConnectionRefused e) {
            sendLines(LineWriter.encodeWithin(IrcMessage.of("ERROR", e.getMessage())));
            session.close(StatusCode.POLICY_VIOLATION, "refused", Callback.NOOP);
        }
    }

    /**
     * Where the server's messages go (#13): straight to Jetty's connection, whose flusher frames and batches them,
     * past the session's own per-frame path (its state checks, a flusher and callbacks of its own, the extension
     * stack: more than half of Jetty's CPU per message), when the only extension is our permessage-deflate, applied
     * here, or none; else through the session. Jetty's own frames (PONG, CLOSE) still take the session's path; the
     * connection's flusher refuses anything after a CLOSE, which fails the write.
     */
    private static OutgoingFrames wire(CoreSession core) {
        if (core instanceof WebSocketCoreSession session && session.getConnection() != null) {
            WebSocketConnection connection = session.getConnection();
            List<Extension> extensions = session.getExtensionStack().getExtensions();
            if (extensions.isEmpty()) return connection::enqueueFrame;
            if (extensions.size() == 1 && extensions.get(0) instanceof PerMessageDeflate deflate) {
                return entry -> {
                    OutgoingEntry compressed = deflate.compressedWhole(entry);
                    if (compressed != null) connection.enqueueFrame(compressed);
                };
            }
        }
        return core;
    }

    @Override
    public void onWebSocketText(String message) {
        if (framing == Framing.BINARY) {
            session.close(StatusCode.BAD_DATA, "binary.ircv3.net takes binary messages", Callback.NOOP);
            return;
        }
        received(message.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        if (framing == Framing.TEXT) {
            callback.succeed();
            session.close(StatusCode.BAD_DATA, "text.ircv3.net takes text messages", Callback.NOOP);
            return;
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        received(bytes);
    }

    private void received(byte[] message) {
        InboundLink to = link;
        if (to == null) return;
        int length = message.length;
        // Lenient with clients that end the line anyway, strict with a message that holds more than one.
        while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == '\r')) length--;
        for (int i = 0; i < length; i++) {
            if (message[i] == '\n' || message[i] == '\r') {
                sendLines(LineWriter.encodeWithin(IrcMessage.of("FAIL", "*", "INVALID_MESSAGE",
                        "A WebSocket message holds one IRC line, without CR or LF")));
                return;
            }
        }
        to.received(length == message.length ? message : java.util.Arrays.copyOf(message, length));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        InboundLink to = link;
        if (to != null) to.closed(statusCode == StatusCode.NORMAL || statusCode == StatusCode.SHUTDOWN
                || statusCode == StatusCode.NO_CODE ? "Connection closed" : "Connection closed (" + statusCode + ")");
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        InboundLink to = link;
        if (to != null) to.closed("Read error: " + cause.getMessage());
    }

    @Override
    public String kind() {
        return "websocket";
    }

    /** Sends each CR LF-ended line as one message, all in one flush, and waits until they have gone out. */
    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Session s = session;
        if (s == null || !s.isOpen()) throw new IOException("WebSocket closed");
        out.write(bytes, offset, length);
    }

    /** Sends the server's own lines (a refusal, a FAIL) without waiting: nothing reuses their bytes. */
    private void sendLines(byte[] lines) {
        OutgoingLines o = out;
        if (o != null) o.send(lines);
    }

    @Override
    public void close() {
        Session s = session;
        if (s != null && s.isOpen()) s.close(StatusCode.NORMAL, null, Callback.NOOP);
    }
}
