package chat.client;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Stdin for a client under test: the lines given to {@link #type}, then the end of input at {@link #end}. */
final class TypedKeys extends InputStream {

    private static final int END = -1;

    private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

    /** Types lines (each ends with a newline). */
    void type(String... lines) {
        for (String line : lines) {
            for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) bytes.add(b & 0xff);
        }
    }

    /** The end of input (Ctrl-D): the client quits. */
    void end() {
        bytes.add(END);
    }

    /** Ends the input (a test's clean-up: the client under test stops). */
    @Override
    public void close() {
        end();
    }

    @Override
    public int read() {
        try {
            int b = bytes.take();
            if (b == END) bytes.add(END);
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    /** What has been typed so far, at least one byte (InputStream's own would wait for {@code len} bytes). */
    @Override
    public int read(byte[] into, int off, int len) {
        if (len == 0) return 0;
        int first = read();
        if (first == END) return END;
        into[off] = (byte) first;
        int n = 1;
        Integer next;
        while (n < len && (next = bytes.peek()) != null && next != END) {
            into[off + n++] = (byte) (int) bytes.poll();
        }
        return n;
    }
}
