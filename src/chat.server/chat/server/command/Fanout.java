package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.server.state.ServerStats;
import chat.server.state.Session;

/**
 * Delivery of one message to many clients: encoded once per capability variant, offered to each outbound
 * queue without blocking.
 */
final class Fanout {

    private Fanout() {
    }

    /** Sends to every session in {@code audience} but {@code skip} (which may be null). */
    static void send(Session[] audience, Session skip, Outgoing message, ServerStats stats) {
        boolean tagsOnly = message.onlyForTagReceivers();
        int delivered = 0;
        for (Session member : audience) {
            if (member == skip || (tagsOnly && !member.has(Capability.MESSAGE_TAGS))) continue;
            member.outbound().send(message.bytesFor(member));
            delivered++;
        }
        stats.sent(delivered);
    }

    /** Sends to the sessions in {@code audience} (but {@code skip}) that enabled {@code capability}. */
    static void sendToCapable(Session[] audience, Session skip, Capability capability, Outgoing message,
                              ServerStats stats) {
        int delivered = 0;
        for (Session member : audience) {
            if (member == skip || !member.has(capability)) continue;
            member.outbound().send(message.bytesFor(member));
            delivered++;
        }
        stats.sent(delivered);
    }

    /**
     * Sends to every session in {@code audience}; the acting client's own copy goes into its reply buffer, so
     * that it arrives in order with the command's other replies (and carries its label).
     */
    static void sendIncludingSelf(Context ctx, Session[] audience, Outgoing message) {
        send(audience, ctx.session(), message, ctx.server().stats());
        ctx.reply().add(message.messageFor(ctx.session()));
    }

    /** A server event to everyone in {@code audience}, the actor's copy through its reply buffer. */
    static void eventIncludingSelf(Context ctx, Session[] audience, IrcMessage event) {
        sendIncludingSelf(ctx, audience, Outgoing.event(ctx.server(), event));
    }

    /** Sends to one session. */
    static void send(Session to, Outgoing message, ServerStats stats) {
        if (message.onlyForTagReceivers() && !to.has(Capability.MESSAGE_TAGS)) return;
        to.outbound().send(message.bytesFor(to));
        stats.sent(1);
    }
}
