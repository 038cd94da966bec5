package chat.cluster;

import chat.server.spi.ClusterBus;
import chat.server.spi.ClusterEntry;
import chat.server.spi.ClusterListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The bus on one Redis: a writer ({@link LogWriter}) that appends published entries to the log stream in pipelined
 * batches, one reader thread that blocks on XREAD and hands entries to the server in log order, and a beater that keeps
 * this node's heartbeat key alive, notices dead nodes (and writes a {@code DOWN} entry for them, so every node
 * sees the death at the same place in the log) and trims what every live node has applied. Each thread has
 * its own connection: a Jedis connection is confined to one thread. The reader and the writer are platform
 * threads: each spends its life blocked on its socket or queue, and a platform thread is woken there by the
 * kernel directly, where a virtual one goes through the JDK's poller and waits for one of the few carriers the
 * clients' threads keep busy (docs/cluster.md, "Benchmark").
 */
final class RedisBus implements ClusterBus {

    private static final System.Logger LOG = System.getLogger("chat.cluster");
    /** Entries read by one XREAD at most. */
    static final int READ_COUNT = 1024;
    /** How long one XREAD waits for new entries. */
    static final int READ_BLOCK_MILLIS = 500;
    /** Safety cap on the log's length (approximate); trimming to the slowest live node keeps it far shorter. */
    static final long MAX_LOG_ENTRIES = 1_000_000;
    /** Pause between attempts while Redis is unreachable. */
    static final long RETRY_MILLIS = 200;
    /** Entries a starting node reads back before its HELLO at most, for the stamps of what it must not apply again. */
    static final int SEED_ENTRIES = 100_000;
    /** Beats between two trims of the log. */
    static final int BEATS_PER_TRIM = 5;
    /** Beats a heartbeat key outlives its last refresh: a node silent this long is dead. */
    static final int BEATS_TO_DEATH = 5;
    /**
     * How often a reader or writer whose connection stayed up asks for the log's epoch again. Redis restarting
     * breaks every connection, and a new connection always asks first: this only catches a log emptied under a
     * live connection (FLUSHALL). Asking before every read or write doubled Redis's commands per entry.
     */
    static final long EPOCH_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Socket timeout of every connection: longer than a blocking read. */
    static final int SOCKET_TIMEOUT_MILLIS = 5_000;
    /** The entry kind the bus itself writes and reads: field 0 is a dead node. */
    static final String DOWN = "DOWN";
    private static final String SEPARATOR = "\0";
    // CLIENT SETINFO off: Jedis reads its version from a resource a named module does not open, and sends null.
    private static final DefaultJedisClientConfig CLIENT_CONFIG = DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(SOCKET_TIMEOUT_MILLIS).socketTimeoutMillis(SOCKET_TIMEOUT_MILLIS)
            .clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build();

    private final String host;
    private final int port;
    private final String node;
    private final Duration heartbeat;
    private final Duration cutOff;
    // This process's incarnation of the node: the value of its heartbeat key and the stamp of its entries.
    private final String incarnation = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    private final LogWriter writer;
    // Nodes that wrote entries since they were last reported dead: written by the reader, read by the beater.
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    // Dead nodes already written down by this node's beater (cleared when they beat again).
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile Set<String> live = Set.of();
    private volatile String appliedId = "0-0";
    // The log's epoch as the reader last saw it; the beater declares no deaths under another one.
    private volatile String epoch;
    // After a lost log every heartbeat is new: nobody is declared dead before this (System.nanoTime()).
    private volatile long quietUntilNanos;
    private volatile boolean closed;
    private final List<Thread> threads = new ArrayList<>();
    // confined to the reader thread
    private ClusterListener listener;
    private String readFrom;
    private final Set<String> down = new HashSet<>();
    // The reader thread; while it rebuilds, what the server publishes on it is written ahead of the queue.
    private volatile Thread reader;
    private volatile boolean rebuilding;
    private final List<ClusterEntry> announcements = new ArrayList<>();
    // confined to the reader thread (seeded before it starts): how far each node's entries were applied
    private final AppliedMarks marks = new AppliedMarks();

    private RedisBus(String host, int port, String node, Duration heartbeat, Duration cutOff) {
        this.host = host;
        this.port = port;
        this.node = node;
        this.heartbeat = heartbeat;
        this.cutOff = cutOff;
        this.writer = new LogWriter(new HostAndPort(host, port), CLIENT_CONFIG, incarnation, () -> epoch);
    }

    static RedisBus connect(URI url, String node, Duration heartbeat, Duration cutOff) throws IOException {
        if (url.getHost() == null) throw new IOException("--cluster needs redis://HOST:PORT, not " + url);
        RedisBus bus = new RedisBus(url.getHost(), url.getPort() < 0 ? 6379 : url.getPort(), node, heartbeat, cutOff);
        try (Jedis jedis = bus.open()) {
            // A node restarted after a crash finds its old heartbeat until it expires: wait that long, no more.
            long deadline = System.nanoTime() + heartbeat.toNanos() * (BEATS_TO_DEATH + 1);
            while (jedis.set(Keys.NODE + node, bus.incarnation, SetParams.setParams().nx().px(bus.deathMillis())) == null) {
                if (System.nanoTime() > deadline) throw new IOException("node name " + node + " is in use in this network");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
            }
            jedis.set(Keys.EPOCH, freshEpoch(), SetParams.setParams().nx());
            bus.epoch = jedis.get(Keys.EPOCH);
            // Right after Redis lost everything the others' heartbeats come back one by one: give them the time, so
            // that this node knows whom to wait for. It declares nobody dead before it could have seen them beat.
            long settling = jedis.pttl(Keys.REBUILT);
            if (settling > 0) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(settling));
            bus.quietUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(bus.deathMillis());
            // Known before the node starts: a node starting late waits for the answers of these.
            bus.live = beating(jedis);
        } catch (JedisException e) {
            throw new IOException("cannot reach the cluster's Redis at " + url + ": " + e.getMessage(), e);
        }
        return bus;
    }

    /**
     * A new random value for the log's epoch each time one is set: had a node set its own fixed value again after
     * Redis restarted, the others would find the epoch unchanged and never rebuild (and then declare the nodes
     * whose heartbeats were not back yet dead).
     */
    private static String freshEpoch() {
        return Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    private Jedis open() {
        Jedis jedis = new Jedis(host, port, CLIENT_CONFIG);
        jedis.ping();
        return jedis;
    }

    private long deathMillis() {
        return heartbeat.toMillis() * BEATS_TO_DEATH;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public void start(ClusterEntry hello, ClusterListener listener) {
        this.listener = listener;
        try (Jedis jedis = open()) {
            readFrom = jedis.xadd(Keys.LOG, XAddParams.xAddParams(), encode(hello)).toString();
            seedBefore(jedis, readFrom);
        }
        threads.add(Thread.ofPlatform().daemon().name("cluster-reader").start(this::readLoop));
        writer.start();
        threads.add(Thread.ofVirtual().name("cluster-beater").start(this::beatLoop));
    }

    @Override
    public void publish(ClusterEntry entry) {
        if (closed) return;
        if (rebuilding && Thread.currentThread() == reader) announcements.add(entry);
        // The reader's own entries (a departure noticed while applying) wait for the writer: the log's reader never
        // writes to Redis itself, so a stuck write cannot hold the applying of the log.
        else writer.add(entry, Thread.currentThread() != reader);
    }

    @Override
    public Set<String> liveNodes() {
        return live;
    }

    /** An entry without a stamp: always applied (see {@link AppliedMarks}). */
    static Map<String, String> encode(ClusterEntry entry) {
        Map<String, String> fields = new HashMap<>(4);
        fields.put("n", entry.node());
        fields.put("k", entry.kind());
        fields.put("d", String.join(SEPARATOR, entry.fields()));
        return fields;
    }

    /** An entry of this node's writer, stamped so that a copy of it in the log is applied once. */
    static Map<String, String> encode(ClusterEntry entry, String stamp) {
        Map<String, String> fields = encode(entry);
        fields.put(AppliedMarks.FIELD, stamp);
        return fields;
    }

    private static ClusterEntry decode(StreamEntry entry) {
        Map<String, String> f = entry.getFields();
        String data = f.getOrDefault("d", "");
        return new ClusterEntry(entry.getID().toString(), f.getOrDefault("n", ""), f.getOrDefault("k", ""),
                data.isEmpty() ? List.of() : List.of(data.split(SEPARATOR, -1)));
    }

    // --- the reader: the log in order, and what an outage or a lost log means ----------------------------------

    private void readLoop() {
        reader = Thread.currentThread();
        Jedis jedis = null;
        long lastContact = System.nanoTime();
        long epochCheckedNanos = 0;
        boolean cut = false;
        while (!closed) {
            try {
                boolean fresh = jedis == null;
                if (fresh) jedis = open();
                if (fresh || cut || System.nanoTime() - epochCheckedNanos > EPOCH_CHECK_NANOS) {
                    epochCheckedNanos = System.nanoTime();
                    rejoin(jedis, cut);
                    cut = false;
                }
                var read = jedis.xread(XReadParams.xReadParams().block(READ_BLOCK_MILLIS).count(READ_COUNT),
                        Map.of(Keys.LOG, new StreamEntryID(readFrom)));
                lastContact = System.nanoTime();
                if (read == null) continue;
                for (var stream : read) {
                    for (StreamEntry raw : stream.getValue()) {
                        Map<String, String> f = raw.getFields();
                        // A copy a writer sent again (its connection broke before Redis's reply was read) is skipped.
                        if (marks.fresh(f.getOrDefault("n", ""), f.get(AppliedMarks.FIELD))) apply(decode(raw));
                        readFrom = raw.getID().toString();
                    }
                }
                appliedId = readFrom;
            } catch (JedisException e) {
                if (jedis != null) closeQuietly(jedis);
                jedis = null;
                if (closed) return;
                if (!cut && System.nanoTime() - lastContact > cutOff.toNanos()) {
                    cut = true;
                    writer.clear();
                    LOG.log(Level.ERROR, "lost the cluster's Redis for " + cutOff.toSeconds() + " s: " + e.getMessage());
                    listener.cutOff("Lost the network (its Redis is unreachable): reconnect");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "applying the cluster log failed", e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
            }
        }
        if (jedis != null) closeQuietly(jedis);
    }

    /**
     * Compares the log's epoch with the one this node reads; when Redis lost the log (or this node was cut off),
     * starts over: a new log, rebuilt from announcements.
     */
    private void rejoin(Jedis jedis, boolean cut) {
        String now = jedis.get(Keys.EPOCH);
        boolean lost = !epoch.equals(now);
        if (!lost && !cut) return;
        // Redis restarted empty (or this node was cut off): start a new log, rebuild from announcements.
        // No deaths are declared meanwhile (every heartbeat is new), so the quiet time comes first.
        quietUntilNanos = System.nanoTime() + 2 * deathMillis() * 1_000_000L;
        known.clear();
        reported.clear();
        down.clear();
        if (now == null) jedis.set(Keys.EPOCH, freshEpoch(), SetParams.setParams().nx());
        if (lost) jedis.set(Keys.REBUILT, node, SetParams.setParams().px(deathMillis()));
        String fresh = jedis.get(Keys.EPOCH);
        if (lost) LOG.log(Level.WARNING, "the cluster log was lost (Redis restarted empty?): rebuilding");
        // A new log is read whole (the others may have announced themselves already); the same log from
        // this node's HELLO on (what came before, its own burial included, is what it learns anew).
        String hello = rebuild(jedis, lost);
        readFrom = lost || hello == null ? "0-0" : hello;
        if (!lost && hello != null) seedBefore(jedis, hello);
        // Only now may the writer go on: what it holds from before comes after this node's announcements.
        epoch = fresh;
    }

    /**
     * Has the server forget the lost log and announce what it holds (or, back on the same log after a cut, learn
     * the network again); what it publishes meanwhile is written at once, ahead of anything still queued, so that
     * the others know this node's users before their lines. Returns the id of the first entry written, or null.
     */
    private String rebuild(Jedis jedis, boolean lost) {
        rebuilding = true;
        try {
            if (lost) listener.logLost();
            else listener.rejoined();
        } finally {
            rebuilding = false;
        }
        if (announcements.isEmpty()) return null;
        Pipeline pipeline = jedis.pipelined();
        XAddParams params = XAddParams.xAddParams().maxLen(MAX_LOG_ENTRIES).approximateTrimming();
        Response<StreamEntryID> first = pipeline.xadd(Keys.LOG, params, encode(announcements.getFirst()));
        for (ClusterEntry e : announcements.subList(1, announcements.size())) pipeline.xadd(Keys.LOG, params, encode(e));
        announcements.clear();
        pipeline.sync();
        return first.get().toString();
    }

    /**
     * Marks what was written before this node's place in the log ({@code hello}, where it starts reading) as
     * applied, reading the log backwards from there: the others' answers to the HELLO hold its effect, so a copy
     * of it written after the HELLO (a writer's resending) must not be applied here. Reads back until it has seen
     * an entry of every live node, at most {@link #SEED_ENTRIES}; a trimmed log is usually shorter.
     */
    private void seedBefore(Jedis jedis, String hello) {
        marks.startSeeding();
        Set<String> others = new HashSet<>(live);
        others.remove(node);
        String before = "(" + hello;
        int read = 0;
        while (read < SEED_ENTRIES) {
            List<StreamEntry> page = jedis.xrevrange(Keys.LOG, before, "-", READ_COUNT);
            for (StreamEntry e : page) marks.seed(e.getFields().getOrDefault("n", ""), e.getFields().get(AppliedMarks.FIELD));
            read += page.size();
            if (page.size() < READ_COUNT || marks.seededAll(others)) return;
            before = "(" + page.getLast().getID();
        }
    }

    private void apply(ClusterEntry entry) {
        if (entry.kind().equals(DOWN)) {
            String dead = entry.field(0);
            if (dead.equals(node)) {
                // The others buried this node (it was silent too long): its clients are already gone for them.
                if (!closed) listener.cutOff("The network lost this server: reconnect");
                return;
            }
            if (down.add(dead)) {
                known.remove(dead);
                listener.nodeDown(dead);
            }
            return;
        }
        if (!entry.node().equals(node)) {
            down.remove(entry.node());
            known.add(entry.node());
        }
        listener.apply(entry);
    }

    // --- the beater: liveness, deaths, trimming ---------------------------------------------------------------

    private void beatLoop() {
        Jedis jedis = null;
        long beats = 0;
        while (!closed) {
            try {
                if (jedis == null) jedis = open();
                jedis.set(Keys.NODE + node, incarnation, SetParams.setParams().px(deathMillis()));
                Set<String> now = beating(jedis);
                live = now;
                reported.retainAll(known);
                // Right after Redis lost everything, a missing heartbeat means nothing yet.
                boolean settled = epoch.equals(jedis.get(Keys.EPOCH)) && System.nanoTime() - quietUntilNanos > 0;
                for (String other : known) {
                    if (settled && !now.contains(other) && reported.add(other)) {
                        LOG.log(Level.WARNING, node + ": no heartbeat from " + other + " for " + deathMillis() + " ms: it is dead");
                        publish(ClusterEntry.of(node, DOWN, other));
                    }
                }
                jedis.hset(Keys.APPLIED, node, appliedId);
                if (++beats % BEATS_PER_TRIM == 0) trim(jedis, now);
            } catch (JedisException e) {
                if (jedis != null) closeQuietly(jedis);
                jedis = null;
            }
            LockSupport.parkNanos(heartbeat.toNanos());
        }
        if (jedis != null) closeQuietly(jedis);
    }

    /** The nodes whose heartbeat key is alive now. */
    private static Set<String> beating(Jedis jedis) {
        Set<String> now = new HashSet<>();
        for (String key : jedis.keys(Keys.NODE + "*")) now.add(key.substring(Keys.NODE.length()));
        return Set.copyOf(now);
    }

    /** Drops what every live node has applied; a node that joins later learns the state from announcements. */
    private static void trim(Jedis jedis, Set<String> liveNodes) {
        StreamEntryID oldest = null;
        for (Map.Entry<String, String> e : jedis.hgetAll(Keys.APPLIED).entrySet()) {
            if (!liveNodes.contains(e.getKey())) {
                jedis.hdel(Keys.APPLIED, e.getKey());
                continue;
            }
            StreamEntryID id = new StreamEntryID(e.getValue());
            if (oldest == null || id.compareTo(oldest) < 0) oldest = id;
        }
        if (oldest != null) jedis.xtrim(Keys.LOG, XTrimParams.xTrimParams().minId(oldest.toString()).approximateTrimming());
    }

    private static void closeQuietly(Jedis jedis) {
        try {
            jedis.close();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "closing a Redis connection: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (closed) return;
        // The others see this node leave at once rather than after its heartbeat expires.
        writer.add(ClusterEntry.of(node, DOWN, node), false);
        closed = true;
        try {
            writer.close(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Jedis jedis = open()) {
            jedis.del(Keys.NODE + node);
        } catch (JedisException e) {
            LOG.log(Level.DEBUG, "removing the heartbeat: " + e.getMessage());
        }
    }
}
