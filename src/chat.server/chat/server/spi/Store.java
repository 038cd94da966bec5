package chat.server.spi;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** An open store: its parts, an online backup, and {@link #close} (which commits what is queued). */
public interface Store extends AutoCloseable {

    AccountStore accounts();

    HistoryStore history();

    /** Channel settings of registered channels (topic, modes, mask lists). */
    ChannelStore channels();

    /** Server-wide bans (KLINE, DLINE, account blocks). */
    BanStore bans();

    /**
     * Whether the last operation reached the database. False after a failure until an operation succeeds
     * again; the store keeps trying on its own, so this is a state to report, not to act on.
     */
    boolean available();

    /** Bots' settings (#14). */
    BotStore bots();

    /**
     * draft/read-marker positions per account; null when this store keeps none (the server then keeps them in
     * memory until it stops). A default so that a store written before read markers still compiles.
     */
    default ReadMarkerStore readMarkers() {
        return null;
    }

    /** Writes a consistent copy of the whole store to {@code file} while it stays in use. */
    CompletableFuture<Void> backup(Path file);

    /** Commits every queued write, then releases the files or connections. */
    @Override
    void close();
}
