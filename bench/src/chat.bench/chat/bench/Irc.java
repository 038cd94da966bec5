package chat.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The client side of IRC that every scenario shares: NICK/USER on connect, PONG to PING, registration
 * complete at the end of the MOTD (376, or 422 when there is none) after 001, joined at 366 (of one given
 * channel, or of any), and PRIVMSG texts handed to the scenario. Everything else (other members' JOINs,
 * NAMES lines) is dropped after a look at its command. Lines are looked at as bytes: nothing is decoded on
 * the hot path.
 */
final class Irc implements EventLoop.Handler {

    /** What a scenario hears about its clients. */
    interface Events {
        void registered(Client c);

        void joined(Client c);

        /** The text of a PRIVMSG to {@code c}, in {@code buf[start, end)}. */
        void message(Client c, byte[] buf, int start, int end);

        /** The client is gone (the reason says why); also when it never registered. */
        void closed(Client c, String reason);
    }

    private static final byte[] PING = ascii("PING");
    private static final byte[] PRIVMSG = ascii("PRIVMSG");
    private static final byte[] ERROR = ascii("ERROR");
    private static final byte[] PONG = ascii("PONG ");
    private static final byte[] CRLF = ascii("\r\n");

    private final EventLoop loop;
    private final Events events;
    private final byte[] scratch = new byte[EventLoop.MAX_LINE_BYTES + 16];
    /** The channel whose 366 means joined (ASCII lower case), or null: any channel's. */
    private final byte[] joinChannel;

    Irc(EventLoop loop, Events events) {
        this(loop, events, null);
    }

    /**
     * @param joinChannel the channel whose end of NAMES (366) marks a client joined, e.g. the channel a
     *                    server joins every client to on registration; null: the first 366 of any channel
     */
    Irc(EventLoop loop, Events events, String joinChannel) {
        this.loop = loop;
        this.events = events;
        this.joinChannel = joinChannel == null ? null : ascii(joinChannel.toLowerCase(Locale.ROOT));
        loop.handler(this);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void connected(Client c) {
        loop.send(c, ascii("NICK " + c.nick + "\r\nUSER " + c.nick + " 0 * :chat bench\r\n"));
    }

    @Override
    public void line(Client c, byte[] a, int start, int end) {
        int p = start;
        if (a[p] == ':') {
            p = spaceOrEnd(a, p, end);
            while (p < end && a[p] == ' ') p++;
        }
        int cmd = p;
        p = spaceOrEnd(a, p, end);
        int cmdEnd = p;
        while (p < end && a[p] == ' ') p++;
        int len = cmdEnd - cmd;
        if (len == 7 && same(a, cmd, PRIVMSG)) {
            p = spaceOrEnd(a, p, end); // the target
            while (p < end && a[p] == ' ') p++;
            if (p < end && a[p] == ':') p++;
            events.message(c, a, p, end);
        } else if (len == 3 && isDigit(a[cmd]) && isDigit(a[cmd + 1]) && isDigit(a[cmd + 2])) {
            numeric((a[cmd] - '0') * 100 + (a[cmd + 1] - '0') * 10 + (a[cmd + 2] - '0'), c, a, start, p, end);
        } else if (len == 4 && same(a, cmd, PING)) {
            int n = 0;
            System.arraycopy(PONG, 0, scratch, n, PONG.length);
            n += PONG.length;
            System.arraycopy(a, p, scratch, n, end - p);
            n += end - p;
            System.arraycopy(CRLF, 0, scratch, n, 2);
            loop.send(c, scratch, 0, n + 2);
        } else if (len == 5 && same(a, cmd, ERROR)) {
            loop.close(c, "ERROR from the server: " + new String(a, p, end - p, StandardCharsets.UTF_8));
        }
    }

    /** {@code params}: where the numeric's parameters start (its target, the client's nick). */
    private void numeric(int code, Client c, byte[] a, int start, int params, int end) {
        switch (code) {
            case 1 -> c.welcomed = true;
            case 376, 422 -> {
                if (c.welcomed && !c.registered) {
                    c.registered = true;
                    c.registeredNanos = System.nanoTime();
                    events.registered(c);
                }
            }
            case 366 -> {
                if (!c.joined && isJoinChannel(a, params, end)) {
                    c.joined = true;
                    events.joined(c);
                }
            }
            case 432, 433, 436, 465, 471, 473, 474, 475, 477 -> loop.close(c, "refused: "
                    + new String(a, start, end - start, StandardCharsets.UTF_8));
            default -> {
                // the rest of the bursts: nothing to do
            }
        }
    }

    @Override
    public void closed(Client c, String reason) {
        events.closed(c, reason);
    }

    /** Whether a 366's channel ({@code :srv 366 nick #chan :End of NAMES}) is the one awaited. */
    private boolean isJoinChannel(byte[] a, int params, int end) {
        if (joinChannel == null) return true;
        int p = spaceOrEnd(a, params, end); // past the nick
        while (p < end && a[p] == ' ') p++;
        int channelEnd = spaceOrEnd(a, p, end);
        if (channelEnd - p != joinChannel.length) return false;
        for (int i = 0; i < joinChannel.length; i++) {
            byte b = a[p + i];
            if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
            if (b != joinChannel[i]) return false;
        }
        return true;
    }

    private static int spaceOrEnd(byte[] a, int from, int end) {
        int i = Bytes.indexOf(a, from, end, (byte) ' ');
        return i < 0 ? end : i;
    }

    private static boolean same(byte[] a, int at, byte[] word) {
        for (int i = 0; i < word.length; i++) {
            if (a[at + i] != word[i]) return false;
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
