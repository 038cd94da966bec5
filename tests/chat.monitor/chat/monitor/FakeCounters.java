package chat.monitor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Server counters a test sets by hand. */
final class FakeCounters implements ServerCounters {

    final AtomicInteger connections = new AtomicInteger();
    final AtomicLong messagesIn = new AtomicLong();
    final AtomicLong messagesOut = new AtomicLong();
    final AtomicLong virtualThreads = new AtomicLong(-1);

    @Override
    public int connections() {
        return connections.get();
    }

    @Override
    public long messagesIn() {
        return messagesIn.get();
    }

    @Override
    public long messagesOut() {
        return messagesOut.get();
    }

    @Override
    public long virtualThreads() {
        return virtualThreads.get();
    }
}
