package chat.e2e;

import static org.assertj.core.api.Assertions.fail;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.ParseResult;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A WebSocket client written out by hand (RFC 6455), so that tests can send what a browser never would: invalid
 * UTF-8 in a text message, a message holding CR LF, any Origin, any subprotocol list. A reader thread puts every
 * message the server sends into a queue; {@link #expect} waits for a matching IRC line.
 */
final class WsClient implements AutoCloseable {

    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;

    /**
     * A message from the server: its opcode and payload (for a close, the status code first), and the payload as it
     * came on the wire (deflated when {@code compressed}).
     */
    record Frame(int opcode, byte[] payload, byte[] wire, boolean compressed) {
        Frame(int opcode, byte[] payload) {
            this(opcode, payload, payload, false);
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    private static final Frame EOF = new Frame(-1, new byte[0]);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final OutputStream out;
    private final int status;
    private final Map<String, String> headers;
    private final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final ReentrantLock writeLock = new ReentrantLock(); // the test and the reader's PONG both write
    /** permessage-deflate (RFC 7692), for a client that asked for it: one context for the whole connection. */
    private final Inflater inflater = new Inflater(true);

    private WsClient(Socket socket, int status, Map<String, String> headers, InputStream in, boolean reads) {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
        try {
            this.out = socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (status == 101 && reads) Thread.ofVirtual().name("ws-test-reader").start(() -> readLoop(in));
    }

    /** Opens {@code /webirc} on {@code port}, asking for {@code protocols} (none when empty), from {@code origin} (null: none). */
    static WsClient open(int port, String origin, List<String> protocols, Map<String, String> extraHeaders) throws IOException {
        return open(new Socket("127.0.0.1", port), port, origin, protocols, extraHeaders, true);
    }

    /**
     * Opens {@code /webirc} on {@code port} with a 4 KiB receive buffer and never reads past the handshake: a client
     * whose lines pile up in the server (#17). It can still send.
     */
    static WsClient openUnread(int port, String... protocols) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        return open(socket, port, null, List.of(protocols), Map.of(), false);
    }

    private static WsClient open(Socket socket, int port, String origin, List<String> protocols,
                                 Map<String, String> extraHeaders, boolean reads) throws IOException {
        socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        StringBuilder req = new StringBuilder("GET /webirc HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n");
        if (origin != null) req.append("Origin: ").append(origin).append("\r\n");
        if (!protocols.isEmpty()) req.append("Sec-WebSocket-Protocol: ").append(String.join(", ", protocols)).append("\r\n");
        extraHeaders.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        socket.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String statusLine = readHttpLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; !(line = readHttpLine(in)).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new WsClient(socket, status, headers, in, reads);
    }

    static WsClient open(int port, String... protocols) throws IOException {
        return open(port, null, List.of(protocols), Map.of());
    }

    private static String readHttpLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) throw new IOException("connection closed during the handshake");
            if (b != '\r') line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    int status() {
        return status;
    }

    /** The subprotocol the server accepted, or null. */
    String protocol() {
        return headers.get("sec-websocket-protocol");
    }

    /** A header of the server's upgrade response (its name in lower case), or null. */
    String header(String name) {
        return headers.get(name);
    }

    void sendText(String line) {
        send(TEXT, line.getBytes(StandardCharsets.UTF_8));
    }

    void send(int opcode, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i & 3]);
        writeLock.lock();
        try {
            out.write(frame.toByteArray());
        } catch (IOException e) {
            fail("could not send: " + e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }

    /** Registers as {@code nick} and waits for 001. */
    WsClient register(String nick) {
        sendText("NICK " + nick);
        sendText("USER " + nick + " 0 * :" + nick);
        expect("001");
        return this;
    }

    /** The next message from the server; fails after the test timeout. */
    Frame next() {
        try {
            Frame f = frames.poll(TestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) fail("no WebSocket message within " + TestClient.TIMEOUT);
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for an IRC line matching {@code command} and {@code params} ("*" matches anything); returns it. */
    IrcMessage expect(String command, String... params) {
        List<String> seen = new ArrayList<>();
        while (true) {
            Frame f = next();
            if (f.opcode() != TEXT && f.opcode() != BINARY) {
                fail("expected " + command + " but got frame " + f.opcode() + " (close " + f.closeCode() + ") after " + seen);
            }
            ParseResult r = LineParser.parse(f.payload(), 0, f.payload().length);
            if (!(r instanceof ParseResult.Parsed parsed)) {
                fail("unparsable line from the server: " + f.text());
                return null;
            }
            seen.add(f.text());
            if (TestClient.matches(parsed.message(), command, params)) return parsed.message();
        }
    }

    /** Waits for the server's close frame (skipping other messages) and returns it. */
    Frame expectClose() {
        while (true) {
            Frame f = next();
            if (f.opcode() == CLOSE || f == EOF) return f;
        }
    }

    private void readLoop(InputStream raw) {
        DataInputStream in = new DataInputStream(raw);
        try {
            socket.setSoTimeout(0);
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            int messageOpcode = 0;
            boolean compressed = false;
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7f;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = b0 & 0x0f;
                if (opcode >= CLOSE) {
                    if (opcode == PING) send(PONG, payload);
                    else frames.add(new Frame(opcode, payload));
                    if (opcode == CLOSE) break;
                    continue;
                }
                if (opcode != 0) {
                    messageOpcode = opcode;
                    compressed = (b0 & 0x40) != 0; // RSV1 on a message's first frame: deflated
                }
                message.writeBytes(payload);
                if ((b0 & 0x80) != 0) {
                    byte[] wire = message.toByteArray();
                    frames.add(new Frame(messageOpcode, compressed ? inflate(wire) : wire, wire, compressed));
                    message.reset();
                }
            }
        } catch (IOException e) {
            // closed
        }
        frames.add(EOF);
    }

    /** RFC 7692, 7.2.2: the message's bytes and the empty block's tail 00 00 FF FF, inflated. */
    private byte[] inflate(byte[] deflated) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] input = java.util.Arrays.copyOf(deflated, deflated.length + 4);
        input[input.length - 2] = (byte) 0xff;
        input[input.length - 1] = (byte) 0xff;
        inflater.setInput(input);
        byte[] chunk = new byte[4096];
        try {
            int n;
            while ((n = inflater.inflate(chunk)) > 0) out.write(chunk, 0, n);
        } catch (DataFormatException e) {
            throw new IOException("bad deflate data from the server", e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
