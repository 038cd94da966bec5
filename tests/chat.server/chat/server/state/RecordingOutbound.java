package chat.server.state;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' one fake client end: the {@link Outbound} of a {@link Link} that records every send and the close
 * reason. Thread-safe.
 */
public final class RecordingOutbound implements Outbound {

    private final List<byte[]> sends = new ArrayList<>();
    private String closeReason;

    @Override
    public synchronized boolean send(byte[] lines) {
        sends.add(lines.clone());
        return true;
    }

    @Override
    public synchronized void close(String reason) {
        if (closeReason == null) closeReason = reason;
    }

    /** How many times {@link #send} was called. */
    public synchronized int sendCount() {
        return sends.size();
    }

    /** Each received line as raw bytes, without its CR LF; fails on a line not ended by CR LF. */
    public synchronized List<byte[]> rawLines() {
        List<byte[]> lines = new ArrayList<>();
        for (byte[] chunk : sends) {
            int start = 0;
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] == '\n') {
                    if (i == start || chunk[i - 1] != '\r') throw new AssertionError("line not ended by CR LF");
                    byte[] line = new byte[i - 1 - start];
                    System.arraycopy(chunk, start, line, 0, line.length);
                    lines.add(line);
                    start = i + 1;
                }
            }
            if (start != chunk.length) throw new AssertionError("send ends in the middle of a line");
        }
        return lines;
    }

    /** Every received line as text, without its CR LF. */
    public synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (byte[] line : rawLines()) lines.add(new String(line, StandardCharsets.UTF_8));
        return lines;
    }

    /** Every received line, parsed. */
    public synchronized List<IrcMessage> messages() {
        List<IrcMessage> messages = new ArrayList<>();
        for (byte[] line : rawLines()) {
            ParseResult result = LineParser.parse(line, 0, line.length);
            if (!(result instanceof ParseResult.Parsed parsed)) {
                throw new AssertionError("unparsable line " + new String(line, StandardCharsets.UTF_8) + ": " + result);
            }
            messages.add(parsed.message());
        }
        return messages;
    }

    /** The received messages, then forgets them. */
    public synchronized List<IrcMessage> take() {
        List<IrcMessage> messages = messages();
        sends.clear();
        return messages;
    }

    public synchronized void clear() {
        sends.clear();
    }

    /** The reason given to {@link #close}, or null. */
    public synchronized String closeReason() {
        return closeReason;
    }
}
