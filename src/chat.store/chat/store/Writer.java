package chat.store;

import java.lang.System.Logger.Level;
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
 * transaction. Each write runs under its own savepoint, so a failing one fails alone. Futures complete after
 * the commit, on this thread. Callers never wait: {@link #submit} only queues.
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

    private final Connection connection;
    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Runnable periodic;
    private final long periodMillis;
    private final Thread thread;
    private volatile boolean closed;

    /** Starts the writer; {@code periodic} runs on it (in its own transaction) every {@code periodMillis}. */
    Writer(Connection connection, Runnable periodic, long periodMillis) throws SQLException {
        this.connection = connection;
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
            for (Task<?> task : group) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    task.run(connection, completions);
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException | RuntimeException e) {
                    connection.rollback(savepoint);
                    completions.add(() -> task.done().completeExceptionally(e));
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.ERROR, "store commit of " + group.size() + " writes failed", e);
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            for (Task<?> task : group) task.done().completeExceptionally(e);
            return;
        }
        for (Runnable r : completions) r.run();
    }

    private void periodicNow() {
        try {
            periodic.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "store maintenance failed: " + e.getMessage());
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the next group's commit reports a broken connection
            }
        }
    }

    /** The write connection, for work already running on this thread (the periodic task). */
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
