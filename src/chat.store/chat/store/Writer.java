package chat.store;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The store's single writer: one platform thread that owns the write connection and commits queued writes
 * in groups, at most {@link #MAX_GROUP} writes or {@link #LINGER_MILLIS} after the first of a group, in one
 * transaction. Each write runs under its own savepoint, so a failing one (a constraint) fails alone. Futures
 * complete after the commit, on this thread. Callers never wait: {@link #submit} only queues.
 *
 * <p>#10: an acknowledgment must mean "committed" and a failure "not committed". When the disk is full (or
 * another error after which SQLite may have rolled back the whole transaction on its own), the connection's
 * idea of the transaction can no longer be trusted: a savepoint may then start a transaction of its own and
 * its release commit it. So after any such error, and after any failed commit, the whole group fails, the
 * connection is closed (SQLite rolls back what it held) and a new one opened for the next group.
 */
final class Writer implements AutoCloseable {

    /** Writes committed together at most. */
    static final int MAX_GROUP = 1024;
    /** How long the first write of a group waits for company before the commit. */
    static final long LINGER_MILLIS = 2;

    private static final System.Logger LOG = System.getLogger("chat.store");

    /** One unit of work on the write connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private record Task<T>(Work<T> work, CompletableFuture<T> done) {
        void run(Connection c, List<Runnable> completions) throws SQLException {
            T value = work.apply(c);
            completions.add(() -> done.complete(value));
        }
    }

    private static final Task<Void> STOP = new Task<>(c -> null, new CompletableFuture<>());

    /** Opens a new write connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** SQLite's primary result codes after which the whole transaction may be gone. */
    private static final Set<Integer> TRANSACTION_LOST = Set.of(5 /* BUSY */, 7 /* NOMEM */, 8 /* READONLY */,
            10 /* IOERR */, 11 /* CORRUPT */, 13 /* FULL */, 14 /* CANTOPEN */, 26 /* NOTADB */);

    private final Opener opener;
    // confined to the writer thread (and to close() once it has ended); null after a failed reopen
    private Connection connection;
    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Work<?> periodic;
    private final long periodMillis;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts the writer on {@code connection} ({@code opener} makes a new one after a failure); {@code periodic}
     * runs on it (in its own transaction) every {@code periodMillis}.
     */
    Writer(Connection connection, Opener opener, Work<?> periodic, long periodMillis) throws SQLException {
        this.connection = connection;
        this.opener = opener;
        this.periodic = periodic;
        this.periodMillis = periodMillis;
        connection.setAutoCommit(false);
        this.thread = Thread.ofPlatform().name("store-writer").daemon(true).unstarted(this::loop);
        thread.start();
    }

    /** Queues {@code work}; the future completes once it is committed (or fails alone). */
    <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("the store is closed"));
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
        List<Runnable> completions = new ArrayList<>(group.size());
        try {
            Connection c = connected();
            for (Task<?> task : group) {
                Savepoint savepoint = c.setSavepoint();
                try {
                    task.run(c, completions);
                    c.releaseSavepoint(savepoint);
                } catch (SQLException | RuntimeException e) {
                    if (transactionLost(e)) throw e;
                    c.rollback(savepoint);
                    completions.add(() -> task.done().completeExceptionally(e));
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.ERROR, "store commit of " + group.size() + " writes failed, none is stored: " + e.getMessage());
            reset(e);
            for (Task<?> task : group) task.done().completeExceptionally(e);
            return;
        }
        for (Runnable r : completions) r.run();
    }

    private static boolean transactionLost(Exception e) {
        return e instanceof SQLException sql && TRANSACTION_LOST.contains(sql.getErrorCode() & 0xFF);
    }

    /** The write connection, opened again if a failure closed it. */
    private Connection connected() throws SQLException {
        if (connection == null) {
            Connection c = opener.open();
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    /** After a failure: the connection is closed, so that SQLite rolls back whatever it still held. */
    private void reset(Exception cause) {
        Connection c = connection;
        connection = null;
        if (c == null) return;
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void periodicNow() {
        try {
            Connection c = connected();
            periodic.apply(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "store maintenance failed: " + e.getMessage());
            reset(e);
        }
    }

    /** The write connection, for closing it once the thread has ended; null when a failure left none open. */
    Connection connection() {
        return connection;
    }

    /** Commits everything queued, then stops the thread. */
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
    }
}
