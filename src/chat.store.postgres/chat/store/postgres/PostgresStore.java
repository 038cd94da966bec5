package chat.store.postgres;

import chat.server.spi.StoreOptions;
import chat.store.jdbc.JdbcStore;
import chat.store.jdbc.PooledReads;
import chat.store.jdbc.StoreHealth;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/**
 * The PostgreSQL store: a HikariCP pool whose connections serve the reads, and one of them, held, the
 * group-commit writer. When the database goes away, operations fail with the SPI's store-unavailable error
 * (logged once); the pool and the writer connect again on their own when it is back.
 */
final class PostgresStore extends JdbcStore {

    /** Pool size: the writer's connection and the readers'. */
    static final int POOL_SIZE = 8;
    /** How long a read (or the writer) waits for a connection before the store counts as unavailable. */
    static final long CONNECT_TIMEOUT_MILLIS = 2_000;

    private final HikariDataSource pool;

    private PostgresStore(HikariDataSource pool, Connection write, StoreOptions options, StoreHealth health)
            throws SQLException {
        super(new PostgresDialect(), options, health, write, pool::getConnection, new PooledReads(pool, health));
        this.pool = pool;
    }

    static PostgresStore open(StoreOptions options) throws IOException {
        PostgresUrl url;
        try {
            url = PostgresUrl.parse(options.scheme(), options.location());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("chat-store");
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) config.setUsername(url.user());
        if (options.password() != null) config.setPassword(options.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(CONNECT_TIMEOUT_MILLIS);
        config.addDataSourceProperty("ApplicationName", "chat");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // normal: a commit is acknowledged before PostgreSQL's WAL flush (survives a crash of chat, not of the
        // database machine); full: after it.
        if (!options.syncEveryCommit()) config.setConnectionInitSql("SET synchronous_commit = off");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IOException("cannot connect: " + rootMessage(e), e);
        }
        try {
            return new PostgresStore(pool, pool.getConnection(), options, new StoreHealth(url.shown()));
        } catch (SQLException e) {
            pool.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
    }

    @Override
    public CompletableFuture<Void> backup(Path file) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "back up a PostgreSQL store with pg_dump, e.g. pg_dump -Fc -f " + file + " DB"));
    }

    @Override
    protected void released() {
        pool.close();
    }
}
