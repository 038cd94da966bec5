package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.ParseResult;
import chat.server.ServerConfig;
import chat.server.state.Outbound;
import chat.server.state.Registry;
import chat.server.state.ServerStats;
import chat.server.state.Link;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The command layer without sockets: a dispatcher over a registry, a settable clock, recording outbounds. */
final class Harness {

    /** A clock that moves only when told to. */
    static final class ManualClock extends Clock {

        private volatile Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** An outbound that keeps every line it is given. */
    static final class Recorder implements Outbound {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized boolean send(byte[] lines) {
            bytes.writeBytes(lines);
            return true;
        }

        @Override
        public void close(String reason) {
        }

        /** The messages received since the last call. */
        synchronized List<IrcMessage> take() {
            List<IrcMessage> messages = new ArrayList<>();
            for (String line : bytes.toString(StandardCharsets.UTF_8).split("\r\n")) {
                if (line.isEmpty()) continue;
                byte[] raw = line.getBytes(StandardCharsets.UTF_8);
                if (LineParser.parse(raw, 0, raw.length) instanceof ParseResult.Parsed p) messages.add(p.message());
            }
            bytes.reset();
            return messages;
        }
    }

    final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1_700_000_000));
    final Registry registry;
    final Dispatcher dispatcher;

    Harness(ServerConfig config) {
        registry = new Registry(config.caseMapping(), clock);
        ServerInfo info = new ServerInfo(config, "chat-test", clock.instant(), new ServerStats(), clock);
        dispatcher = new Dispatcher(CommandTable.standard(), registry, info);
    }

    /** A registered client; its welcome is already taken. */
    Link connect(String nick) {
        Link s = new Link(new Recorder(), "127.0.0.1", clock.millis());
        send(s, "NICK " + nick);
        send(s, "USER " + nick + " 0 * :Real " + nick);
        if (!s.user().registered()) throw new AssertionError(nick + " did not register");
        return s;
    }

    /** Runs one line from {@code s} and returns what {@code s} received meanwhile. */
    List<IrcMessage> send(Link s, String line) {
        byte[] raw = line.getBytes(StandardCharsets.UTF_8);
        dispatcher.dispatch(s, LineParser.parse(raw, 0, raw.length));
        return ((Recorder) s.outbound()).take();
    }

    /** The messages with this command among {@code messages}. */
    static List<IrcMessage> only(List<IrcMessage> messages, String command) {
        return messages.stream().filter(m -> m.command().equals(command)).toList();
    }
}
