package chat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.DataFormatException;
import jdk.net.ExtendedSocketOptions;

/**
 * All the generator's sockets on one thread: non-blocking connects, reads split into lines, writes that
 * keep what the kernel did not take. One thread keeps the generator's share of the two cores bounded and
 * its cost per line low; every wait has a deadline.
 */
final class EventLoop implements AutoCloseable {

    /** Bytes read from one socket at a time. */
    static final int READ_BYTES = 64 * 1024;
    /** Longest line (with tags) a server may send us; a longer one is a protocol error. */
    static final int MAX_LINE_BYTES = 8191 + 512;
    /** Where chat serves IRC over WebSocket. */
    static final String WEBIRC_PATH = "/webirc";

    /** What the loop reports; called on the loop's thread. */
    interface Handler {
        void connected(Client c);

        /** A line without its ending, in {@code buf[start, end)}; the buffer is reused after the call. */
        void line(Client c, byte[] buf, int start, int end);

        void closed(Client c, String reason);
    }

    private final Selector selector;
    private final ByteBuffer input = ByteBuffer.allocate(READ_BYTES + MAX_LINE_BYTES);
    private final List<Client> open = new ArrayList<>();
    private final boolean quickAck;
    private Handler handler;
    private long readNanos;

    EventLoop() throws IOException {
        this(false);
    }

    /**
     * @param quickAck acknowledge every read at once (Linux TCP_QUICKACK, renewed after each read) instead
     *                 of delaying ACKs as clients normally do; shows what a server's latency would be
     *                 without Nagle's algorithm waiting for our delayed ACKs
     */
    EventLoop(boolean quickAck) throws IOException {
        this.selector = Selector.open();
        this.quickAck = quickAck;
    }

    void handler(Handler handler) {
        this.handler = handler;
    }

    /** Starts a non-blocking connect; the handler hears {@code connected} or {@code closed}. */
    void connect(Client c, InetSocketAddress address) {
        try {
            SocketChannel ch = SocketChannel.open();
            c.channel = ch;
            c.address = address;
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            InetSocketAddress source = SourceAddresses.forClient(c.index, address);
            if (source != null) ch.bind(source);
            c.startedNanos = System.nanoTime();
            open.add(c);
            if (ch.connect(address)) {
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                opened(c);
            } else {
                c.key = ch.register(selector, SelectionKey.OP_CONNECT, c);
            }
        } catch (IOException e) {
            fail(c, "connect: " + e.getMessage());
        }
    }

    /** A WebSocket client asks for the upgrade first: it is connected for the handler once the server agrees. */
    private void opened(Client c) {
        if (c.webSocket) {
            sendRaw(c, WebSocket.upgrade(c.address.getHostString(), c.address.getPort(), WEBIRC_PATH,
                    c.deflate ? PerMessageDeflate.OFFER : null), 0);
        } else {
            handler.connected(c);
        }
    }

    /**
     * Sends CR LF-ended IRC lines: as they are on TCP, one masked text message each on WebSocket. Writes what the
     * kernel takes now and keeps the rest for when the socket is writable.
     */
    void send(Client c, byte[] data, int offset, int length) {
        if (c.webSocket) {
            byte[] frames = WebSocket.lines(data, offset, length);
            sendRaw(c, frames, 0, frames.length);
        } else {
            sendRaw(c, data, offset, length);
        }
    }

    private void sendRaw(Client c, byte[] data, int offset) {
        sendRaw(c, data, offset, data.length - offset);
    }

    private void sendRaw(Client c, byte[] data, int offset, int length) {
        if (c.closed || length == 0) return;
        if (c.unsent != null) {
            c.unsent = append(c.unsent, data, offset, length);
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(data, offset, length);
        try {
            c.channel.write(b);
        } catch (IOException e) {
            fail(c, "write: " + e.getMessage());
            return;
        }
        if (b.hasRemaining()) {
            ByteBuffer rest = ByteBuffer.allocate(Math.max(b.remaining() * 2, 4096));
            rest.put(b).flip();
            c.unsent = rest;
            c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    void send(Client c, byte[] data) {
        send(c, data, 0, data.length);
    }

    /**
     * Serves the sockets until {@code done} is true or the deadline passes, calling {@code round} after
     * each wake-up (at least every {@code maxWaitMillis}). Returns whether {@code done} became true.
     */
    boolean runUntil(BooleanSupplier done, long deadlineNanos, long maxWaitMillis, Runnable round) throws IOException {
        while (!done.getAsBoolean()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return false;
            long wait = Math.max(1, Math.min(maxWaitMillis, TimeUnit.NANOSECONDS.toMillis(left)));
            selector.select(this::ready, wait);
            if (round != null) round.run();
        }
        return true;
    }

    /** The {@link System#nanoTime} deadline {@code seconds} from now. */
    static long deadline(double seconds) {
        return System.nanoTime() + (long) (seconds * 1e9);
    }

    /** Serves the sockets for a while (answering PINGs), then returns. */
    void idle(long nanos) throws IOException {
        runUntil(() -> false, System.nanoTime() + nanos, 100, null);
    }

    /**
     * When the bytes being handled were read ({@link Payload#now} time): every line of one read arrived
     * before it, so one clock reading serves them all.
     */
    long readNanos() {
        return readNanos;
    }

    /** Closes one client from our side. */
    void close(Client c, String reason) {
        fail(c, reason);
    }

    /** Closes every socket, telling nobody. */
    @Override
    public void close() throws IOException {
        for (Client c : open) {
            if (c.closed) continue;
            c.closed = true;
            if (c.inflater != null) c.inflater.end();
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        open.clear();
        selector.close();
    }

    private void ready(SelectionKey key) {
        Client c = (Client) key.attachment();
        if (!key.isValid() || c.closed) return;
        try {
            if (key.isConnectable()) {
                if (c.channel.finishConnect()) {
                    key.interestOps(SelectionKey.OP_READ);
                    opened(c);
                }
                return;
            }
            if (key.isWritable()) flush(c);
            if (!c.closed && key.isValid() && key.isReadable()) read(c);
        } catch (IOException e) {
            fail(c, e.getMessage());
        }
    }

    private void flush(Client c) throws IOException {
        ByteBuffer b = c.unsent;
        if (b == null) return;
        c.channel.write(b);
        if (!b.hasRemaining()) {
            c.unsent = null;
            c.key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void read(Client c) throws IOException {
        input.clear();
        int carried = c.carryLength;
        if (carried > 0) input.put(c.carry, 0, carried);
        int n = c.channel.read(input);
        if (quickAck && n > 0) c.channel.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        if (n < 0) {
            fail(c, "closed by the server");
            return;
        }
        readNanos = Payload.now();
        byte[] a = input.array();
        int end = input.position();
        if (c.webSocket) {
            frames(c, a, end);
            return;
        }
        int start = 0;
        // The carried bytes hold no line ending: scan only what just arrived.
        for (int i = Bytes.indexOf(a, carried, end, (byte) '\n'); i >= 0; i = Bytes.indexOf(a, start, end, (byte) '\n')) {
            int lineEnd = i > start && a[i - 1] == '\r' ? i - 1 : i;
            if (lineEnd > start) handler.line(c, a, start, lineEnd);
            start = i + 1;
            if (c.closed) return;
        }
        carry(c, a, start, end);
    }

    /** Keeps {@code a[start, end)}, the start of a line or frame, for the next read. */
    private void carry(Client c, byte[] a, int start, int end) {
        int rest = end - start;
        if (rest > MAX_LINE_BYTES + (c.webSocket ? WebSocket.MAX_HEADER_BYTES : 0)) {
            fail(c, "line longer than " + MAX_LINE_BYTES + " bytes");
            return;
        }
        if (rest > c.carry.length) c.carry = new byte[Math.max(rest, 512)];
        System.arraycopy(a, start, c.carry, 0, rest);
        c.carryLength = rest;
    }

    /** A WebSocket client's input: the upgrade response, then one IRC line per text or binary message. */
    private void frames(Client c, byte[] a, int end) {
        int p = 0;
        if (!c.upgraded) {
            int blank = WebSocket.endOfResponse(a, end);
            if (blank < 0) {
                carry(c, a, 0, end);
                return;
            }
            if (!WebSocket.switched(a, 0, end)) {
                fail(c, "upgrade refused: " + new String(a, 0, Math.max(0, Bytes.indexOf(a, 0, blank, (byte) '\r')), StandardCharsets.US_ASCII));
                return;
            }
            if (c.deflate) {
                c.inflater = PerMessageDeflate.accepted(a, 0, blank, MAX_LINE_BYTES);
                if (c.inflater == null) {
                    fail(c, "the server did not accept permessage-deflate");
                    return;
                }
            }
            c.upgraded = true;
            handler.connected(c);
            if (c.closed) return;
            p = blank;
        }
        while (true) {
            int h = WebSocket.headerLength(a, p, end);
            if (h < 0) break;
            long len = WebSocket.payloadLength(a, p);
            if (len > MAX_LINE_BYTES) {
                fail(c, "WebSocket message longer than " + MAX_LINE_BYTES + " bytes");
                return;
            }
            if (end - p - h < len) break;
            int from = p + h;
            int to = from + (int) len;
            int opcode = WebSocket.opcode(a, p);
            if (!WebSocket.fin(a, p) || opcode == 0) {
                fail(c, "fragmented WebSocket message");
                return;
            }
            boolean compressed = WebSocket.compressed(a, p);
            if (compressed && (c.inflater == null || opcode >= WebSocket.CLOSE)) {
                fail(c, "RSV1 set on a " + (c.inflater == null ? "connection without permessage-deflate" : "control frame"));
                return;
            }
            switch (opcode) {
                case WebSocket.TEXT, WebSocket.BINARY -> {
                    if (compressed) {
                        inflate(c, a, from, to);
                    } else {
                        if (c.inflater != null) c.inflater.uncompressed(to - from);
                        if (to > from) handler.line(c, a, from, to);
                    }
                }
                case WebSocket.PING -> {
                    byte[] pong = WebSocket.message(WebSocket.PONG, a, from, to - from);
                    sendRaw(c, pong, 0);
                }
                case WebSocket.CLOSE -> fail(c, "WebSocket closed by the server");
                default -> {
                    // PONG and the rest: nothing to do
                }
            }
            if (c.closed) return;
            p = to;
        }
        carry(c, a, p, end);
    }

    /** A compressed message (RSV1), inflated and handed on as a line. */
    private void inflate(Client c, byte[] a, int from, int to) {
        int n;
        try {
            n = c.inflater.inflate(a, from, to);
        } catch (DataFormatException e) {
            fail(c, "permessage-deflate: " + e.getMessage());
            return;
        }
        if (n > 0) handler.line(c, c.inflater.output(), 0, n);
    }

    private void fail(Client c, String reason) {
        if (c.closed) return;
        c.closed = true;
        if (c.inflater != null) c.inflater.end();
        if (c.key != null) c.key.cancel();
        try {
            if (c.channel != null) c.channel.close();
        } catch (IOException ignored) {
            // it is going away anyway
        }
        handler.closed(c, reason);
    }

    private static ByteBuffer append(ByteBuffer pending, byte[] data, int offset, int length) {
        if (pending.capacity() - pending.limit() < length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.remaining() + length));
            bigger.put(pending).flip();
            pending = bigger;
        }
        int pos = pending.position();
        pending.position(pending.limit()).limit(pending.limit() + length);
        pending.put(data, offset, length);
        pending.position(pos);
        return pending;
    }
}
