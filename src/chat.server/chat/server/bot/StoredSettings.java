package chat.server.bot;

import chat.server.spi.BotSettings;
import chat.server.spi.BotStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bot's settings: read from memory, written to memory and queued to the store at once, key by key, so that a
 * node taking the bot over (#12) finds what the bot had changed up to its last action ({@link BotRunner} lets an
 * action out only once what the bot changed before it is stored). Queuing never blocks: the store's own writer
 * thread does the I/O. A write that failed is queued again by {@link #flush} (every few seconds and at shutdown).
 */
final class StoredSettings implements BotSettings {

    private static final System.Logger LOG = System.getLogger("chat.server");

    private final String bot;
    private final BotStore store;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    // keys whose last write failed: written again by the next flush
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    // Taken while a key's value is read and its write queued, so that the store gets a key's writes in the order
    // of its values (queuing does no I/O: the store's writer thread does it).
    private final ReentrantLock queuing = new ReentrantLock();
    // guarded by queuing: the last write queued (the store commits its writes in order)
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

    /** Loads {@code bot}'s settings from {@code store}, or starts empty when there is none (null). */
    StoredSettings(String bot, BotStore store) {
        this.bot = bot;
        this.store = store;
        if (store != null) values.putAll(store.load(bot));
    }

    @Override
    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    @Override
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) out.put(k, v);
        });
        return out;
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
        write(key);
    }

    @Override
    public void remove(String key) {
        if (values.remove(key) != null) write(key);
    }

    /** Queues the key's value as it is now (or its removal) to the store; never blocks. */
    private void write(String key) {
        if (store == null) return;
        queuing.lock();
        try {
            failed.remove(key);
            String value = values.get(key);
            CompletableFuture<Void> write = value == null ? store.remove(bot, key) : store.put(bot, key, value);
            write.whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, "bot " + bot + ": setting " + key + " not saved: " + failure.getMessage());
                    failed.add(key); // written again, with its value then, at the next flush
                }
            });
            lastWrite = write;
        } finally {
            queuing.unlock();
        }
    }

    /**
     * Waits (at most {@code wait}) until every write queued so far is committed or failed: a bot's action that
     * follows a change of its settings goes out only once the change is stored.
     */
    void awaitWritten(Duration wait) throws InterruptedException {
        CompletableFuture<Void> last;
        queuing.lock();
        try {
            last = lastWrite;
        } finally {
            queuing.unlock();
        }
        if (last.isDone()) return;
        try {
            last.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.DEBUG, "bot " + bot + ": settings not stored yet: " + e);
        }
    }

    /**
     * Takes the store's settings again, dropping what was not written: a network node's bot taking over from
     * another node's, which changed them meanwhile (#12).
     */
    void reload() {
        if (store == null) return;
        Map<String, String> now = store.load(bot);
        failed.clear();
        values.clear();
        values.putAll(now);
    }

    /** Queues again the writes that failed; never blocks. */
    void flush() {
        for (String key : List.copyOf(failed)) write(key);
    }
}
