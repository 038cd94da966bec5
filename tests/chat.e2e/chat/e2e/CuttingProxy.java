package chat.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on a free loopback port between chat nodes and their Redis, which a test can break as a network
 * would: {@link #cut} lets every open connection's commands through to Redis but swallows Redis's replies until
 * at least one reply to an {@code XADD} was swallowed, then closes those connections. Redis has then appended
 * entries whose confirmation the node never read. New connections work normally.
 */
final class CuttingProxy implements AutoCloseable {

    /** An {@code XADD}'s reply: the new entry's id as a bulk string. */
    private static final Pattern ENTRY_ID = Pattern.compile("\\$\\d+\r\n\\d+-\\d+\r\n");

    private final ServerSocket server;
    private final int target;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition swallowing = lock.newCondition();
    // guarded by lock
    private final List<Pipe> open = new ArrayList<>();
    // guarded by lock: XADD replies swallowed by the cut under way
    private int swallowedEntries;

    private CuttingProxy(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    /** A proxy to 127.0.0.1:{@code port}, accepting on its own virtual thread until closed. */
    static CuttingProxy to(int port) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            CuttingProxy proxy = new CuttingProxy(server, port);
            Thread.ofVirtual().name("cutting-proxy").start(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL {@code --cluster} takes to go through this proxy. */
    String url() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                Pipe pipe = new Pipe(client, upstream);
                lock.lock();
                try {
                    open.add(pipe);
                } finally {
                    lock.unlock();
                }
                pipe.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * Breaks every connection open now: their commands still reach Redis, their replies are swallowed until at
     * least one {@code XADD} was carried out unconfirmed (at most {@code wait}), then they are closed. Returns how
     * many {@code XADD} replies were swallowed.
     */
    int cut(Duration wait) {
        int swallowed = swallow(wait);
        closeSwallowing();
        return swallowed;
    }

    /**
     * Starts swallowing Redis's replies on every connection open now (their commands still reach Redis) and
     * returns once at least one {@code XADD} was carried out unconfirmed (at most {@code wait}), with how many
     * so far; they stay open, swallowing, until {@link #closeSwallowing} (or Redis closes them).
     */
    int swallow(Duration wait) {
        lock.lock();
        try {
            swallowedEntries = 0;
            for (Pipe p : open) p.swallow = true;
            long left = wait.toNanos();
            while (swallowedEntries == 0 && left > 0) left = swallowing.awaitNanos(left);
            return swallowedEntries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return swallowedEntries;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connections that swallow Redis's replies. */
    void closeSwallowing() {
        List<Pipe> cutting = new ArrayList<>();
        lock.lock();
        try {
            for (Pipe p : open) if (p.swallow) cutting.add(p);
        } finally {
            lock.unlock();
        }
        for (Pipe p : cutting) p.close();
    }

    private void swallowed(byte[] bytes, int length) {
        Matcher m = ENTRY_ID.matcher(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
        int entries = 0;
        while (m.find()) entries++;
        if (entries == 0) return;
        lock.lock();
        try {
            swallowedEntries += entries;
            swallowing.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        lock.lock();
        try {
            for (Pipe p : open) p.close();
            open.clear();
        } finally {
            lock.unlock();
        }
    }

    /** One node connection and its Redis connection, copied both ways on two virtual threads. */
    private final class Pipe {

        private final Socket client;
        private final Socket upstream;
        // Set once the connection has sent an XADD: only then are swallowed replies counted as entries.
        private volatile boolean writes;
        private volatile boolean swallow;

        Pipe(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            Thread.ofVirtual().name("cutting-proxy-up").start(this::commands);
            Thread.ofVirtual().name("cutting-proxy-down").start(this::replies);
        }

        private void commands() {
            byte[] buffer = new byte[16384];
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (!writes && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains("XADD")) writes = true;
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side closed
            } finally {
                close();
            }
        }

        private void replies() {
            byte[] buffer = new byte[16384];
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (swallow) {
                        if (writes) swallowed(buffer, n);
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side closed
            } finally {
                close();
            }
        }

        void close() {
            try {
                client.close();
                upstream.close();
            } catch (IOException e) {
                // closing anyway
            }
            lock.lock();
            try {
                open.remove(this);
            } finally {
                lock.unlock();
            }
        }
    }
}
