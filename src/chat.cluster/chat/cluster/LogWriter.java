package chat.cluster;

import chat.server.spi.ClusterEntry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Appends what this node publishes to the log. Entries go out as pipelined {@code XADD}s, and the sender goes on
 * with the next ones without waiting for Redis's replies, which a confirmer thread reads on the same connection:
 * an entry queued while a batch is on its way is sent at once instead of waiting for that batch's round trip.
 * Whoever holds the right to send (a flag taken without waiting, never a lock anyone blocks on) owns the
 * connection and the numbering: when the connection is up, nothing waits to be sent again and Redis confirmed all
 * it was sent (it is not busy: under load the writer thread's flushes gather more entries), the thread that
 * publishes an entry (a client's own thread) sends it itself, with whatever was queued before it, instead of
 * waking the writer thread to do it (on a busy machine each wake-up of another thread costs a wait for a CPU,
 * and this one was on every message's path). Everything else is the writer thread's: connecting, the log's
 * epoch, sending again what a broken connection left unconfirmed, waiting for Redis when too much is
 * unconfirmed. Entries sent on a connection that broke before they were confirmed are sent again, first and in
 * order, on the next one: Redis may have appended them without its replies being read, so one may then be in the
 * log twice. Each entry is stamped with this node's incarnation and a number of its own, so that the readers
 * apply it once ({@link AppliedMarks}).
 */
final class LogWriter {

    /** Entries sent in one flush at most. */
    static final int WRITE_BATCH = 512;
    /**
     * How long the writer waits for new entries before it looks at whether it was closed or its connection failed
     * under entries it sent (the confirmer found out): those are sent again on a new connection at once, not with
     * the next entry, which may be long in coming. It also asks for the log's epoch then, when the last answer is
     * half its age limit old, so that a publishing thread seldom finds it too old to send.
     */
    static final long POLL_MILLIS = 100;
    /**
     * The most bytes a publishing thread sends at once: they fit in the sockets' buffers (loopback: 16 KiB to send,
     * 128 KiB for Redis to read, by default), so a client's thread never waits in a write for a Redis that stopped
     * reading.
     */
    static final long INLINE_BYTES = 64 * 1024;
    /** How long a closing writer waits for the confirmation of what it sent last. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final VarHandle SENDING;

    static {
        try {
            SENDING = MethodHandles.lookup().findVarHandle(LogWriter.class, "sending", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final String incarnation;
    // The epoch this node's reader last (re)built its place in the log for: nothing is written under another.
    private final Supplier<String> epoch;
    private final ConcurrentLinkedQueue<ClusterEntry> outgoing = new ConcurrentLinkedQueue<>();
    // Bumped by clear(): the writer drops what it holds too (sent unconfirmed, or waiting to be sent again).
    private volatile int clearings;
    private volatile boolean closed;
    private volatile Thread thread;
    // Set (compareAndSet) by the one thread that may send: the fields below are its, until it clears the flag.
    private volatile boolean sending;
    // A hint for publishing threads, kept by the sender: the connection is up and nothing waits to be sent again.
    private volatile boolean ready;
    // owned by the sender: the connection, and stamped entries in the order published (the order of their numbers)
    private LogStream stream;
    private long sequence;
    private int cleared;
    private long epochCheckedNanos;
    private final List<Map<String, String>> batch = new ArrayList<>(WRITE_BATCH);
    // owned by the sender: sent on a connection that broke before Redis confirmed them (and what followed them):
    // they go first on the next one, in order
    private ArrayDeque<Map<String, String>> resend = new ArrayDeque<>();

    LogWriter(HostAndPort address, JedisClientConfig config, String incarnation, Supplier<String> epoch) {
        this.address = address;
        this.config = config;
        this.incarnation = incarnation;
        this.epoch = epoch;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("cluster-writer").start(this::run);
    }

    /**
     * Queues an entry; when {@code mayWrite} and the connection is ready, the calling thread sends it (with what was
     * queued before it) itself, else the writer thread is woken to do it. The calling thread never waits for
     * another: if someone else is sending, that one sends this entry too.
     */
    void add(ClusterEntry entry, boolean mayWrite) {
        outgoing.add(entry);
        if (!mayWrite || !ready || closed) {
            LockSupport.unpark(thread);
            return;
        }
        int sent = 0;
        while (!outgoing.isEmpty()) {
            if (sent >= WRITE_BATCH) {
                // A batch is enough of others' entries for one client's thread to send: the writer sends the rest.
                LockSupport.unpark(thread);
                return;
            }
            // Taken: whoever has it looks at the queue again after giving it up, and sends this entry.
            if (!takeSending()) return;
            int now;
            try {
                now = sendQueued();
            } finally {
                sending = false;
            }
            if (now < 0) {
                LockSupport.unpark(thread);
                return;
            }
            sent += now;
        }
    }

    private boolean takeSending() {
        return SENDING.compareAndSet(this, false, true);
    }

    /**
     * Drops what is queued and what waits to be sent again (the node was cut off: its clients were told, nobody
     * waits for those lines, and an arrival of a client already gone must not reach the others).
     */
    void clear() {
        clearings++;
        ready = false;
        outgoing.clear();
        LockSupport.unpark(thread);
    }

    /** Writes what is queued (as long as Redis answers), then stops. */
    void close(Duration wait) throws InterruptedException {
        closed = true;
        Thread writer = thread;
        if (writer != null) {
            LockSupport.unpark(writer);
            writer.join(wait);
        }
    }

    /**
     * A publishing thread's send (it holds the right): the queued entries, when the connection is up, nothing waits
     * to be sent again, the epoch was checked lately and Redis confirmed all it was sent. Returns how many were
     * sent, or -1 when the writer thread must do it; never waits for Redis, and leaves any failure to the writer
     * thread.
     */
    private int sendQueued() {
        if (cleared != clearings || stream == null || stream.failed() || !resend.isEmpty() || !batch.isEmpty()
                || System.nanoTime() - epochCheckedNanos > RedisBus.EPOCH_CHECK_NANOS) {
            ready = false;
            return -1;
        }
        // Redis has not confirmed everything sent before (it is busy): the writer thread sends, and its wake-up
        // gathers more entries into one flush. A large batch is its too: it may have to wait for Redis.
        if (!stream.idle()) return -1;
        drain();
        if (bytes(batch) > INLINE_BYTES) return -1;
        int sent = batch.size();
        try {
            stream.send(batch);
            batch.clear();
            return sent;
        } catch (JedisException e) {
            // The batch stays: the writer thread sends it again on a new connection, after what was unconfirmed.
            stream.fail(e);
            ready = false;
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready = false;
            return -1;
        }
    }

    /** The bytes an entry takes in the log (its fields' values; about, for characters past ASCII). */
    private static long bytes(Map<String, String> entry) {
        long n = 0;
        for (String v : entry.values()) n += v.length();
        return n;
    }

    private static long bytes(List<Map<String, String>> entries) {
        long n = 0;
        for (Map<String, String> e : entries) n += bytes(e);
        return n;
    }

    /** Stamps up to a batch of queued entries, in the order published. */
    private void drain() {
        ClusterEntry e;
        while (batch.size() < WRITE_BATCH && (e = outgoing.poll()) != null) {
            batch.add(RedisBus.encode(e, AppliedMarks.stamp(incarnation, ++sequence)));
        }
    }

    private void run() {
        while (true) {
            if (!takeSending()) {
                // A publishing thread is sending: it wakes this one if it leaves anything to do.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
                continue;
            }
            Step next;
            try {
                next = step();
            } finally {
                sending = false;
            }
            if (next == Step.DONE) break;
            if (next == Step.IDLE && outgoing.isEmpty() && !closed) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
        // A publishing thread that found the writer open may still be sending: it is done within a write.
        while (!takeSending()) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        if (stream != null) stream.finish(CLOSE_WAIT);
    }

    private enum Step { BUSY, IDLE, DONE }

    /** One step of the writer thread (it holds the right to send). */
    private Step step() {
        try {
            if (cleared != clearings) {
                cleared = clearings;
                ready = false;
                batch.clear();
                resend.clear();
                if (stream != null) stream.abandon();
                stream = null;
            }
            if (stream != null) stream.check();
            if (batch.isEmpty()) {
                while (!resend.isEmpty() && batch.size() < WRITE_BATCH) batch.add(resend.poll());
                if (batch.isEmpty()) drain();
            }
            if (batch.isEmpty() && closed) return Step.DONE;
            if (batch.isEmpty() && (stream == null || System.nanoTime() - epochCheckedNanos < RedisBus.EPOCH_CHECK_NANOS / 2)) {
                return Step.IDLE;
            }
            if (stream == null) {
                stream = new LogStream(address, config);
                epochCheckedNanos = System.nanoTime() - RedisBus.EPOCH_CHECK_NANOS - 1;
            }
            // After a restart of Redis, nothing is written until the reader has rebuilt this node's place
            // in the new log (its announcements first): lines of users the others do not know would be lost.
            if (System.nanoTime() - epochCheckedNanos > RedisBus.EPOCH_CHECK_NANOS / 2) {
                if (!epoch.get().equals(stream.epoch())) {
                    ready = false;
                    if (closed) return Step.DONE;
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RedisBus.RETRY_MILLIS));
                    return Step.BUSY;
                }
                epochCheckedNanos = System.nanoTime();
            }
            if (!batch.isEmpty()) {
                stream.send(batch);
                batch.clear();
            }
            ready = resend.isEmpty();
            return resend.isEmpty() && outgoing.isEmpty() ? Step.IDLE : Step.BUSY;
        } catch (InterruptedException e) {
            return Step.DONE;
        } catch (JedisException e) {
            ready = false;
            if (stream != null) {
                // In the order of their numbers: what was sent unconfirmed, this batch (taken from the head of
                // what was to be sent again, or from the queue when nothing was), the rest to be sent again.
                ArrayDeque<Map<String, String>> again = new ArrayDeque<>(stream.abandon());
                again.addAll(batch);
                again.addAll(resend);
                resend = again;
                batch.clear();
            }
            stream = null;
            if (closed) return Step.DONE;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RedisBus.RETRY_MILLIS));
            return Step.BUSY;
        }
    }
}
