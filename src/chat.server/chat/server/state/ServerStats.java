package chat.server.state;

import chat.monitor.ServerCounters;
import chat.server.spi.ServerMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Traffic counters the monitor, STATS and {@code /metrics} read; updated from every connection thread without
 * locks. Keys of the labelled counters come from fixed sets (transports, command verbs of the command table,
 * causes named in code), so a client cannot grow them.
 */
public final class ServerStats implements ServerCounters {

    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, AtomicInteger> byTransport = new ConcurrentHashMap<>();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder registrations = new LongAdder();
    private final Map<String, LongAdder> disconnects = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final List<ServerMetrics.LatencyObserver> observers = new CopyOnWriteArrayList<>();

    public void connected(String transport) {
        connections.incrementAndGet();
        byTransport.computeIfAbsent(transport, t -> new AtomicInteger()).incrementAndGet();
    }

    public void disconnected(String transport) {
        connections.decrementAndGet();
        byTransport.computeIfAbsent(transport, t -> new AtomicInteger()).decrementAndGet();
    }

    public void received() {
        messagesIn.increment();
    }

    public void sent(int lines) {
        messagesOut.add(lines);
    }

    public void registered() {
        registrations.increment();
    }

    /** The server dropped a client for {@code cause} ({@code sendq}, {@code flood}...). */
    public void dropped(String cause) {
        disconnects.computeIfAbsent(cause, c -> new LongAdder()).increment();
    }

    /** Admission turned a connection away for {@code reason}. */
    public void refused(String reason) {
        refusals.computeIfAbsent(reason.toLowerCase(Locale.ROOT), r -> new LongAdder()).increment();
    }

    /** A command of the command table was handled. */
    public void command(String verb) {
        commands.computeIfAbsent(verb, v -> new LongAdder()).increment();
    }

    public void latency(ServerMetrics.Latency what, long nanos) {
        for (ServerMetrics.LatencyObserver o : observers) o.observed(what, nanos);
    }

    public void observeLatencies(ServerMetrics.LatencyObserver observer) {
        observers.add(observer);
    }

    @Override
    public int connections() {
        return connections.get();
    }

    public Map<String, Integer> connectionsByTransport() {
        Map<String, Integer> out = new TreeMap<>();
        byTransport.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public long messagesIn() {
        return messagesIn.sum();
    }

    @Override
    public long messagesOut() {
        return messagesOut.sum();
    }

    public long registrations() {
        return registrations.sum();
    }

    public Map<String, Long> disconnects() {
        return sums(disconnects);
    }

    public Map<String, Long> refusals() {
        return sums(refusals);
    }

    public Map<String, Long> commands() {
        return sums(commands);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public long virtualThreads() {
        // #2: each connection has its reader thread (its writer thread exists only while it has lines to send).
        return connections.get();
    }
}
