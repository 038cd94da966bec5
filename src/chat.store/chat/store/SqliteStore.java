package chat.store;

import chat.server.spi.PrivateFiles;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoreUnavailableException;
import chat.store.jdbc.JdbcStore;
import chat.store.jdbc.ReadPool;
import chat.store.jdbc.StoreHealth;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
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
 * The SQLite store: one database file in WAL mode, a lock file beside it so that one server at a time owns
 * it, the schema migrated at open, one writer thread for every write and a few read connections.
 */
final class SqliteStore extends JdbcStore {

    private static final System.Logger LOG = System.getLogger("chat.store");
    /** Read connections. */
    static final int READERS = 4;
    /** How long a connection waits for a lock held by another connection (a backup, a migration). */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** What SQLite keeps beside the database file in WAL mode. */
    static final List<String> SIDE_FILES = List.of("-wal", "-shm");

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String url;

    private SqliteStore(FileChannel lockChannel, FileLock lock, String url, Connection write, List<Connection> readers,
                        StoreOptions options, StoreHealth health) throws SQLException {
        super(new SqliteDialect(), options, health, write, () -> connect(url, options.syncEveryCommit(), false),
                new ReadPool(readers, health));
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.url = url;
    }

    static SqliteStore open(StoreOptions options) throws IOException {
        Path file = Path.of(options.location()).toAbsolutePath();
        PrivateFiles.directory(file.getParent());
        // chat.db's lock file is chat.lock beside it
        String name = file.getFileName().toString();
        Path lockFile = file.resolveSibling((name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + ".lock");
        FileChannel lockChannel = FileChannel.open(PrivateFiles.file(lockFile), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (a second server in one JVM)
        } catch (IOException e) {
            lockChannel.close();
            throw e;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("another server uses the store " + file);
        }
        // #10: SQLite gives the -wal and -shm files the database file's mode, so a 0600 chat.db keeps them 0600 too
        PrivateFiles.file(file);
        CrashCheck.beforeOpen(file, options.clock());
        for (String suffix : SIDE_FILES) PrivateFiles.restrict(file.resolveSibling(name + suffix));
        String url = "jdbc:sqlite:" + file;
        List<Connection> opened = new ArrayList<>();
        try {
            Connection write = connect(url, options.syncEveryCommit(), false);
            opened.add(write);
            CrashCheck.afterOpen(write, file, options.clock());
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Connection r = connect(url, options.syncEveryCommit(), true);
                opened.add(r);
                readers.add(r);
            }
            return new SqliteStore(lockChannel, lock, url, write, readers, options, new StoreHealth("sqlite:" + file));
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
            throw new IOException("cannot open " + file + ": " + e.getMessage(), e);
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
    public CompletableFuture<Void> backup(Path file) {
        // VACUUM INTO on a connection of its own: a consistent snapshot, readers and the writer go on meanwhile.
        return CompletableFuture.runAsync(() -> {
            try (Connection c = DriverManager.getConnection(url);
                 PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
                s.setString(1, file.toAbsolutePath().toString());
                s.execute();
            } catch (SQLException e) {
                throw new StoreUnavailableException("backup to " + file + " failed: " + e.getMessage(), e);
            }
        }, r -> Thread.ofPlatform().name("store-backup").daemon(true).start(r));
    }

    @Override
    protected void released() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "releasing the store's lock file", e);
        }
    }
}
