package chat.server.service;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Unique message IDs (IRCv3 msgid): a random prefix for this server run, then a counter. */
public final class MessageIds {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public MessageIds() {
        this.prefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    /** The next ID; never repeats within this run, and a restart starts another prefix. */
    public String next() {
        return prefix + "-" + Long.toString(counter.incrementAndGet(), 36);
    }
}
