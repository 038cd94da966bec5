package chat.server.net;

import chat.protocol.LineParser;
import chat.server.spi.InboundLink;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reader side of a connection whose transport pushes whole lines (a WebSocket): lines are queued as they
 * arrive, without blocking the transport, and handed to the connection on its own reader virtual thread, where
 * flood control may hold them back. What waits counts as pending input for the flood check; a client that piles
 * up more than the receive limit is cut off, as a TCP client sending an endless line is.
 */
final class PushedLines implements InboundLink {

    private static final byte[] END = new byte[0];

    private final Connection connection;
    private final LinkedBlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile String closedReason;

    PushedLines(Connection connection) {
        this.connection = connection;
        connection.pendingInput(queuedBytes::get);
    }

    @Override
    public void received(byte[] line) {
        if (closedReason != null) return;
        if (queuedBytes.addAndGet(line.length) > connection.receiveQueueBytes()) {
            lines.clear();
            connection.receiveQueueExceeded();
            return;
        }
        lines.add(line);
    }

    @Override
    public void closed(String reason) {
        if (closedReason != null) return;
        closedReason = reason;
        lines.add(END);
    }

    /** The reader loop: returns once the peer is gone or the connection closes. */
    void run() {
        try {
            while (true) {
                byte[] line = lines.take();
                if (line == END) {
                    connection.peerClosed(closedReason);
                    return;
                }
                queuedBytes.addAndGet(-line.length);
                boolean go = line.length > LineParser.MAX_RAW_LINE_BYTES ? connection.tooLong()
                        : line.length == 0 || connection.line(line, 0, line.length);
                // Closing: the close sequence (ERROR, then the transport closed) goes on without the reader.
                if (!go) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
