package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.state.User;

/** Away status: AWAY (the RPL_AWAY a private message gets is {@link AwayReply}'s). */
final class AwayCommands {

    // AWAY [<text>]
    void away(Context ctx, IrcMessage m) {
        String text = m.param(0);
        User s = ctx.user();
        boolean away = text != null && !text.isEmpty();
        // away-notify: the peers who asked for it see the new status (delivered with the change).
        ctx.registry().settings().setAway(s, away ? Utf8Text.truncate(text, ISupport.AWAYLEN) : null);
        if (away) ctx.reply().numeric(Numeric.RPL_NOWAWAY, "You have been marked as being away");
        else ctx.reply().numeric(Numeric.RPL_UNAWAY, "You are no longer marked as being away");
    }

}
