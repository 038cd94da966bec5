package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.state.Session;

/** Away status: AWAY, and the RPL_AWAY that answers a private message to an away user. */
final class AwayCommands {

    // AWAY [<text>]
    void away(Context ctx, IrcMessage m) {
        String text = m.param(0);
        Session s = ctx.session();
        if (text == null || text.isEmpty()) {
            s.setAwayMessage(null);
            ctx.reply().numeric(Numeric.RPL_UNAWAY, "You are no longer marked as being away");
        } else {
            s.setAwayMessage(ChannelCommands.truncate(text, ISupport.AWAYLEN));
            ctx.reply().numeric(Numeric.RPL_NOWAWAY, "You have been marked as being away");
        }
        notifyPeers(ctx, MonitorCommands.withWatchers(ctx.registry(), s, ctx.registry().audienceOf(s)));
    }

    /** away-notify: peers who asked for it see {@code AWAY [:message]} whenever the status changes. */
    static void notifyPeers(Context ctx, Session[] audience) {
        Session s = ctx.session();
        String message = s.awayMessage();
        IrcMessage away = message == null ? IrcMessage.from(s.identity().prefix(), "AWAY")
                : IrcMessage.from(s.identity().prefix(), "AWAY", message);
        Fanout.sendToCapable(audience, s, Capability.AWAY_NOTIFY, Outgoing.event(ctx.server(), away), ctx.server().stats());
    }

    /** Tells the sender of a PRIVMSG to {@code recipient} that it is away (Modern: for nicknames, not channels). */
    static void replyIfAway(Context ctx, Session recipient) {
        String message = recipient.awayMessage();
        if (message != null) ctx.reply().numeric(Numeric.RPL_AWAY, recipient.nick(), message);
    }
}
