package chat.server.reply;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.LineWriter;
import chat.protocol.Numeric;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A numeric from the server whose only part that differs from one client to the next is its target (the client's
 * nick), kept in its wire form around that target. #17: most of the registration burst is the same for everyone;
 * encoding it once per configuration instead of once per client takes most of the burst's work away.
 * {@link #encode} gives exactly the bytes {@link LineWriter#encodeWithin} gives for the same numeric.
 */
public final class NumericLine {

    private static final String SAMPLE_TARGET = "*";

    private final String source;
    private final Numeric numeric;
    private final String[] params;
    /** ":source code ", the bytes before the target. */
    private final byte[] head;
    /** The bytes after the target, CR LF included; null if the line does not split there (then each is encoded). */
    private final byte[] tail;

    public NumericLine(String source, Numeric numeric, String... params) {
        this.source = source;
        this.numeric = numeric;
        this.params = params.clone();
        byte[] sample = LineWriter.encode(message(SAMPLE_TARGET));
        byte[] before = (":" + source + " " + numeric.code() + " ").getBytes(StandardCharsets.UTF_8);
        int at = before.length;
        boolean splits = sample.length > at && Arrays.equals(sample, 0, at, before, 0, at) && sample[at] == '*';
        this.head = before;
        this.tail = splits ? Arrays.copyOfRange(sample, at + 1, sample.length) : null;
    }

    /** The line for {@code target}, CR LF included, cut to the line limit as {@link LineWriter#encodeWithin} cuts. */
    public byte[] encode(String target) {
        if (tail != null && plainMiddle(target)) {
            byte[] name = target.getBytes(StandardCharsets.UTF_8);
            int length = head.length + name.length + tail.length;
            if (length <= LineParser.MAX_LINE_BYTES) {
                byte[] line = new byte[length];
                System.arraycopy(head, 0, line, 0, head.length);
                System.arraycopy(name, 0, line, head.length, name.length);
                System.arraycopy(tail, 0, line, head.length + name.length, tail.length);
                return line;
            }
        }
        return LineWriter.encodeWithin(message(target));
    }

    /** The numeric as a message to {@code target}. */
    public IrcMessage message(String target) {
        String[] all = new String[params.length + 1];
        all[0] = target;
        System.arraycopy(params, 0, all, 1, params.length);
        return IrcMessage.from(source, numeric.code(), all);
    }

    /** Whether the writer puts {@code target} on the wire as it is (as a middle parameter: nicks always are). */
    private static boolean plainMiddle(String target) {
        if (target.isEmpty() || target.charAt(0) == ':') return false;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == ' ' || c == '\r' || c == '\n' || c == '\0') return false;
        }
        return true;
    }
}
