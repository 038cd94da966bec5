package chat.server.limit;

import chat.server.spi.BanStore;
import chat.server.spi.PrivateFiles;
import chat.server.spi.ServerBan;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's K-lines and D-lines. Entries expire by themselves: a lapsed one is dropped when a lookup meets
 * it (no timer per entry). They persist in {@code <data-dir>/bans.txt}, one entry per line, rewritten whole
 * through a temporary file and an atomic move; or, when the server has a store, in the store's {@link BanStore}
 * (one row per ban, written through the store's writer).
 *
 * <p>Locking: the entries are guarded by this list's own {@code lock}, never by the registry's, and no file
 * I/O happens under it. {@code saveLock} serializes writers of the file, so a later save always writes a
 * later state; the order is {@code saveLock}, then {@code lock}. Neither is ever held while calling the
 * registry or an outbound queue.
 */
public final class BanList {

    /** The file's name inside the data directory. */
    public static final String FILE_NAME = "bans.txt";
    /** What the file is renamed to once the store has imported it, so that it is imported only once. */
    public static final String IMPORTED_FILE_NAME = "bans.txt.imported";

    private static final System.Logger LOG = System.getLogger("chat.server");
    private static final String HEADER = "# chat server bans, one per line: kind, mask, set at, expires at (0: never),"
            + " set by, reason; tab-separated, times in Unix seconds";

    private final Path file;
    // null when the list is kept in the file (or only in memory)
    private final BanStore store;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock saveLock = new ReentrantLock();
    // guarded by lock: folded canonical mask -> K-line
    private final Map<String, Active> klines = new LinkedHashMap<>();
    // guarded by lock: canonical network -> D-line
    private final Map<String, Active> dlines = new LinkedHashMap<>();

    /** An entry with its mask parsed once. */
    private record Active(BanEntry entry, UserHostMask hostMask, Cidr network) {

        static Active of(BanEntry entry) {
            return entry.kind() == BanEntry.Kind.KLINE
                    ? new Active(entry, UserHostMask.parse(entry.mask()), null)
                    : new Active(entry, null, Cidr.parse(entry.mask()));
        }
    }

    private BanList(Path file, BanStore store, Clock clock) {
        this.file = file;
        this.store = store;
        this.clock = clock;
    }

    /** A list kept only in memory (tests, or a server without a data directory). */
    public static BanList inMemory(Clock clock) {
        return new BanList(null, null, clock);
    }

    /**
     * The list kept in {@code store}, with the bans it holds now. When the store holds none yet and
     * {@code dataDir} has a {@code bans.txt}, the file's bans are imported into the store (waiting for the
     * commit) and the file renamed to {@link #IMPORTED_FILE_NAME}, so this happens once.
     */
    public static BanList open(Path dataDir, Clock clock, BanStore store) throws IOException {
        if (store == null) return open(dataDir, clock);
        BanList list = new BanList(null, store, clock);
        List<ServerBan> stored = store.all();
        for (ServerBan ban : stored) {
            try {
                list.put(fromStored(ban));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "skipping a stored " + ban.kind() + " on " + ban.mask() + ": " + e.getMessage());
            }
        }
        Path old = dataDir.resolve(FILE_NAME).toAbsolutePath();
        if (stored.isEmpty() && Files.exists(old)) {
            List<BanEntry> imported = open(dataDir, clock).entries();
            for (BanEntry entry : imported) {
                list.put(entry);
                store.add(toStored(entry)).join();
            }
            Files.move(old, old.resolveSibling(IMPORTED_FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            LOG.log(Level.INFO, "imported " + imported.size() + " bans from " + old + " into the store");
        }
        return list;
    }

    /**
     * The list persisted in {@code dataDir}, with what the file holds now (none if it does not exist yet; the
     * directory is created on the first save). Lines that do not parse are logged and skipped.
     */
    public static BanList open(Path dataDir, Clock clock) throws IOException {
        BanList list = new BanList(dataDir.resolve(FILE_NAME).toAbsolutePath(), null, clock);
        if (!Files.exists(list.file)) return list;
        long now = list.nowSeconds();
        int lineNumber = 0;
        for (String line : Files.readAllLines(list.file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) continue;
            try {
                BanEntry entry = decode(line);
                if (!entry.expired(now)) list.put(entry);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, list.file + ":" + lineNumber + ": skipping a ban that does not parse: " + e.getMessage());
            }
        }
        return list;
    }

    /** Adds a ban, replacing one of the same kind and mask; returns the replaced one, or null. */
    public BanEntry add(BanEntry entry) {
        Active active = Active.of(entry);
        lock.lock();
        try {
            Active old = mapOf(entry.kind()).put(key(entry.kind(), entry.mask()), active);
            return old == null || old.entry().expired(nowSeconds()) ? null : old.entry();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the ban of this kind with this canonical mask; returns it, or null if there was none. */
    public BanEntry remove(BanEntry.Kind kind, String mask) {
        lock.lock();
        try {
            Active old = mapOf(kind).remove(key(kind, mask));
            return old == null || old.entry().expired(nowSeconds()) ? null : old.entry();
        } finally {
            lock.unlock();
        }
    }

    /** The D-line covering this address (given as text, e.g. a session's host), or null. */
    public BanEntry findDline(String address) {
        lock.lock();
        try {
            long now = nowSeconds();
            for (Iterator<Active> it = dlines.values().iterator(); it.hasNext(); ) {
                Active a = it.next();
                if (a.entry().expired(now)) {
                    it.remove();
                } else if (a.network().matches(address)) {
                    return a.entry();
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The K-line matching this user name and host, or null. */
    public BanEntry findKline(String user, String host) {
        lock.lock();
        try {
            long now = nowSeconds();
            for (Iterator<Active> it = klines.values().iterator(); it.hasNext(); ) {
                Active a = it.next();
                if (a.entry().expired(now)) {
                    it.remove();
                } else if (a.hostMask().matches(user, host)) {
                    return a.entry();
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The ban, D-line first, that a client with this user name and host falls under, or null. */
    public BanEntry find(String user, String host) {
        BanEntry dline = findDline(host);
        return dline != null ? dline : findKline(user, host);
    }

    /** The bans in force, K-lines then D-lines, each in the order they were set. */
    public List<BanEntry> entries() {
        lock.lock();
        try {
            long now = nowSeconds();
            List<BanEntry> out = new ArrayList<>(klines.size() + dlines.size());
            for (Active a : klines.values()) if (!a.entry().expired(now)) out.add(a.entry());
            for (Active a : dlines.values()) if (!a.entry().expired(now)) out.add(a.entry());
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the bans in force to the file: a temporary file in the same directory, flushed to disk, then
     * moved over the old one, so a crash leaves either the old list or the new one. Does nothing for an
     * in-memory list.
     */
    public void save() throws IOException {
        if (file == null) return;
        saveLock.lock();
        try {
            StringBuilder text = new StringBuilder(HEADER).append('\n');
            for (BanEntry e : entries()) text.append(encode(e)).append('\n');
            Path dir = file.getParent();
            PrivateFiles.directory(dir);
            Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) channel.write(bytes);
                    channel.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } finally {
            saveLock.unlock();
        }
    }

    /**
     * Makes an added (or replaced) ban survive restarts: one row through the store's writer, or the whole file
     * rewritten. Completes once it is durable, exceptionally when it cannot be. Call it outside every lock.
     */
    public CompletableFuture<Void> persistAdded(BanEntry entry) {
        return store != null ? store.add(toStored(entry)) : saveFile();
    }

    /** The same for a removed ban. */
    public CompletableFuture<Void> persistRemoved(BanEntry entry) {
        return store != null ? store.remove(entry.kind().name(), entry.mask()).thenApply(removed -> null) : saveFile();
    }

    private CompletableFuture<Void> saveFile() {
        try {
            save();
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Where the list is kept, or null for an in-memory list. */
    public Path file() {
        return file;
    }

    /** Where the list is kept, for messages: the file, the store, or memory. */
    public String where() {
        return store != null ? "the store" : file != null ? file.toString() : "memory";
    }

    static ServerBan toStored(BanEntry e) {
        return new ServerBan(e.kind().name(), e.mask(), e.reason(), e.setBy(), e.setAtSeconds() * 1000,
                e.expiresAtSeconds() * 1000);
    }

    static BanEntry fromStored(ServerBan b) {
        BanEntry.Kind kind;
        try {
            kind = BanEntry.Kind.valueOf(b.kind());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind " + b.kind());
        }
        return new BanEntry(kind, BanEntry.canonicalMask(kind, b.mask()), b.reason() == null ? "" : b.reason(),
                b.setBy() == null ? "" : b.setBy(), b.setMillis() / 1000, b.expiresMillis() / 1000);
    }

    private void put(BanEntry entry) {
        lock.lock();
        try {
            mapOf(entry.kind()).put(key(entry.kind(), entry.mask()), Active.of(entry));
        } finally {
            lock.unlock();
        }
    }

    // Caller holds the lock (or the list is not yet shared).
    private Map<String, Active> mapOf(BanEntry.Kind kind) {
        return kind == BanEntry.Kind.KLINE ? klines : dlines;
    }

    private static String key(BanEntry.Kind kind, String mask) {
        return kind == BanEntry.Kind.KLINE ? mask.toLowerCase(Locale.ROOT) : mask;
    }

    private long nowSeconds() {
        return clock.millis() / 1000;
    }

    static String encode(BanEntry e) {
        return String.join("\t", e.kind().name(), e.mask(), Long.toString(e.setAtSeconds()),
                Long.toString(e.expiresAtSeconds()), e.setBy(), e.reason());
    }

    static BanEntry decode(String line) {
        String[] f = line.split("\t", 6);
        if (f.length != 6) throw new IllegalArgumentException("expected 6 tab-separated fields, found " + f.length);
        BanEntry.Kind kind;
        try {
            kind = BanEntry.Kind.valueOf(f[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind " + f[0]);
        }
        long setAt;
        long expiresAt;
        try {
            setAt = Long.parseLong(f[2]);
            expiresAt = Long.parseLong(f[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("times must be whole numbers");
        }
        return new BanEntry(kind, BanEntry.canonicalMask(kind, f[1]), f[5], f[4], setAt, expiresAt);
    }
}
