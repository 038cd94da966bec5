package chat.server.command;

import chat.server.service.ServerInfo;
import chat.protocol.Numeric;
import chat.server.reply.NumericLine;
import chat.server.state.User;

/** The burst a client gets on registration: 001-005, LUSERS, MOTD, then the default channel. */
final class Welcome {

    private final ServerQueries queries;
    private final ChannelCommands channels;

    Welcome(ServerQueries queries, ChannelCommands channels) {
        this.queries = queries;
        this.channels = channels;
    }

    void greet(Context ctx) {
        User s = ctx.user();
        ServerInfo server = ctx.server();
        var reply = ctx.reply();
        reply.numeric(Numeric.RPL_WELCOME, "Welcome to the " + server.config().networkName()
                + " IRC network, " + s.identity().prefix());
        // #17: the lines after 001 are the same for everyone but the nick: kept encoded.
        for (NumericLine line : queries.text().intro(server)) reply.numeric(line);
        String lobby = server.config().defaultChannel();
        // #15: the default channel this client joins below counts as formed already.
        queries.lusers(ctx, lobby != null && !ctx.registry().channelDirectory().exists(lobby) ? 1 : 0);
        queries.motd(ctx, null);
        if (lobby != null) channels.joinOne(ctx, lobby, false);
    }
}
