package chat.store.jdbc;

import chat.server.spi.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The store's single writer: one platform thread that owns the write connection and commits queued writes
 * in groups, at most {@link #MAX_GROUP} writes or {@link #LINGER_MILLIS} after the first of a group, in one
 * transaction. A group runs straight through first (one round trip per statement, none for savepoints); if
 * a write fails, the group is rolled back and run again with a savepoint per write, so a failing one fails
 * alone. Futures complete after the commit, on this thread. Callers never wait: {@link #submit} only queues.
 * After a failed commit, a connection the database dropped, or an error that may have lost the transaction,
 * the whole group fails with {@link StoreUnavailableException} (none of it was acknowledged) and the
 * connection is closed and opened again for the next group.
 */
public final class Writer implements AutoCloseable {

    /** Writes committed together at most. */
    public static final int MAX_GROUP = 1024;
    /** How long the first write of a group waits for company before the commit. */
    public static final long LINGER_MILLIS = 2;
    /** How long {@link Connection#isValid} may take to tell a broken connection after a failure. */
    static final int VALID_CHECK_SECONDS = 2;

    /** One unit of work on the write connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private record Task<T>(Work<T> work, CompletableFuture<T> done) {
        void run(Connection c, List<Runnable> completions) throws SQLException {
            T value = work.apply(c);
            completions.add(() -> done.complete(value));
        }
    }

    private static final Task<Void> STOP = new Task<>(c -> null, new CompletableFuture<>());

    private final ConnectionSource source;
    private final Dialect dialect;
    private final StoreHealth health;
    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Work<?> periodic;
    private final long periodMillis;
    private final Thread thread;
    private volatile boolean closed;
    // confined to the writer thread (and to close() after the thread has ended); null while disconnected
    private Connection connection;

    /**
     * Starts the writer on {@code initial} (opened again from {@code source} when the database drops it or a
     * failure makes it untrustworthy); {@code periodic} runs on it, in its own transaction, every {@code periodMillis}.
     */
    public Writer(Connection initial, ConnectionSource source, Dialect dialect, StoreHealth health, Work<?> periodic,
                  long periodMillis) throws SQLException {
        this.source = source;
        this.dialect = dialect;
        this.health = health;
        this.periodic = periodic;
        this.periodMillis = periodMillis;
        initial.setAutoCommit(false);
        this.connection = initial;
        this.thread = Thread.ofPlatform().name("store-writer").daemon(true).unstarted(this::loop);
        thread.start();
    }

    /** Queues {@code work}; the future completes once it is committed (or fails alone). */
    public <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new StoreUnavailableException("the store is closed", null));
            return done;
        }
        queue.add(new Task<>(work, done));
        return done;
    }

    private void loop() {
        long nextPeriodic = System.currentTimeMillis() + periodMillis;
        List<Task<?>> group = new ArrayList<>(MAX_GROUP);
        boolean stopping = false;
        while (!stopping) {
            try {
                Task<?> first = queue.poll(Math.max(1, nextPeriodic - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (System.currentTimeMillis() >= nextPeriodic) {
                    periodicNow();
                    nextPeriodic = System.currentTimeMillis() + periodMillis;
                }
                if (first == null) continue;
                group.add(first);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
                while (group.size() < MAX_GROUP) {
                    Task<?> next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) break;
                    group.add(next);
                }
            } catch (InterruptedException e) {
                stopping = true;
            }
            if (group.remove(STOP)) stopping = true;
            if (stopping) queue.drainTo(group);
            group.remove(STOP);
            commit(group);
            group.clear();
        }
    }

    private void commit(List<Task<?>> group) {
        if (group.isEmpty()) return;
        Connection c = connected();
        if (c == null) {
            failAll(group, new StoreUnavailableException("store unavailable: cannot connect", null));
            return;
        }
        List<Runnable> completions = new ArrayList<>(group.size());
        try {
            try {
                for (Task<?> task : group) task.run(c, completions);
            } catch (SQLException | RuntimeException e) {
                if (dialect.transactionLost(e) || !rolledBack(c, e)) throw e;
                completions.clear();
                runOneByOne(c, group, completions);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            lost(c, group, e);
            return;
        }
        health.succeeded();
        for (Runnable r : completions) r.run();
    }

    /**
     * The slow path after a failed write: each write under its own savepoint, so a failing one (a constraint)
     * fails alone. Throws when a write's failure may have taken the whole transaction with it.
     */
    private void runOneByOne(Connection c, List<Task<?>> group, List<Runnable> completions) throws SQLException {
        for (Task<?> task : group) {
            Savepoint savepoint = c.setSavepoint();
            try {
                task.run(c, completions);
                c.releaseSavepoint(savepoint);
            } catch (SQLException | RuntimeException e) {
                if (dialect.transactionLost(e)) throw e;
                c.rollback(savepoint);
                completions.add(() -> task.done().completeExceptionally(e));
            }
        }
    }

    /** Rolls back after a failed write; false when that failed too or the connection is no longer valid. */
    private boolean rolledBack(Connection c, Exception failure) {
        try {
            c.rollback();
            return c.isValid(VALID_CHECK_SECONDS);
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    /**
     * #10: an acknowledgment must mean "committed" and a failure "not committed". After a failed commit, or an
     * error after which the database may have rolled back the transaction on its own (a full disk), the
     * connection's idea of the transaction cannot be trusted: the whole group fails and the connection is
     * closed (the database rolls back what it still held); the next group opens a new one.
     */
    private void lost(Connection c, List<Task<?>> group, Exception e) {
        health.failed(e);
        drop(c);
        failAll(group, new StoreUnavailableException("store commit failed, none of its writes is stored: " + e.getMessage(), e));
    }

    private Connection connected() {
        if (connection != null) return connection;
        try {
            Connection c = source.open();
            c.setAutoCommit(false);
            connection = c;
            return c;
        } catch (SQLException e) {
            health.failed(e);
            return null;
        }
    }

    private void drop(Connection c) {
        connection = null;
        try {
            c.close();
        } catch (SQLException ignored) {
            // it is broken already
        }
    }

    private static void failAll(List<Task<?>> group, Throwable e) {
        for (Task<?> task : group) task.done().completeExceptionally(e);
    }

    private void periodicNow() {
        Connection c = connected();
        if (c == null) return;
        try {
            periodic.apply(c);
            c.commit();
            health.succeeded();
        } catch (SQLException | RuntimeException e) {
            System.getLogger("chat.store").log(System.Logger.Level.WARNING, "store maintenance failed: " + e.getMessage());
            health.failed(e);
            drop(c);
        }
    }

    /** Commits everything queued, stops the thread, then closes the connection. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) drop(connection);
    }
}
