package chat.server.command;

import chat.protocol.Numeric;
import chat.server.state.User;

/** RPL_AWAY for the sender of a private message to an away user. */
final class AwayReply {

    private AwayReply() {
    }

    /** Tells the sender of a PRIVMSG to {@code recipient} that it is away (Modern: for nicknames, not channels). */
    static void replyIfAway(Context ctx, User recipient) {
        String message = recipient.awayMessage();
        if (message != null) ctx.reply().numeric(Numeric.RPL_AWAY, recipient.nick(), message);
    }
}
