package chat.server.command;

import chat.server.service.ServerInfo;
import chat.protocol.Numeric;
import chat.server.state.User;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The burst a client gets on registration: 001-005, LUSERS, MOTD, then the default channel. */
final class Welcome {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

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
        reply.numeric(Numeric.RPL_YOURHOST, "Your host is " + server.name() + ", running version " + server.version());
        reply.numeric(Numeric.RPL_CREATED, "This server was created " + CREATED.format(server.startedAt()));
        reply.numeric(Numeric.RPL_MYINFO, server.name(), server.version(), ModeString.USER_MODES,
                ModeString.allChannelModes(), ModeString.channelModesWithParam());
        ISupport.reply(reply, server.config());
        String lobby = server.config().defaultChannel();
        // #15: the default channel this client joins below counts as formed already.
        queries.lusers(ctx, lobby != null && !ctx.registry().channelDirectory().exists(lobby) ? 1 : 0);
        queries.motd(ctx, null);
        if (lobby != null) channels.joinOne(ctx, lobby, false);
    }
}
