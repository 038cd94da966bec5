package chat.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.service.ServerInfo;
import chat.protocol.CaseMapping;
import chat.protocol.LineParser;
import chat.protocol.ParseResult;
import chat.server.ServerConfig;
import chat.server.state.Outbound;
import chat.server.state.Registry;
import chat.server.state.ServerStats;
import chat.server.state.Link;
import chat.server.state.RecordingOutbound;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomised input through the parser and the dispatcher, without sockets: no exception escapes, every
 * reply is a well-formed line within the length limit, and nothing is left in the state once all leave.
 */
class DispatcherFuzzTest {

    private static final String[] WORDS = {"NICK", "USER", "JOIN", "PART", "PRIVMSG", "NOTICE", "TOPIC", "NAMES",
        "CAP", "LS", "REQ", "END", "PING", "PONG", "QUIT", "TAGMSG", "SETNAME", "MOTD", "LUSERS", "#lobby", "#a",
        "#b", "a", "b", "c", "0", "*", ":", "::", "@", "@label=x", "@+t=y", "server-time", "echo-message",
        "message-tags", "labeled-response", ",", "a,b,c", "#a,#b", "\u00e9", "\u0000", "\u0001ACTION x\u0001"};

    /** What is wrong with the lines a client received: each must parse, and fit in 512 bytes without its tags. */
    private static List<String> problems(RecordingOutbound out) {
        List<String> problems = new ArrayList<>();
        for (byte[] raw : out.rawLines()) {
            String line = new String(raw, StandardCharsets.UTF_8);
            int tagsEnd = raw.length > 0 && raw[0] == '@' ? line.indexOf(' ') + 1 : 0;
            if (raw.length - tagsEnd + 2 > LineParser.MAX_LINE_BYTES) problems.add("too long: " + line);
            if (!(LineParser.parse(raw, 0, raw.length) instanceof ParseResult.Parsed)) problems.add("unparseable: " + line);
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void randomLinesNeverBreakTheServer(long seed) {
        Random random = new Random(seed);
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
        Registry registry = new Registry(CaseMapping.RFC1459, clock);
        Dispatcher dispatcher = new Dispatcher(CommandTable.standard(), registry,
                new ServerInfo(ServerConfig.defaults(), "test", Instant.EPOCH, new ServerStats(), clock));
        List<Link> sessions = new ArrayList<>();
        List<RecordingOutbound> outbounds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RecordingOutbound out = new RecordingOutbound();
            outbounds.add(out);
            Link s = new Link(out, "127.0.0." + (i + 1), clock.millis());
            sessions.add(s);
            if (i % 2 == 0) {
                dispatcher.dispatch(s, LineParser.parse("NICK n" + i));
                dispatcher.dispatch(s, LineParser.parse("USER u 0 * :real"));
            }
        }
        for (int n = 0; n < 3000; n++) {
            Link s = sessions.get(random.nextInt(sessions.size()));
            byte[] line = random.nextInt(4) == 0 ? randomBytes(random) : randomWords(random);
            dispatcher.dispatch(s, LineParser.parse(line, 0, line.length));
        }
        for (RecordingOutbound out : outbounds) {
            assertThat(problems(out)).isEmpty();
        }
        for (Link s : sessions) dispatcher.disconnected(s.user(), "bye");
        assertThat(registry.counts().users()).isZero();
        assertThat(registry.counts().channels()).isZero();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') bytes[i] = ' ';
        }
        return bytes;
    }

    private static byte[] randomWords(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int words = 1 + random.nextInt(6);
        for (int i = 0; i < words; i++) {
            if (i > 0) out.write(' ');
            out.writeBytes(WORDS[random.nextInt(WORDS.length)].getBytes(StandardCharsets.UTF_8));
        }
        if (random.nextInt(10) == 0) out.writeBytes("x".repeat(random.nextInt(700)).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
