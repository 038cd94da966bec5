package chat.server.state;

import chat.monitor.ServerCounters;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Traffic counters the monitor reads; updated from every connection thread without locks. */
public final class ServerStats implements ServerCounters {

    private final AtomicInteger connections = new AtomicInteger();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();

    public void connected() {
        connections.incrementAndGet();
    }

    public void disconnected() {
        connections.decrementAndGet();
    }

    public void received() {
        messagesIn.increment();
    }

    public void sent(int lines) {
        messagesOut.add(lines);
    }

    @Override
    public int connections() {
        return connections.get();
    }

    @Override
    public long messagesIn() {
        return messagesIn.sum();
    }

    @Override
    public long messagesOut() {
        return messagesOut.sum();
    }

    @Override
    public long virtualThreads() {
        // #2: each connection has its reader thread (its writer thread exists only while it has lines to send).
        return connections.get();
    }
}
