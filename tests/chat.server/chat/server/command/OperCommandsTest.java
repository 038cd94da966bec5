package chat.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.service.ServerInfo;
import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;
import chat.server.ServerConfig;
import chat.server.reply.ReplyBuffer;
import chat.server.state.Outbound;
import chat.server.state.Registry;
import chat.server.state.ServerStats;
import chat.server.state.Link;
import chat.server.state.RecordingOutbound;
import chat.server.state.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WALLOPS without sockets: who gets it is decided by user mode +w. */
class OperCommandsTest {

    private final Clock clock = Clock.systemUTC();
    private final Registry registry = new Registry(CaseMapping.RFC1459, clock);
    private final ServerInfo server = new ServerInfo(ServerConfig.defaults(), "test", clock.instant(), new ServerStats(), clock);
    private final OperCommands opers = new OperCommands(new ChannelCommands());

    private Link user(String nick, RecordingOutbound out) {
        Link link = new Link(out, "192.0.2.1", clock.millis());
        User s = link.user();
        assertThat(registry.changeNick(s, nick).outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
        registry.settings().setUserName(s, "~" + nick, nick);
        assertThat(registry.register(s)).isTrue();
        return link;
    }

    @Test
    void wallopsReachesExactlyTheUsersWithPlusW() {
        RecordingOutbound opOut = new RecordingOutbound();
        RecordingOutbound watcherOut = new RecordingOutbound();
        RecordingOutbound otherOut = new RecordingOutbound();
        Link op = user("op", opOut);
        Link watcher = user("watcher", watcherOut);
        Link other = user("other", otherOut);
        registry.settings().oper(op.user(), null);
        registry.settings().changeModes(watcher.user(), "+w", null);

        assertThat(OperCommands.wallopsAudience(registry.everyone())).containsExactly(watcher.user());

        ReplyBuffer reply = new ReplyBuffer(server.name(), op.user());
        opers.wallops(new Context(op, registry, reply, server), IrcMessage.of("WALLOPS", "rehash at noon"));
        assertThat(watcherOut.lines()).containsExactly(":op!~op@192.0.2.1 WALLOPS :rehash at noon");
        assertThat(otherOut.lines()).isEmpty();
        assertThat(reply.messages()).isEmpty();

        // An operator with +w gets its own copy through its reply buffer, in order with its other replies.
        registry.settings().changeModes(op.user(), "+w", null);
        opers.wallops(new Context(op, registry, reply, server), IrcMessage.of("WALLOPS", "again"));
        assertThat(reply.messages()).extracting(IrcMessage::command).containsExactly("WALLOPS");
        assertThat(watcherOut.lines()).hasSize(2);
        assertThat(opOut.lines()).isEmpty();
        assertThat(otherOut.lines()).isEmpty();
        assertThat(other.user().wallops()).isFalse();
    }
}
