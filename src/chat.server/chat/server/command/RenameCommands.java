package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.delivery.Fanout;
import chat.server.delivery.Outgoing;
import chat.server.reply.ReplyBuffer;
import chat.server.state.ChannelRename;
import chat.server.state.Link;
import chat.server.state.User;

/**
 * draft/channel-rename: {@code RENAME}, for channel operators. Members with the capability see one RENAME; the
 * others see themselves part the old name and join the new one (topic and names included), as Ergo shows it.
 */
final class RenameCommands {

    // RENAME <channel> <new channel> [:<reason>]
    void rename(Context ctx, IrcMessage m) {
        String from = m.param(0);
        String to = m.param(1);
        String reason = m.params().size() > 2 ? m.param(2) : "";
        User s = ctx.user();
        ChannelRename.Result result = ctx.registry().rename(s, from, to, ctx.server().config().defaultChannel());
        switch (result.outcome()) {
            case NO_SUCH_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, from, "No such channel");
            case NOT_ON_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOTONCHANNEL, result.from(), "You're not on that channel");
            case NOT_OPERATOR -> ctx.reply().numeric(Numeric.ERR_CHANOPRIVSNEEDED, result.from(), "You're not channel operator");
            case INVALID_NAME -> ctx.reply().standard("FAIL", "RENAME", "CANNOT_RENAME", result.from(), to,
                    "The new name is not a valid channel name");
            case IN_USE -> ctx.reply().standard("FAIL", "RENAME", "CHANNEL_NAME_IN_USE", result.from(), to,
                    "A channel of that name already exists");
            case PROTECTED -> ctx.reply().standard("FAIL", "RENAME", "CANNOT_RENAME", result.from(), to,
                    "Registered channels and the default channel keep their names");
            case RENAMED -> announce(ctx, result, reason);
        }
    }

    private static void announce(Context ctx, ChannelRename.Result r, String reason) {
        User actor = ctx.user();
        Outgoing rename = Outgoing.event(ctx.server().clock(), IrcMessage.from(actor.identity().prefix(), "RENAME", r.from(), r.to(),
                reason));
        Fanout.sendToCapable(r.members(), actor, Capability.CHANNEL_RENAME, rename, ctx.server().stats());
        for (User member : r.members()) {
            if (member.has(Capability.CHANNEL_RENAME)) continue;
            ReplyBuffer lines = member == actor ? ctx.reply() : new ReplyBuffer(ctx.server().name(), member);
            Context view = member == actor ? ctx : new Context(Link.of(member), ctx.registry(), lines, ctx.server(), ctx.replication());
            String prefix = member.identity().prefix();
            lines.add(IrcMessage.from(prefix, "PART", r.from(), "Channel renamed to " + r.to()
                    + (reason.isEmpty() ? "" : ": " + reason)));
            lines.add(IrcMessage.from(prefix, "JOIN", r.to()));
            if (r.topic() != null) ChannelViews.sendTopic(view, r.to(), r.topic());
            ChannelViews.sendNames(view, r.secret(), r.to(), r.names());
            if (member != actor) {
                int count = lines.size();
                member.delivery().send(lines.drain());
                ctx.server().stats().sent(count);
            }
        }
        if (actor.has(Capability.CHANNEL_RENAME)) ctx.reply().add(rename.messageFor(actor));
    }
}
