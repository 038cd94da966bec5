package chat.cluster;

import chat.server.spi.ClusterEntry;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends what this node publishes to the log. One writer thread sends the queued entries as pipelined
 * {@code XADD}s and goes on with the next ones without waiting for Redis's replies, which a confirmer thread
 * reads on the same connection: an entry queued while a batch is on its way is sent at once instead of
 * waiting for that batch's round trip (on a busy machine, a wake-up of Redis and one of the writer; the
 * writer that waited for each reply held every message queued behind a batch that long). Entries sent on a
 * connection that broke before they were confirmed are sent again, first and in order, on the next one: Redis
 * may have appended them without its replies being read, so one may then be in the log twice. Each entry is
 * stamped with this node's incarnation and a number of its own, so that the readers apply it once
 * ({@link AppliedMarks}).
 */
final class LogWriter {

    private static final System.Logger LOG = System.getLogger("chat.cluster");
    /** Entries sent in one flush at most. */
    static final int WRITE_BATCH = 512;
    /** Entries sent and not yet confirmed at most: past this the writer waits for replies. */
    static final int MAX_UNCONFIRMED = 4 * WRITE_BATCH;
    /**
     * How long the writer waits for new entries before it looks at whether it was closed or its connection failed
     * under entries it sent (the confirmer found out): those are sent again on a new connection at once, not with
     * the next entry, which may be long in coming.
     */
    static final long POLL_MILLIS = 100;
    /** How long a closing writer waits for the confirmation of what it sent last. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final String incarnation;
    // The epoch this node's reader last (re)built its place in the log for: nothing is written under another.
    private final Supplier<String> epoch;
    private final LinkedBlockingQueue<ClusterEntry> outgoing = new LinkedBlockingQueue<>();
    // Bumped by clear(): the writer drops what it holds too (sent unconfirmed, or waiting to be sent again).
    private volatile int clearings;
    private volatile boolean closed;
    private Thread thread;

    LogWriter(HostAndPort address, JedisClientConfig config, String incarnation, Supplier<String> epoch) {
        this.address = address;
        this.config = config;
        this.incarnation = incarnation;
        this.epoch = epoch;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("cluster-writer").start(this::run);
    }

    void add(ClusterEntry entry) {
        outgoing.add(entry);
    }

    /**
     * Drops what is queued and what waits to be sent again (the node was cut off: its clients were told, nobody
     * waits for those lines, and an arrival of a client already gone must not reach the others).
     */
    void clear() {
        clearings++;
        outgoing.clear();
    }

    /** Writes what is queued (as long as Redis answers), then stops. */
    void close(Duration wait) throws InterruptedException {
        closed = true;
        if (thread != null) thread.join(wait);
    }

    private void run() {
        // Stamped entries, in the order published (which is the order of their numbers).
        List<Map<String, String>> batch = new ArrayList<>(WRITE_BATCH);
        List<ClusterEntry> drained = new ArrayList<>(WRITE_BATCH);
        // Sent on a connection that broke before Redis confirmed them (and what followed them): they go first on
        // the next one, in order.
        ArrayDeque<Map<String, String>> resend = new ArrayDeque<>();
        long sequence = 0;
        int cleared = clearings;
        Stream stream = null;
        long epochCheckedNanos = 0;
        while (!closed || !outgoing.isEmpty() || !batch.isEmpty() || !resend.isEmpty()) {
            try {
                if (cleared != clearings) {
                    cleared = clearings;
                    batch.clear();
                    resend.clear();
                    if (stream != null) stream.abandon();
                    stream = null;
                }
                if (stream != null) stream.check();
                if (batch.isEmpty()) {
                    while (!resend.isEmpty() && batch.size() < WRITE_BATCH) batch.add(resend.poll());
                    if (batch.isEmpty()) {
                        ClusterEntry first = outgoing.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                        if (first == null) continue;
                        drained.add(first);
                        outgoing.drainTo(drained, WRITE_BATCH - 1);
                        for (ClusterEntry e : drained) batch.add(RedisBus.encode(e, AppliedMarks.stamp(incarnation, ++sequence)));
                        drained.clear();
                    }
                }
                if (stream == null) {
                    stream = new Stream(address, config);
                    epochCheckedNanos = System.nanoTime() - RedisBus.EPOCH_CHECK_NANOS - 1;
                }
                // After a restart of Redis, nothing is written until the reader has rebuilt this node's place
                // in the new log (its announcements first): lines of users the others do not know would be lost.
                if (System.nanoTime() - epochCheckedNanos > RedisBus.EPOCH_CHECK_NANOS) {
                    if (!epoch.get().equals(stream.epoch())) {
                        if (closed) break;
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RedisBus.RETRY_MILLIS));
                        continue;
                    }
                    epochCheckedNanos = System.nanoTime();
                }
                stream.send(batch);
                batch.clear();
            } catch (InterruptedException e) {
                break;
            } catch (JedisException e) {
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
                if (closed) break;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RedisBus.RETRY_MILLIS));
            }
        }
        if (stream != null) stream.finish(CLOSE_WAIT);
    }

    /** A connection that can be flushed without reading, and whose replies are read apart. */
    private static final class StreamingConnection extends Connection {

        StreamingConnection(HostAndPort address, JedisClientConfig config) {
            super(address, config);
        }

        void push() {
            flush();
        }

        Object reply() {
            return readProtocolWithCheckingBroken();
        }
    }

    /**
     * One connection's sending side (the writer thread) and confirming side (its own thread), and the entries
     * sent on it that Redis has not confirmed yet. The lock guards only that list, never the socket.
     */
    private static final class Stream {

        private static final XAddParams PARAMS = XAddParams.xAddParams().maxLen(RedisBus.MAX_LOG_ENTRIES).approximateTrimming();

        private final StreamingConnection connection;
        private final Jedis control;
        private final CommandObjects commands;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        // guarded by lock: sent, in log order, not yet confirmed
        private final ArrayDeque<Map<String, String>> unconfirmed = new ArrayDeque<>();
        // guarded by lock: the writer has nothing more to send on this connection
        private boolean finishing;
        private volatile JedisException failure;
        private final Thread confirmer;

        Stream(HostAndPort address, JedisClientConfig config) {
            connection = new StreamingConnection(address, config);
            try {
                control = new Jedis(address, config);
            } catch (JedisException e) {
                connection.close();
                throw e;
            }
            commands = new CommandObjects(connection.getRedisProtocol());
            confirmer = Thread.ofPlatform().daemon().name("cluster-confirmer").start(this::confirm);
        }

        /** The log's epoch in Redis now (on a connection of its own: the replies of this one are the confirmer's). */
        String epoch() {
            return control.get(Keys.EPOCH);
        }

        /** Throws what broke this connection, if the confirmer found it broken. */
        void check() {
            JedisException failed = failure;
            if (failed != null) throw failed;
        }

        /** Sends {@code batch} and returns without waiting for the replies, unless too many are still awaited. */
        void send(List<Map<String, String>> batch) throws InterruptedException {
            lock.lock();
            try {
                while (unconfirmed.size() >= MAX_UNCONFIRMED && failure == null) changed.await();
            } finally {
                lock.unlock();
            }
            check();
            for (Map<String, String> e : batch) connection.sendCommand(commands.xadd(Keys.LOG, PARAMS, e).getArguments());
            connection.push();
            lock.lock();
            try {
                unconfirmed.addAll(batch);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private void confirm() {
            while (true) {
                lock.lock();
                try {
                    while (unconfirmed.isEmpty() && !finishing) changed.await();
                    if (unconfirmed.isEmpty()) return;
                } catch (InterruptedException e) {
                    return;
                } finally {
                    lock.unlock();
                }
                try {
                    connection.reply();
                } catch (JedisDataException e) {
                    // Redis refused this entry (out of memory, say): it is not in the log, so nobody was told it was.
                    LOG.log(Level.ERROR, "Redis refused a log entry: " + e.getMessage());
                } catch (JedisException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new JedisConnectionException(e);
                }
                lock.lock();
                try {
                    if (failure != null) {
                        changed.signalAll();
                        return;
                    }
                    unconfirmed.poll();
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        /** Closes the connection (it failed) and returns what was sent on it without confirmation, in order. */
        List<Map<String, String>> abandon() {
            stopConfirming();
            close();
            joinConfirmer(Duration.ofSeconds(1));
            lock.lock();
            try {
                List<Map<String, String>> left = List.copyOf(unconfirmed);
                unconfirmed.clear();
                return left;
            } finally {
                lock.unlock();
            }
        }

        /** Waits (at most {@code wait}) until what was sent is confirmed, then closes. */
        void finish(Duration wait) {
            stopConfirming();
            joinConfirmer(wait);
            close();
        }

        /** The confirmer reads the replies still awaited, then ends. */
        private void stopConfirming() {
            lock.lock();
            try {
                finishing = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private void joinConfirmer(Duration wait) {
            try {
                confirmer.join(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void close() {
            try {
                connection.close();
                control.close();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "closing the log writer's connections: " + e.getMessage());
            }
        }
    }
}
