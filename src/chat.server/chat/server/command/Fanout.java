package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.server.state.ServerStats;
import chat.server.state.User;

/**
 * Delivery of one message to many clients: encoded once per capability variant, offered to each outbound
 * queue without blocking.
 */
final class Fanout {

    private Fanout() {
    }

    /** Sends to every session in {@code audience} but {@code skip} (which may be null). */
    static void send(User[] audience, User skip, Outgoing message, ServerStats stats) {
        boolean tagsOnly = message.onlyForTagReceivers();
        int delivered = 0;
        for (User member : audience) {
            if (member == skip || (tagsOnly && !member.has(Capability.MESSAGE_TAGS))) continue;
            member.delivery().send(message.bytesFor(member));
            delivered++;
        }
        stats.sent(delivered);
    }

    /** Sends to the sessions in {@code audience} (but {@code skip}) that enabled {@code capability}. */
    static void sendToCapable(User[] audience, User skip, Capability capability, Outgoing message,
                              ServerStats stats) {
        int delivered = 0;
        for (User member : audience) {
            if (member == skip || !member.has(capability)) continue;
            member.delivery().send(message.bytesFor(member));
            delivered++;
        }
        stats.sent(delivered);
    }

    /**
     * Sends to every session in {@code audience}; the acting client's own copy goes into its reply buffer, so
     * that it arrives in order with the command's other replies (and carries its label).
     */
    static void sendIncludingSelf(Context ctx, User[] audience, Outgoing message) {
        send(audience, ctx.user(), message, ctx.server().stats());
        ctx.reply().add(message.messageFor(ctx.user()));
    }

    /** A server event to everyone in {@code audience}, the actor's copy through its reply buffer. */
    static void eventIncludingSelf(Context ctx, User[] audience, IrcMessage event) {
        sendIncludingSelf(ctx, audience, Outgoing.event(ctx.server(), event));
    }

    /** Sends to one session. */
    static void send(User to, Outgoing message, ServerStats stats) {
        if (message.onlyForTagReceivers() && !to.has(Capability.MESSAGE_TAGS)) return;
        to.delivery().send(message.bytesFor(to));
        stats.sent(1);
    }
}
