package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.state.Registry;
import java.util.List;

/** Questions about the server: MOTD, LUSERS, VERSION. */
final class ServerQueries {

    // MOTD [<target>]
    void motd(Context ctx, IrcMessage m) {
        List<String> motd = ctx.server().config().motd();
        if (motd.isEmpty()) {
            ctx.reply().numeric(Numeric.ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        ctx.reply().numeric(Numeric.RPL_MOTDSTART, "- " + ctx.server().name() + " Message of the day - ");
        for (String line : motd) ctx.reply().numeric(Numeric.RPL_MOTD, "- " + line);
        ctx.reply().numeric(Numeric.RPL_ENDOFMOTD, "End of /MOTD command.");
    }

    // LUSERS
    void lusers(Context ctx, IrcMessage m) {
        Registry.Counts counts = ctx.registry().counts();
        int connections = ctx.server().stats().connections();
        int unknown = Math.max(0, connections - counts.users());
        var reply = ctx.reply();
        reply.numeric(Numeric.RPL_LUSERCLIENT, "There are " + counts.users() + " users and 0 invisible on 1 servers");
        reply.numeric(Numeric.RPL_LUSEROP, Integer.toString(ctx.registry().operatorCount()), "operator(s) online");
        if (unknown > 0) reply.numeric(Numeric.RPL_LUSERUNKNOWN, Integer.toString(unknown), "unknown connection(s)");
        reply.numeric(Numeric.RPL_LUSERCHANNELS, Integer.toString(counts.channels()), "channels formed");
        reply.numeric(Numeric.RPL_LUSERME, "I have " + counts.users() + " clients and 0 servers");
        String users = Integer.toString(counts.users());
        reply.numeric(Numeric.RPL_LOCALUSERS, users, users, "Current local users " + users + ", max " + users);
        reply.numeric(Numeric.RPL_GLOBALUSERS, users, users, "Current global users " + users + ", max " + users);
    }

    // VERSION
    void version(Context ctx, IrcMessage m) {
        ctx.reply().numeric(Numeric.RPL_VERSION, ctx.server().version(), ctx.server().name(), "chat IRC server");
    }
}
