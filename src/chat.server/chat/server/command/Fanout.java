package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.state.ServerStats;
import chat.server.state.Session;

/** Delivery of one message to many clients: encoded once, offered to each outbound queue without blocking. */
final class Fanout {

    private Fanout() {
    }

    /** Sends {@code message} to every session in {@code audience} but {@code skip} (which may be null). */
    static void send(Session[] audience, Session skip, IrcMessage message, ServerStats stats) {
        byte[] line = LineWriter.encodeWithin(message);
        int delivered = 0;
        for (Session member : audience) {
            if (member == skip) continue;
            member.outbound().send(line);
            delivered++;
        }
        stats.sent(delivered);
    }

    /**
     * Sends {@code message} to every session in {@code audience}; the acting client's own copy goes into its
     * reply buffer, so that it arrives in order with the command's other replies.
     */
    static void sendIncludingSelf(Context ctx, Session[] audience, IrcMessage message) {
        send(audience, ctx.session(), message, ctx.server().stats());
        ctx.reply().add(message);
    }

    /** Sends {@code message} to one session. */
    static void send(Session to, IrcMessage message, ServerStats stats) {
        to.outbound().send(LineWriter.encodeWithin(message));
        stats.sent(1);
    }
}
