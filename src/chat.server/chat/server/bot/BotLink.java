package chat.server.bot;

import chat.protocol.LineParser;
import chat.protocol.Numeric;
import chat.protocol.ParseResult;
import chat.server.spi.BotEvent;
import chat.server.state.Outbound;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the server's lines for a bot go: parsed into events and offered to the bot's bounded queue. Never
 * blocks the sender; when the bot falls behind, events are dropped (counted and logged), never anyone's
 * message to others.
 */
final class BotLink implements Outbound {

    private static final System.Logger LOG = System.getLogger("chat.server");
    /** Log a full queue at most this often. */
    private static final long DROP_LOG_MILLIS = 60_000;

    private final BotRunner runner;
    private final BlockingQueue<Runnable> queue;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastDropLog = new AtomicLong();
    private volatile boolean closed;

    BotLink(BotRunner runner, BlockingQueue<Runnable> queue, Clock clock) {
        this.runner = runner;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public boolean send(byte[] lines) {
        if (closed) return false;
        String text = new String(lines, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (line.isEmpty()) continue;
            if (LineParser.parse(line) instanceof ParseResult.Parsed parsed) {
                if (parsed.message().command().equals(Numeric.ERR_NICKNAMEINUSE.code())) runner.nickRefused();
                BotEvent event = BotEvents.from(parsed.message(), runner.nick(), clock.instant());
                if (event != null) offer(event);
            }
        }
        return true;
    }

    private void offer(BotEvent event) {
        if (queue.offer(() -> runner.deliver(event))) return;
        long n = dropped.incrementAndGet();
        long now = clock.millis();
        long last = lastDropLog.get();
        if (now - last >= DROP_LOG_MILLIS && lastDropLog.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, "bot " + runner.nick() + " is behind: " + n + " events dropped so far");
        }
    }

    /** Events dropped because the bot's queue was full. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void close(String reason) {
        if (closed) return;
        closed = true;
        runner.disconnected(reason);
    }
}
