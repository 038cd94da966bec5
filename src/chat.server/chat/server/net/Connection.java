package chat.server.net;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.LineWriter;
import chat.server.AbuseLimits;
import chat.server.Options;
import chat.server.command.Dispatcher;
import chat.server.limit.Admission;
import chat.server.limit.TokenBucket;
import chat.server.state.Outbound;
import chat.server.spi.Transport;
import chat.server.state.Link;
import chat.server.state.WriterShares;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * One client connection: its transport (a TCP or TLS socket, or a WebSocket from the web module), its session,
 * the line handling with flood control that runs on the connection's own reader virtual thread, and its outbound
 * queue. Registration and ping time limits, admission release and the close sequence are the same for every
 * transport. Closing is idempotent and may start on any thread.
 */
final class Connection implements Outbound, LineReader.Sink, OutboundQueue.Listener {

    private static final System.Logger LOG = System.getLogger("chat.server");
    private static final long ARRIVAL_POLL_MILLIS = 100;

    private final Transport transport;
    private final boolean tls;
    private final InetAddress address;
    private final Admission admission;
    private final TokenBucket flood;
    private final long floodMaxPendingBytes;
    private LongSupplier pendingInput = () -> 0; // set before the first line, by whoever reads
    private volatile boolean countedRegistered;
    private final Link session;
    private final SendQueueBudget sendQueues;
    private final OutboundQueue queue;
    private final Dispatcher dispatcher;
    private final Set<Connection> live;
    private final Clock clock;
    // #17: a field rather than an AtomicBoolean: every delivery reads it, and a fan-out to 10,000 members misses the
    // cache once more per member for every object on the way.
    private volatile boolean closing;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile long closingSinceMillis;

    private static final VarHandle CLOSING;

    static {
        try {
            CLOSING = MethodHandles.lookup().findVarHandle(Connection.class, "closing", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Connection(Transport transport, InetAddress address, boolean tls, Dispatcher dispatcher, Set<Connection> live,
               Clock clock, Admission admission, SendQueueBudget sendQueues) {
        this.transport = transport;
        this.tls = tls;
        this.address = address;
        this.admission = admission;
        AbuseLimits limits = dispatcher.server().config().limits();
        this.flood = limits.floodLinesPerSecond() <= 0 || admission.exempt(address) ? null
                : new TokenBucket(limits.floodBurst(), limits.floodLinesPerSecond(), System.nanoTime());
        this.floodMaxPendingBytes = limits.floodMaxPendingBytes();
        this.dispatcher = dispatcher;
        this.live = live;
        this.clock = clock;
        this.sendQueues = sendQueues;
        this.queue = new OutboundQueue(transport, dispatcher.server().config().sendQueueBytes(), sendQueues, this);
        this.session = new Link(this, address.getHostAddress(), clock.millis());
    }

    String transportKind() {
        return transport.kind();
    }

    int receiveQueueBytes() {
        return dispatcher.server().config().receiveQueueBytes();
    }

    /** Where the flood check learns how much input waits unprocessed; set by the reader before the first line. */
    void pendingInput(LongSupplier pending) {
        this.pendingInput = pending;
    }

    Link session() {
        return session;
    }

    /** The reader loop of a blocking byte stream (TLS); returns when the client is gone or closing. */
    void run(InputStream in) {
        LineReader reader = new LineReader(in, receiveQueueBytes(), !tls);
        pendingInput(reader::pendingBytes);
        read(reader);
    }

    /**
     * Hands the lines {@code reader} finds to the dispatcher until the client is gone or closing (false), or, on a
     * non-blocking socket, until nothing more is there for now (true: read again when the socket is readable).
     */
    boolean read(LineReader reader) {
        try {
            if (reader.run(this)) return !closing;
            if (!closing) drop("Connection closed");
        } catch (LineReader.ReceiveQueueExceeded e) {
            receiveQueueExceeded();
        } catch (IOException e) {
            if (!closing) drop("Read error: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "reader of " + session + " failed", e);
            drop("Internal error");
        }
        return false;
    }

    /** The client sent more than the receive limit without a line ending, or without our reading it. */
    void receiveQueueExceeded() {
        dispatcher.server().stats().dropped("recvq");
        // The client still reads: let it see why it is cut off.
        close("RecvQ exceeded: line too long with no line ending");
    }

    /** The peer is gone (a transport that pushes lines tells us so). */
    void peerClosed(String reason) {
        if (!closing) drop(reason);
    }

    @Override
    public boolean line(byte[] buf, int offset, int length) {
        session.touch(clock.millis());
        if (!withinFloodLimit()) return false;
        awaitSendQueueRoom();
        dispatcher.dispatch(session, LineParser.parse(buf, offset, length));
        awaitArrival();
        if (!countedRegistered && session.user().registered()) {
            countedRegistered = true;
            admission.registered(address);
            dispatcher.server().stats().registered();
        }
        return !closing;
    }

    // #12: on a cluster node registration completes when the log brings the arrival back. The client's next lines
    // wait for it, as they follow a welcome sent at once on one server (and its link stays with one thread).
    private void awaitArrival() {
        try {
            while (!closing && !session.awaitArrival(ARRIVAL_POLL_MILLIS)) {
                // closing (a cut from Redis, the registration timeout) ends the wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * #17: while the send queues together are past half their budget, the next command waits (at most a second) for
     * the writers to catch up: a thousand clients joining one channel then slow down to what the members can be sent,
     * instead of the members being dropped.
     */
    private void awaitSendQueueRoom() {
        if (!sendQueues.underPressure()) return;
        try {
            sendQueues.awaitRoom(SendQueueBudget.MAX_PAUSE_NANOS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** #14: a bot's account may be exempted from flood control by configuration. */
    private boolean floodExempt(String account) {
        if (account == null) return false;
        List<String> exempt = dispatcher.server().config().get(Options.FLOOD_EXEMPT_ACCOUNTS);
        for (String name : exempt) {
            if (name.equalsIgnoreCase(account)) return true;
        }
        return false;
    }

    /**
     * #4 fakelag: past its burst a client's lines are delayed to the sustained rate (reading stops, so TCP
     * pushes back); a client that meanwhile piles up more unprocessed input than allowed is cut off.
     */
    private boolean withinFloodLimit() {
        if (flood == null || session.user().operator() || floodExempt(session.user().account())) return true;
        long waitNanos = flood.take(System.nanoTime());
        if (waitNanos <= 0) return true;
        if (pendingInput.getAsLong() > floodMaxPendingBytes) {
            dispatcher.server().stats().dropped("flood");
            close("Excess Flood");
            return false;
        }
        LockSupport.parkNanos(waitNanos);
        return !closing;
    }

    @Override
    public boolean tooLong() {
        session.touch(clock.millis());
        dispatcher.lineTooLong(session);
        return !closing;
    }

    @Override
    public void tlsHandshake() {
        close("This is a plain-text IRC port: connect without TLS");
    }

    @Override
    public boolean send(byte[] lines) {
        return send(lines, null);
    }

    @Override
    public boolean send(byte[] lines, WriterShares shares) {
        if (closing) return false;
        if (queue.offer(lines, shares)) return true;
        // #2: a client that does not read its lines must not hold them in our memory: drop it. #17: the same when
        // the server's send queues together are near their budget and this one holds more than its share.
        dispatcher.server().stats().dropped("sendq");
        drop("SendQ exceeded");
        return false;
    }

    @Override
    public void close(String reason) {
        if (!CLOSING.compareAndSet(this, false, true)) return;
        closingSinceMillis = clock.millis();
        Unnested.run(() -> dispatcher.disconnected(session.user(), reason));
        queue.finish(LineWriter.encodeWithin(IrcMessage.of("ERROR", reason)));
    }

    /** Closes at once, without waiting for queued lines: the client is gone or will not read them. */
    void drop(String reason) {
        close(reason);
        release();
    }

    @Override
    public void writeFailed(IOException e) {
        drop("Write error: " + e.getMessage());
    }

    @Override
    public void finished() {
        release();
    }

    /** Periodic checks, from the sweeper thread: registration time, PING, PING timeout, lingering close. */
    void sweep(long now, TimeLimits limits) {
        if (closing) {
            if (now - closingSinceMillis > limits.closeGraceMillis()) release();
            return;
        }
        if (!session.user().registered()) {
            if (now - session.user().connectedAtMillis() > limits.registrationMillis()) {
                dispatcher.server().stats().dropped("registration_timeout");
                close("Registration timed out");
            }
            return;
        }
        long pingSent = session.pingSentAtMillis();
        if (pingSent == 0) {
            if (now - session.lastActivityMillis() > limits.pingIntervalMillis()) {
                session.markPingSent(now);
                send(LineWriter.encode(IrcMessage.of("PING", dispatcher.server().name())));
            }
        } else if (now - pingSent > limits.pingTimeoutMillis()) {
            dispatcher.server().stats().dropped("ping_timeout");
            drop("Ping timeout: " + (now - session.lastActivityMillis()) / 1000 + " seconds");
        }
    }

    private void release() {
        if (!released.compareAndSet(false, true)) return;
        queue.kill();
        // Counted out before the socket closes, so a client that sees the close may connect again at once.
        if (live.remove(this)) {
            dispatcher.server().stats().disconnected(transport.kind());
            admission.released(address, countedRegistered);
        }
        transport.close();
    }

    /**
     * The time limits the sweeper enforces, in milliseconds.
     *
     * @param registrationMillis time to complete registration
     * @param pingIntervalMillis idle time before a PING
     * @param pingTimeoutMillis  time to answer it
     * @param closeGraceMillis   time a closing connection may take to flush its last lines
     */
    record TimeLimits(long registrationMillis, long pingIntervalMillis, long pingTimeoutMillis, long closeGraceMillis) {
    }
}
