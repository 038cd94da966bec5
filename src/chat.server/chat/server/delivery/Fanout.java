package chat.server.delivery;

import chat.protocol.Capability;
import chat.server.state.Echo;
import chat.server.state.ServerStats;
import chat.server.state.User;
import chat.server.state.WriterShares;

/**
 * Delivery of one message to many users: encoded once per capability variant, offered to each user's delivery
 * without blocking. #17: the writers a fan-out starts are shared by its receivers ({@link WriterShares}).
 */
public final class Fanout {

    private Fanout() {
    }

    /** Sends to every user in {@code audience} but {@code skip} (which may be null). */
    public static void send(User[] audience, User skip, Outgoing message, ServerStats stats) {
        boolean tagsOnly = message.onlyForTagReceivers();
        int delivered = 0;
        WriterShares shares = new WriterShares();
        try {
            for (User member : audience) {
                if (member == skip || (tagsOnly && !member.has(Capability.MESSAGE_TAGS))) continue;
                member.delivery().send(message.bytesFor(member), shares);
                delivered++;
            }
        } finally {
            shares.start();
        }
        stats.sent(delivered);
    }

    /** Sends to the users in {@code audience} (but {@code skip}) that enabled {@code capability}. */
    public static void sendToCapable(User[] audience, User skip, Capability capability, Outgoing message,
                                     ServerStats stats) {
        int delivered = 0;
        WriterShares shares = new WriterShares();
        try {
            for (User member : audience) {
                if (member == skip || !member.has(capability)) continue;
                member.delivery().send(message.bytesFor(member), shares);
                delivered++;
            }
        } finally {
            shares.start();
        }
        stats.sent(delivered);
    }

    /**
     * Sends to every user in {@code audience}; the copy of {@code echo}'s user goes to its sink (the command's
     * reply buffer), so that it arrives in order with the command's other replies and carries its label. Without
     * an echo, {@code actor}'s copy goes after its own pending replies ({@link chat.server.state.Delivery#reply}).
     */
    public static void sendEchoing(User[] audience, User actor, Echo echo, Outgoing message, ServerStats stats) {
        User echoed = echo == null ? null : echo.user();
        int delivered = 0;
        WriterShares shares = new WriterShares();
        try {
            for (User member : audience) {
                if (member == echoed) {
                    echo.sink().accept(message.messageFor(member));
                } else if (echo == null && member == actor) {
                    member.delivery().reply(message.bytesFor(member));
                    delivered++;
                } else {
                    member.delivery().send(message.bytesFor(member), shares);
                    delivered++;
                }
            }
        } finally {
            shares.start();
        }
        stats.sent(delivered);
    }

    /** Sends to one user. */
    public static void send(User to, Outgoing message, ServerStats stats) {
        if (message.onlyForTagReceivers() && !to.has(Capability.MESSAGE_TAGS)) return;
        to.delivery().send(message.bytesFor(to));
        stats.sent(1);
    }
}
