package chat.server.command;

import chat.server.state.ChannelModeration;
import chat.server.state.ModeChange;
import chat.server.state.Session;
import java.util.List;

/**
 * Channel modes the server itself sets, as services do: a built-in bot gets {@code +o} (or {@code +v}) in the
 * channels it joins, even in {@code #lobby}, which has no human operators (#14).
 */
public final class ServiceModes {

    private ServiceModes() {
    }

    /** Gives {@code member} the prefix mode {@code mode} ('o' or 'v') in {@code channel}, announced by the server. */
    public static void grant(Dispatcher dispatcher, String channel, Session member, char mode) {
        ServerInfo server = dispatcher.server();
        List<ModeChange> changes = List.of(new ModeChange(true, mode, member.nick()));
        ChannelModeration.ModeResult result = dispatcher.registry().moderation().serverModes(server.name(), channel, changes);
        if (result.applied().isEmpty()) return;
        for (var line : ModeString.announce(server.name(), result.channel(), result.applied())) {
            Fanout.send(result.members(), null, Outgoing.event(server, line), server.stats());
        }
    }
}
