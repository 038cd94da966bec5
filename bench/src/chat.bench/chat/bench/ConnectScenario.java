package chat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code connect}: N clients register at a given concurrency, then stay idle. Measures registrations per
 * second, the time until all are registered, the server's resident memory per idle client above the empty
 * server's, and the server's CPU while they idle. An optional warm-up round of clients registers and
 * leaves first, so that a JIT-compiled server is measured warm, as it would be in service; up to
 * {@link #MAX_WARMUP_ROUNDS} rounds while the server's JIT compilers stay busy ({@link Warmup}).
 *
 * <p>{@code connect-autojoin} ({@code --autojoin #lobby}): the server joins every client to that channel on
 * registration and tells every member of each JOIN; a client is done (and makes room for the next) only at
 * the channel's end of NAMES (366), while every client keeps reading the other members' JOINs. The time is
 * then the first connect to the last 366, and the server's peak memory is reported too.
 */
final class ConnectScenario {

    private static final int SHUTDOWN_LIMIT_SECONDS = 60;
    /** Most warm-up rounds: the first, and more while the server's JIT compilers stay busy ({@link Warmup}). */
    static final int MAX_WARMUP_ROUNDS = 4;

    private final Options o;
    private final Proc server;
    private final Proc self;

    ConnectScenario(Options o, Proc server, Proc self) {
        this.o = o;
        this.server = server;
        this.self = self;
    }

    Result run() throws IOException {
        InetSocketAddress address = o.address();
        Result r = o.header();
        r.put("clients", o.clients()).put("concurrency", o.concurrency());
        if (o.warmupClients() > 0) {
            int rounds = 0;
            long[] before = server.compilerNanos();
            long start = System.nanoTime();
            while (true) {
                try (EventLoop loop = new EventLoop()) {
                    Round warm = round(loop, address, "w" + (char) ('a' + rounds), o.warmupClients());
                    loop.runUntil(warm.connector::finished, EventLoop.deadline(o.phaseLimitSeconds()), 50, null);
                }
                rounds++;
                // Let the server take the warm-up clients' quits (before the next round, or the empty server's RSS).
                sleep(o.settleSeconds());
                long[] after = server.compilerNanos();
                long now = System.nanoTime();
                // #17: more rounds while the server's JIT still compiles (the same rule as the traffic scenarios').
                if (rounds >= MAX_WARMUP_ROUNDS || Warmup.quiet(before, after, now - start)) break;
                before = after;
                start = now;
            }
            r.put("warmup_rounds", rounds);
        }
        long emptyRss = server.rssKib();
        try (EventLoop loop = new EventLoop()) {
            long cpu0 = server.cpuNanos();
            long gen0 = self.cpuNanos();
            long busy0 = self.machineBusyNanos();
            // #17: scripts/connect-profile.sh profiles exactly the measured round between these two lines.
            System.err.println("chat.bench: connect: measured round starts");
            Round main = round(loop, address, "c", o.clients());
            boolean all = loop.runUntil(main.connector::finished, EventLoop.deadline(o.phaseLimitSeconds()), 50, null);
            System.err.println("chat.bench: connect: measured round ends");
            long end = all ? main.connector.lastCompletedNanos : System.nanoTime();
            double seconds = (end - main.connector.firstStartNanos) / 1e9;
            long cpu1 = server.cpuNanos();
            long gen1 = self.cpuNanos();
            long busy1 = self.machineBusyNanos();
            int registered = 0;
            Histogram each = new Histogram();
            Histogram joins = new Histogram();
            for (Client c : main.clients) {
                if (c.registered) {
                    registered++;
                    each.record(c.registeredNanos - c.startedNanos);
                }
                if (c.joined) joins.record(c.joinedNanos - c.startedNanos);
            }
            r.put("registered", registered);
            if (autojoin()) {
                r.put("joined", main.connector.completed)
                        .put("join_p50_ms", joins.percentile(50) / 1e6, 2)
                        .put("join_p99_ms", joins.percentile(99) / 1e6, 2);
            }
            r.put("time_s", seconds, 3)
                    .put("registrations_per_s", registered / seconds, 0)
                    .put("reg_p50_ms", each.percentile(50) / 1e6, 2)
                    .put("reg_p99_ms", each.percentile(99) / 1e6, 2)
                    .put("reg_max_ms", each.max() / 1e6, 2)
                    .put("server_cpu_us_per_registration", registered == 0 ? 0 : (cpu1 - cpu0) / 1e3 / registered, 1)
                    .put("gen_cpu_us_per_registration", registered == 0 ? 0 : (gen1 - gen0) / 1e3 / registered, 1)
                    .put("other_cpu_pct", Math.max(0, (busy1 - busy0) - (cpu1 - cpu0) - (gen1 - gen0)) / 1e7 / seconds, 1);

            loop.idle(TimeUnit.MILLISECONDS.toNanos((long) (o.settleSeconds() * 1000)));
            long rss = server.rssKib();
            long idle0 = server.cpuNanos();
            long idleBusy0 = self.machineBusyNanos();
            long t0 = System.nanoTime();
            loop.idle(TimeUnit.MILLISECONDS.toNanos((long) (o.idleSeconds() * 1000)));
            long idle1 = server.cpuNanos();
            long idleBusy1 = self.machineBusyNanos();
            double idleSeconds = (System.nanoTime() - t0) / 1e9;
            int alive = 0;
            for (Client c : main.clients) {
                if (c.done && !c.closed) alive++;
            }
            r.put("lost", o.clients() - alive)
                    .put("rss_empty_kib", emptyRss)
                    .put("rss_kib", rss)
                    .put("rss_peak_kib", server.peakRssKib())
                    .put("rss_per_client_kib", registered == 0 ? 0 : (double) (rss - emptyRss) / registered, 2)
                    .put("idle_cpu_pct", (idle1 - idle0) / 1e7 / idleSeconds, 2)
                    .put("idle_other_cpu_pct", Math.max(0, (idleBusy1 - idleBusy0) - (idle1 - idle0)) / 1e7 / idleSeconds, 1);
            if (main.connector.firstFailure != null) r.put("first_failure", main.connector.firstFailure);
            if (autojoin() && server.present()) shutdown(loop, main.clients, r);
        }
        return r;
    }

    /**
     * #17: stops the server (SIGTERM) with every client still on the one channel, and times it until every
     * client's connection is closed and until the process has exited.
     */
    private void shutdown(EventLoop loop, List<Client> clients, Result r) throws IOException {
        long t0 = System.nanoTime();
        var exited = server.terminate();
        boolean allClosed = loop.runUntil(() -> clients.stream().allMatch(c -> c.closed),
                EventLoop.deadline(SHUTDOWN_LIMIT_SECONDS), 50, null);
        long closed = System.nanoTime();
        try {
            exited.get(SHUTDOWN_LIMIT_SECONDS, TimeUnit.SECONDS);
            r.put("shutdown_s", (System.nanoTime() - t0) / 1e9, 3);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            r.put("shutdown_s", "over_" + SHUTDOWN_LIMIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (allClosed) r.put("shutdown_clients_closed_s", (closed - t0) / 1e9, 3);
        else r.put("shutdown_clients_closed_s", "over_" + SHUTDOWN_LIMIT_SECONDS);
    }

    private record Round(List<Client> clients, Connector connector) {
    }

    private Round round(EventLoop loop, InetSocketAddress address, String prefix, int count) {
        List<Client> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) clients.add(new Client(i, prefix + i));
        Connector connector = new Connector(loop, address, clients, o.concurrency());
        new Irc(loop, new Irc.Events() {
            @Override
            public void registered(Client c) {
                if (!autojoin()) connector.registered(c);
            }

            @Override
            public void joined(Client c) {
                c.joinedNanos = System.nanoTime();
                if (autojoin()) connector.done(c, c.joinedNanos);
            }

            @Override
            public void message(Client c, byte[] buf, int start, int end) {
            }

            @Override
            public void closed(Client c, String reason) {
                connector.closed(c, reason);
            }
        }, autojoin() ? o.autojoin() : null);
        connector.start();
        return new Round(clients, connector);
    }

    private boolean autojoin() {
        return !o.autojoin().isEmpty();
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
