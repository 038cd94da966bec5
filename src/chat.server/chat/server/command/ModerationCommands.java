package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.protocol.TargetList;
import chat.server.state.ChannelModeration;
import chat.server.state.User;

/** What channel operators do to other users: KICK and INVITE. */
final class ModerationCommands {

    /** Longest KICK reason kept, in bytes (ISUPPORT KICKLEN; InspIRCd's default). */
    static final int KICKLEN = 255;

    // KICK <channel> <user>{,<user>} [<comment>]
    void kick(Context ctx, IrcMessage m) {
        User s = ctx.user();
        String name = m.param(0);
        String comment = m.param(2);
        String reason = comment == null || comment.isEmpty() ? s.nick() : Utf8Text.truncate(comment, KICKLEN);
        for (String nick : TargetList.split(m.param(1))) {
            ChannelModeration.KickResult kicked = ctx.registry().moderation().kick(s, name, nick, reason, ctx.echo());
            switch (kicked.outcome()) {
                case NO_SUCH_CHANNEL -> {
                    ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
                    return;
                }
                case NOT_ON_CHANNEL -> {
                    ctx.reply().numeric(Numeric.ERR_NOTONCHANNEL, kicked.channel(), "You're not on that channel");
                    return;
                }
                case NOT_OPERATOR -> {
                    ctx.reply().numeric(Numeric.ERR_CHANOPRIVSNEEDED, kicked.channel(), "You're not channel operator");
                    return;
                }
                case NO_SUCH_NICK -> ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
                case USER_NOT_ON_CHANNEL -> ctx.reply().numeric(Numeric.ERR_USERNOTINCHANNEL, kicked.target(),
                        kicked.channel(), "They aren't on that channel");
                default -> { }
            }
        }
    }

    // INVITE <nickname> <channel>
    void invite(Context ctx, IrcMessage m) {
        User s = ctx.user();
        String nick = m.param(0);
        String name = m.param(1);
        ChannelModeration.InviteResult invited = ctx.registry().moderation().invite(s, nick, name);
        switch (invited.outcome()) {
            case NO_SUCH_NICK -> ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            case NO_SUCH_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            case NOT_ON_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOTONCHANNEL, invited.channel(),
                    "You're not on that channel");
            case NOT_OPERATOR -> ctx.reply().numeric(Numeric.ERR_CHANOPRIVSNEEDED, invited.channel(),
                    "You're not channel operator");
            case USER_ON_CHANNEL -> ctx.reply().numeric(Numeric.ERR_USERONCHANNEL, invited.target().nick(),
                    invited.channel(), "is already on channel");
            default -> {
                User target = invited.target();
                ctx.reply().numeric(Numeric.RPL_INVITING, target.nick(), invited.channel());
                String away = target.awayMessage();
                if (away != null) ctx.reply().numeric(Numeric.RPL_AWAY, target.nick(), away);
            }
        }
    }
}
