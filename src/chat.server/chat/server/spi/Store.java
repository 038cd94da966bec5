package chat.server.spi;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** An open store: its four parts, an online backup, and {@link #close} (which commits what is queued). */
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

    /** Writes a consistent copy of the whole store to {@code file} while it stays in use. */
    CompletableFuture<Void> backup(Path file);

    /** Commits every queued write, then releases the files or connections. */
    @Override
    void close();
}
