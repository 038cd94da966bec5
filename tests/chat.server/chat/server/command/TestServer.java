package chat.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.service.ServerInfo;
import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.server.ManualClock;
import chat.server.ServerConfig;
import chat.server.state.RecordingOutbound;
import chat.server.state.Registry;
import chat.server.state.ServerStats;
import chat.server.state.Link;
import chat.server.state.User;
import java.time.Instant;
import java.util.List;

/**
 * The tests' one handler harness: a dispatcher with its registry, a {@link ManualClock} and fake clients (each
 * a {@link Link} over a {@link RecordingOutbound}), no sockets: lines in, parsed replies out.
 */
final class TestServer {

    static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    final ManualClock clock;
    final ServerStats stats = new ServerStats();
    final ServerConfig config;
    final Registry registry;
    final Dispatcher dispatcher;
    private int connections;

    TestServer() {
        this(ServerConfig.defaults());
    }

    TestServer(ServerConfig config) {
        this(config, NOW, Instant.EPOCH);
    }

    /** A server with its clock at {@code now}, started at {@code startedAt}. */
    TestServer(ServerConfig config, Instant now, Instant startedAt) {
        this.config = config;
        this.clock = new ManualClock(now);
        this.registry = new Registry(CaseMapping.RFC1459, clock);
        this.dispatcher = new Dispatcher(CommandTable.standard(), registry,
                new ServerInfo(config, "test", startedAt, stats, clock));
    }

    /** A new connection that has sent nothing yet. */
    Client connect() {
        return new Client("10.0.0." + (++connections));
    }

    /** A client that completed NICK/USER, with its registration burst already taken. */
    Client register(String nick) {
        Client c = connect();
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :Real " + nick);
        assertThat(c.user.registered()).as("%s registered", nick).isTrue();
        c.take();
        return c;
    }

    /** The messages with this command among {@code messages}. */
    static List<IrcMessage> only(List<IrcMessage> messages, String command) {
        return messages.stream().filter(m -> m.command().equals(command)).toList();
    }

    /** The commands of some messages, in order. */
    static List<String> commands(List<IrcMessage> messages) {
        return messages.stream().map(IrcMessage::command).toList();
    }

    final class Client {
        final RecordingOutbound out = new RecordingOutbound();
        final Link link;
        final User user;

        Client(String host) {
            link = new Link(out, host, clock.millis());
            user = link.user();
        }

        void send(String line) {
            dispatcher.dispatch(link, LineParser.parse(line));
        }

        void send(byte[] line) {
            dispatcher.dispatch(link, LineParser.parse(line, 0, line.length));
        }

        /** What the client received since the last take, parsed. */
        List<IrcMessage> take() {
            return out.take();
        }

        /** Sends a line and returns what this client received for it. */
        List<IrcMessage> ask(String line) {
            out.clear();
            send(line);
            return take();
        }

        String nick() {
            return user.nick();
        }

        String prefix() {
            return user.identity().prefix();
        }

        void disconnect(String reason) {
            dispatcher.disconnected(user, reason);
        }
    }
}
