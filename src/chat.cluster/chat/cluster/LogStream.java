package chat.cluster;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 * One connection of the {@link LogWriter} to Redis: its sending side (whoever holds the writer's right to send)
 * and its confirming side (a thread of its own reading Redis's replies), and the entries sent on it that Redis
 * has not confirmed yet. The lock guards only that list, never the socket.
 */
final class LogStream {

    private static final System.Logger LOG = System.getLogger("chat.cluster");
    /** Entries sent and not yet confirmed at most: past this a sender waits for replies. */
    static final int MAX_UNCONFIRMED = 4 * LogWriter.WRITE_BATCH;
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

    LogStream(HostAndPort address, JedisClientConfig config) {
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

    /** Whether this connection broke (the confirmer or a sender found out). */
    boolean failed() {
        return failure != null;
    }

    /** A send on this connection failed: it is broken, and the writer thread starts over on a new one. */
    void fail(JedisException e) {
        lock.lock();
        try {
            if (failure == null) failure = e;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether Redis confirmed everything sent on this connection. */
    boolean idle() {
        lock.lock();
        try {
            return unconfirmed.isEmpty();
        } finally {
            lock.unlock();
        }
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
}
