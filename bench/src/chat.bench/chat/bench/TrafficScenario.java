package chat.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code fanout} and {@code direct}: registered clients send numbered, time-stamped PRIVMSGs and every
 * receiver checks each sender's stream (lost, duplicated, out of order) and records the latency.
 *
 * <p>In {@code fanout} the members join #bench and the last {@code senders} members talk to it; in
 * {@code direct} the clients form pairs that message each other by nickname. At max rate a sender keeps
 * at most {@code window} messages that its acknowledging receiver has not yet received (in fanout member
 * #0, who never sends; in direct the partner): servers do not echo, so one receiver's view is the ack. At a
 * fixed rate the senders take turns on a fixed schedule, whatever arrives.
 *
 * <p>Phases: register, join, warm-up, measure (ends at its time or message limit), drain (senders stop,
 * the last deliveries arrive or the drain time runs out). Only the measure phase's deliveries, CPU and
 * latencies (of messages sent in it) are reported; the stream checks cover every message.
 */
final class TrafficScenario {

    /** The channel every server's members join (chat's #lobby is turned off by the bench's flags). */
    private static final String CHANNEL = "#bench";
    /** First size of the buffer a sender's messages are written into; it grows for larger windows. */
    private static final int SCRATCH_BYTES = 64 * 1024;

    private enum Phase { SETUP, WARMUP, MEASURE, DRAIN }

    private final Options o;
    private final Proc server;
    private final Proc self;
    private final boolean fanout;
    private final boolean maxRate;
    private final List<Client> clients = new ArrayList<>();
    private final int senderCount;
    private final int[] senderClient;
    private final int[] ackerClient;
    private final byte[][] prefix;
    private final byte[] suffix = Irc.ascii(" " + Payload.PADDING + "\r\n");
    private final long[] sent;
    private final long[] acked;
    private final boolean[] dirty;
    private final int[] dirtyList;
    private int dirtyCount;
    /** Per (receiver, sender): highest sequence number seen, -1 before any. */
    private final long[] highest;
    /** Per (receiver, sender): distinct messages received. */
    private final long[] received;
    private final Payload payload = new Payload();
    private final Histogram latency = new Histogram();
    private byte[] scratch;
    private Phase phase = Phase.SETUP;
    private long deliveries;
    private long measuredDeliveries;
    private long measuredSent;
    private long measureStart;
    private long duplicates;
    private long outOfOrder;
    private int disconnected;
    private String firstDisconnect;
    private int joined;
    private long rateStart;
    private long rateSent;
    private int nextSender;

    TrafficScenario(Options o, Proc server, Proc self) {
        this.o = o;
        this.server = server;
        this.self = self;
        this.fanout = o.scenario().equals("fanout");
        this.maxRate = !fanout || o.mode().equals("max");
        int n = fanout ? o.members() : 2 * o.pairs();
        senderCount = fanout ? o.senders() : n;
        // #13: with a WebSocket port, the members that only receive (the acker #0 among them) use WebSocket, with
        // permessage-deflate when asked, as browsers do.
        for (int i = 0; i < n; i++) {
            boolean webSocket = o.webSocketPort() > 0 && i < n - senderCount;
            clients.add(new Client(i, "b" + i, webSocket, webSocket && o.webSocketDeflate()));
        }
        senderClient = new int[senderCount];
        ackerClient = new int[senderCount];
        prefix = new byte[senderCount][];
        for (int s = 0; s < senderCount; s++) {
            senderClient[s] = fanout ? n - senderCount + s : s;
            ackerClient[s] = fanout ? 0 : s ^ 1;
            String target = fanout ? CHANNEL : clients.get(s ^ 1).nick;
            prefix[s] = Irc.ascii("PRIVMSG " + target + " :" + s + " ");
        }
        sent = new long[senderCount];
        acked = new long[senderCount];
        dirty = new boolean[senderCount];
        dirtyList = new int[senderCount];
        highest = new long[n * senderCount];
        Arrays.fill(highest, -1);
        received = new long[n * senderCount];
        scratch = new byte[SCRATCH_BYTES];
    }

    /** #12: more warm-up, a slice at a time, while the server's JIT compilers are busy, up to the maximum. */
    private void warmUntilCompiled(EventLoop loop, long maxWait, Runnable round, long warmupStart) throws IOException {
        long max = warmupStart + (long) (o.warmupMaxSeconds() * 1e9);
        long slice = (long) (Warmup.SLICE_SECONDS * 1e9);
        long[] before = server.compilerNanos();
        long sliceStart = System.nanoTime();
        while (System.nanoTime() + slice <= max) {
            loop.runUntil(() -> false, EventLoop.deadline(Warmup.SLICE_SECONDS), maxWait, round);
            long[] after = server.compilerNanos();
            long now = System.nanoTime();
            if (Warmup.quiet(before, after, now - sliceStart)) return;
            before = after;
            sliceStart = now;
        }
    }

    /** Whether client {@code r} gets the messages of sender {@code s}. */
    private boolean receives(int r, int s) {
        return fanout ? r != senderClient[s] : r == ackerClient[s];
    }

    Result run() throws IOException {
        Result r = o.header();
        if (fanout) {
            r.put("members", o.members()).put("senders", o.senders());
            if (o.webSocketPort() > 0) {
                r.put("members_on", o.webSocketDeflate() ? "websocket-deflate" : "websocket").put("senders_on", "tcp");
            }
            if (maxRate) r.put("window", o.window()); else r.put("rate", o.rate(), 0);
        } else {
            r.put("pairs", o.pairs()).put("window", o.window());
        }
        try (EventLoop loop = new EventLoop(o.quickAck())) {
            Connector connector = new Connector(loop, o.addresses(), o.webSocketAddress(), clients, o.concurrency());
            new Irc(loop, new Events(loop, connector));
            connector.start();
            if (!loop.runUntil(connector::finished, EventLoop.deadline(o.phaseLimitSeconds()), 50, null)
                    || connector.failed > 0) {
                return r.put("error", "registration failed: " + connector.completed + " of " + clients.size()
                        + " registered; first failure: " + connector.firstFailure);
            }
            if (fanout) {
                byte[] join = Irc.ascii("JOIN " + CHANNEL + "\r\n");
                for (Client c : clients) loop.send(c, join);
                if (!loop.runUntil(() -> joined == clients.size() || disconnected > 0,
                        EventLoop.deadline(o.phaseLimitSeconds()), 50, null) || disconnected > 0) {
                    return r.put("error", "join failed: " + joined + " of " + clients.size() + " joined; " + firstDisconnect);
                }
            }
            long maxWait = maxRate ? 50 : 1;
            Runnable round = () -> round(loop);

            phase = Phase.WARMUP;
            startSending(loop);
            long warmupStart = System.nanoTime();
            loop.runUntil(() -> false, EventLoop.deadline(o.warmupSeconds()), maxWait, round);
            warmUntilCompiled(loop, maxWait, round, warmupStart);
            r.put("warmup_s", (System.nanoTime() - warmupStart) / 1e9, 1);

            phase = Phase.MEASURE;
            latency.reset();
            measureStart = Payload.now();
            long t0 = System.nanoTime();
            long cpu0 = server.cpuNanos();
            long gen0 = self.cpuNanos();
            long busy0 = self.machineBusyNanos();
            Proc.Sched sched0 = server.sched();
            loop.runUntil(() -> measuredSent >= o.maxMessages(), EventLoop.deadline(o.seconds()), maxWait, round);
            long t1 = System.nanoTime();
            long cpu1 = server.cpuNanos();
            long gen1 = self.cpuNanos();
            long busy1 = self.machineBusyNanos();
            Proc.Sched sched = server.sched().minus(sched0);
            long measured = measuredDeliveries;
            long messages = measuredSent;

            phase = Phase.DRAIN;
            long expected = expectedDeliveries();
            loop.runUntil(() -> deliveries >= expected, EventLoop.deadline(o.drainSeconds()), 50, null);

            double seconds = (t1 - t0) / 1e9;
            long lost = 0;
            int lossySenders = 0;
            for (int s = 0; s < senderCount; s++) {
                long senderLost = 0;
                for (int c = 0; c < clients.size(); c++) {
                    if (receives(c, s)) senderLost += sent[s] - received[c * senderCount + s];
                }
                lost += senderLost;
                if (senderLost != 0) lossySenders++;
            }
            r.put("seconds", seconds, 2)
                    .put("messages", messages)
                    .put("messages_per_s", messages / seconds, 0)
                    .put("deliveries", measured)
                    .put("deliveries_per_s", measured / seconds, 0)
                    .put("p50_ms", latency.percentile(50) / 1e6, 3)
                    .put("p99_ms", latency.percentile(99) / 1e6, 3)
                    .put("p999_ms", latency.percentile(99.9) / 1e6, 3)
                    .put("max_ms", latency.max() / 1e6, 3)
                    .put("lost", lost)
                    .put("dup", duplicates)
                    .put("ooo", outOfOrder)
                    .put("lossy_senders", lossySenders)
                    .put("disconnected", disconnected)
                    .put("server_cpu_pct", (cpu1 - cpu0) / 1e7 / seconds, 1)
                    .put("server_cpu_us_per_delivery", measured == 0 ? 0 : (cpu1 - cpu0) / 1e3 / measured, 3)
                    .put("gen_cpu_pct", (gen1 - gen0) / 1e7 / seconds, 1)
                    .put("gen_cpu_us_per_delivery", measured == 0 ? 0 : (gen1 - gen0) / 1e3 / measured, 3)
                    .put("other_cpu_pct", Math.max(0, (busy1 - busy0) - (cpu1 - cpu0) - (gen1 - gen0)) / 1e7 / seconds, 1)
                    // #17: how often the server's threads were put on a CPU per message, and how long they waited
                    // for one (summed over threads, as a share of one core): on two cores shared with the generator,
                    // each wake-up on a message's path waits for a CPU, and the waits add up in the latency.
                    .put("server_slices_per_msg", messages == 0 ? 0 : (double) sched.slices() / messages, 2)
                    .put("server_runq_wait_pct", sched.waitNanos() / 1e7 / seconds, 1)
                    .put("server_runq_us_per_slice", sched.slices() == 0 ? 0 : sched.waitNanos() / 1e3 / sched.slices(), 1)
                    .put("rss_kib", server.rssKib());
            if (o.webSocketDeflate()) deflateFigures(r);
            if (firstDisconnect != null) r.put("first_disconnect", firstDisconnect);
        }
        return r;
    }

    /**
     * #13: what permessage-deflate did to the members' messages over the whole run: how many times smaller they
     * came, and whether the server kept its compression context between messages (as negotiated).
     */
    private void deflateFigures(Result r) {
        long compressed = 0;
        long inflated = 0;
        long messages = 0;
        long uncompressed = 0;
        String context = "-";
        for (Client c : clients) {
            if (c.inflater == null) continue;
            compressed += c.inflater.compressedBytes();
            inflated += c.inflater.inflatedBytes();
            messages += c.inflater.messages();
            uncompressed += c.inflater.uncompressedMessages();
            context = c.inflater.serverNoContextTakeover() ? "reset" : "takeover";
        }
        r.put("deflate_ratio", compressed == 0 ? 0 : (double) inflated / compressed, 2).put("deflate_context", context)
                .put("deflate_uncompressed_pct", messages == 0 ? 0 : 100.0 * uncompressed / messages, 1);
    }

    private long expectedDeliveries() {
        long total = 0;
        for (int s = 0; s < senderCount; s++) total += sent[s] * (fanout ? clients.size() - 1 : 1);
        return total;
    }

    private boolean sending() {
        return phase == Phase.WARMUP || phase == Phase.MEASURE;
    }

    private void startSending(EventLoop loop) {
        if (maxRate) {
            for (int s = 0; s < senderCount; s++) topUp(loop, s);
        } else {
            rateStart = System.nanoTime();
        }
    }

    /** After each wake-up of the loop: refill the windows that acks opened, or send what the schedule says is due. */
    private void round(EventLoop loop) {
        if (!sending()) return;
        if (maxRate) {
            for (int i = 0; i < dirtyCount; i++) {
                int s = dirtyList[i];
                dirty[s] = false;
                topUp(loop, s);
            }
            dirtyCount = 0;
        } else {
            long due = (long) ((System.nanoTime() - rateStart) * o.rate() / 1e9) - rateSent;
            for (long i = 0; i < due; i++) {
                int s = nextSender;
                nextSender = (nextSender + 1) % senderCount;
                rateSent++;
                write(loop, s, 1);
            }
        }
    }

    private void topUp(EventLoop loop, int s) {
        long room = o.window() - (sent[s] - acked[s]);
        if (room > 0) write(loop, s, (int) room);
    }

    /** Sends {@code count} messages of sender {@code s} in one write. */
    private void write(EventLoop loop, int s, int count) {
        Client c = clients.get(senderClient[s]);
        if (c.closed) return;
        byte[] head = prefix[s];
        int need = count * (head.length + suffix.length + 40);
        if (scratch.length < need) scratch = new byte[need];
        byte[] b = scratch;
        int n = 0;
        long now = Payload.now();
        for (int i = 0; i < count; i++) {
            System.arraycopy(head, 0, b, n, head.length);
            n += head.length;
            n = Payload.putLong(b, n, sent[s]++);
            b[n++] = ' ';
            n = Payload.putLong(b, n, now);
            System.arraycopy(suffix, 0, b, n, suffix.length);
            n += suffix.length;
        }
        if (phase == Phase.MEASURE) measuredSent += count;
        loop.send(c, b, 0, n);
    }

    private void receive(EventLoop loop, Client c, byte[] a, int start, int end) {
        if (!payload.read(a, start, end)) return;
        int s = payload.sender;
        if (s < 0 || s >= senderCount) return;
        long now = loop.readNanos();
        deliveries++;
        if (phase == Phase.MEASURE) measuredDeliveries++;
        if (payload.sentNanos >= measureStart && phase != Phase.WARMUP) latency.record(now - payload.sentNanos);
        int k = c.index * senderCount + s;
        long seq = payload.seq;
        long top = highest[k];
        if (seq > top) {
            highest[k] = seq;
            received[k]++;
        } else if (seq == top) {
            duplicates++;
        } else {
            outOfOrder++;
            received[k]++;
        }
        if (c.index == ackerClient[s] && seq + 1 > acked[s]) {
            acked[s] = seq + 1;
            if (maxRate && !dirty[s]) {
                dirty[s] = true;
                dirtyList[dirtyCount++] = s;
            }
        }
    }

    private final class Events implements Irc.Events {
        private final EventLoop loop;
        private final Connector connector;

        Events(EventLoop loop, Connector connector) {
            this.loop = loop;
            this.connector = connector;
        }

        @Override
        public void registered(Client c) {
            connector.registered(c);
        }

        @Override
        public void joined(Client c) {
            joined++;
        }

        @Override
        public void message(Client c, byte[] buf, int start, int end) {
            receive(loop, c, buf, start, end);
        }

        @Override
        public void closed(Client c, String reason) {
            connector.closed(c, reason);
            if (c.registered) {
                disconnected++;
                if (firstDisconnect == null) firstDisconnect = c.nick + ": " + reason;
            }
        }
    }
}
