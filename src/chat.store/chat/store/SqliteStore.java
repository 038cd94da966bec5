package chat.store;

import chat.server.spi.AccountStore;
import chat.server.spi.BanStore;
import chat.server.spi.BotStore;
import chat.server.spi.ChannelStore;
import chat.server.spi.HistoryStore;
import chat.server.spi.PrivateFiles;
import chat.server.spi.ReadMarkerStore;
import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite store: {@code chat.db} in WAL mode, a lock file so that one server at a time owns the directory,
 * the schema migrated at open, one {@link Writer} thread for every write and a {@link ReadPool} for reads.
 */
final class SqliteStore implements Store {

    private static final System.Logger LOG = System.getLogger("chat.store");
    /** How often retention runs. */
    static final long RETENTION_PERIOD_MILLIS = 60_000;
    /** How long a connection waits for a lock held by another connection (a backup, a migration). */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** What SQLite keeps beside the database file in WAL mode. */
    static final List<String> SIDE_FILES = List.of("-wal", "-shm");

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Writer writer;
    private final ReadPool reads;
    private final String url;
    private final SqliteAccounts accounts;
    private final SqliteHistory history;
    private final SqliteChannels channels;
    private final SqliteBans bans;
    private final SqliteReadMarkers readMarkers;
    private final SqliteBots bots;

    private SqliteStore(FileChannel lockChannel, FileLock lock, String url, Connection write, List<Connection> readers,
                        StoreOptions options) throws SQLException {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.url = url;
        this.reads = new ReadPool(readers);
        Retention retention = new Retention(options);
        this.writer = new Writer(write, () -> connect(url, options.syncEveryCommit(), false), c -> {
            retention.run(c);
            return null;
        }, RETENTION_PERIOD_MILLIS);
        this.accounts = new SqliteAccounts(writer, reads);
        this.history = new SqliteHistory(writer, reads, retention);
        this.channels = new SqliteChannels(writer, reads);
        this.bans = new SqliteBans(writer, reads, options.clock());
        this.readMarkers = new SqliteReadMarkers(writer, reads);
        this.bots = new SqliteBots(writer, reads);
    }

    private Connection writerConnection() {
        return writer.connection();
    }

    static SqliteStore open(StoreOptions options) throws IOException {
        Path dir = options.dataDirectory();
        PrivateFiles.directory(dir);
        FileChannel lockChannel = FileChannel.open(PrivateFiles.file(dir.resolve("chat.lock")), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very process (a second server in one JVM)
        } catch (IOException e) {
            lockChannel.close();
            throw e;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("another server uses the data directory " + dir.toAbsolutePath());
        }
        Path db = dir.resolve(SqliteStoreProvider.FILE_NAME);
        // #10: SQLite gives the -wal and -shm files the database file's mode, so a 0600 chat.db keeps them 0600 too
        PrivateFiles.file(db);
        CrashCheck.beforeOpen(db, options.clock());
        for (String suffix : SIDE_FILES) PrivateFiles.restrict(dir.resolve(SqliteStoreProvider.FILE_NAME + suffix));
        String url = "jdbc:sqlite:" + db.toAbsolutePath();
        List<Connection> opened = new ArrayList<>();
        try {
            Connection write = connect(url, options.syncEveryCommit(), false);
            opened.add(write);
            CrashCheck.afterOpen(write, db, options.clock());
            Migrations.apply(write);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < ReadPool.SIZE; i++) {
                Connection r = connect(url, options.syncEveryCommit(), true);
                opened.add(r);
                readers.add(r);
            }
            return new SqliteStore(lockChannel, lock, url, write, readers, options);
        } catch (SQLException e) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            lock.release();
            lockChannel.close();
            throw new IOException("cannot open " + url.substring("jdbc:sqlite:".length()) + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url, boolean syncEveryCommit, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: every commit is fsynced (survives power loss); NORMAL: survives a crash of the process.
        config.setSynchronous(syncEveryCommit ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection c = DriverManager.getConnection(url, config.toProperties());
        if (readOnly) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
        }
        return c;
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public ChannelStore channels() {
        return channels;
    }

    @Override
    public BanStore bans() {
        return bans;
    }

    @Override
    public BotStore bots() {
        return bots;
    }

    @Override
    public ReadMarkerStore readMarkers() {
        return readMarkers;
    }

    @Override
    public CompletableFuture<Void> backup(Path file) {
        // VACUUM INTO on a connection of its own: a consistent snapshot, readers and the writer go on meanwhile.
        return CompletableFuture.runAsync(() -> {
            try (Connection c = DriverManager.getConnection(url);
                 PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
                s.setString(1, file.toAbsolutePath().toString());
                s.execute();
                PrivateFiles.restrict(file);
            } catch (SQLException | IOException e) {
                throw new StoreFailure("backup to " + file + " failed: " + e.getMessage(), e);
            }
        }, r -> Thread.ofPlatform().name("store-backup").daemon(true).start(r));
    }

    @Override
    public void close() {
        writer.close();
        try {
            if (writerConnection() != null) writerConnection().close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing the store: " + e.getMessage());
        }
        reads.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "releasing the data directory lock", e);
        }
    }
}
