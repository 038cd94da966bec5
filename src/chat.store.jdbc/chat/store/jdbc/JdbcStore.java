package chat.store.jdbc;

import chat.server.spi.AccountStore;
import chat.server.spi.BanStore;
import chat.server.spi.BotStore;
import chat.server.spi.ChannelStore;
import chat.server.spi.HistoryStore;
import chat.server.spi.ReadMarkerStore;
import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A store on a JDBC database: the tables' statements over one {@link Writer} (every write, group-committed)
 * and {@link Reads} (on the callers' threads). A subclass opens the connections, picks the {@link Dialect}
 * and says how a backup is taken and what else to release.
 */
public abstract class JdbcStore implements Store {

    /** How often retention runs. */
    public static final long RETENTION_PERIOD_MILLIS = 60_000;

    private final StoreHealth health;
    private final Writer writer;
    private final Reads reads;
    private final JdbcAccounts accounts;
    private final JdbcHistory history;
    private final JdbcChannels channels;
    private final JdbcBans bans;
    private final JdbcBotSettings bots;
    private final JdbcReadMarkers readMarkers;

    /**
     * Migrates through {@code write} (already open, owned by the writer from now on), then starts the writer.
     * {@code reopen} opens the write connection again after the database dropped it.
     */
    protected JdbcStore(Dialect dialect, StoreOptions options, StoreHealth health, Connection write,
                        ConnectionSource reopen, Reads reads) throws SQLException {
        Migrations.apply(write, dialect);
        this.health = health;
        this.reads = reads;
        Retention retention = new Retention(options, dialect);
        this.writer = new Writer(write, reopen, dialect, health, retention::apply, RETENTION_PERIOD_MILLIS);
        this.accounts = new JdbcAccounts(writer, reads);
        this.history = new JdbcHistory(writer, reads, retention);
        this.channels = new JdbcChannels(writer, reads);
        this.bans = new JdbcBans(writer, reads, options.clock());
        this.bots = new JdbcBotSettings(writer, reads);
        this.readMarkers = new JdbcReadMarkers(writer, reads, dialect);
    }

    /** The writer, for work a subclass queues itself. */
    protected final Writer writer() {
        return writer;
    }

    /** The reads, for queries a subclass runs itself. */
    protected final Reads reads() {
        return reads;
    }

    @Override
    public final AccountStore accounts() {
        return accounts;
    }

    @Override
    public final HistoryStore history() {
        return history;
    }

    @Override
    public final ChannelStore channels() {
        return channels;
    }

    @Override
    public final BanStore bans() {
        return bans;
    }

    @Override
    public final BotStore bots() {
        return bots;
    }

    @Override
    public final ReadMarkerStore readMarkers() {
        return readMarkers;
    }

    @Override
    public final boolean available() {
        return health.available();
    }

    /** Commits what is queued, closes the connections, then whatever the subclass holds. */
    @Override
    public final void close() {
        writer.close();
        reads.close();
        released();
    }

    /** Releases what the subclass holds besides the connections (a lock file, a pool). */
    protected abstract void released();
}
