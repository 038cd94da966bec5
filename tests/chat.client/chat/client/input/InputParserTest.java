package chat.client.input;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.ParseResult;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InputParserTest {

    private static final String CURRENT = "#lobby";
    private final InputParser parser = new InputParser();

    static Stream<Arguments> sends() {
        return Stream.of(
                Arguments.of("hello", "PRIVMSG #lobby hello"),
                Arguments.of("hello world", "PRIVMSG #lobby :hello world"),
                Arguments.of("  indented", "PRIVMSG #lobby :  indented"),
                Arguments.of("hello\r", "PRIVMSG #lobby hello"),
                Arguments.of("//slash text", "PRIVMSG #lobby :/slash text"),
                Arguments.of("//", "PRIVMSG #lobby /"),
                Arguments.of("/msg bob psst", "PRIVMSG bob psst"),
                Arguments.of("/msg a,b hi there", "PRIVMSG a,b :hi there"),
                Arguments.of("/msg a,,#dev,  hi", "PRIVMSG a,#dev hi"),
                Arguments.of("/MSG bob :)", "PRIVMSG bob ::)"),
                Arguments.of("/part", "PART #lobby"),
                Arguments.of("/part #dev", "PART #dev"),
                Arguments.of("/part #dev gone fishing", "PART #dev :gone fishing"),
                Arguments.of("/part gone fishing", "PART #lobby :gone fishing"),
                Arguments.of("/nick dan", "NICK dan"),
                Arguments.of("/me waves", "PRIVMSG #lobby :\u0001ACTION waves\u0001"),
                Arguments.of("/names", "NAMES #lobby"),
                Arguments.of("/names #dev", "NAMES #dev"),
                Arguments.of("/topic", "TOPIC #lobby"),
                Arguments.of("/topic new topic", "TOPIC #lobby :new topic"),
                Arguments.of("/topic #dev", "TOPIC #dev"),
                Arguments.of("/topic #dev fresh", "TOPIC #dev fresh"),
                Arguments.of("/raw WHOIS  bob", "WHOIS bob"),
                Arguments.of("/raw privmsg #x :a b", "PRIVMSG #x :a b"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sends")
    void sends(String typed, String wire) {
        assertThat(parser.parse(typed, CURRENT)).isEqualTo(new Input.Send(List.of(message(wire)), null));
    }

    static Stream<Arguments> joins() {
        return Stream.of(
                Arguments.of("/join #dev", "JOIN #dev", "#dev"),
                Arguments.of("/join dev", "JOIN #dev", "#dev"),
                Arguments.of("/join #dev sekrit", "JOIN #dev sekrit", "#dev"),
                Arguments.of("/join #a,b", "JOIN #a,#b", "#b"));
    }

    @ParameterizedTest(name = "{0} -> {1}, current {2}")
    @MethodSource("joins")
    void joinsAndFocuses(String typed, String wire, String focus) {
        assertThat(parser.parse(typed, CURRENT)).isEqualTo(new Input.Send(List.of(message(wire)), focus));
    }

    static Stream<Arguments> quits() {
        return Stream.of(
                Arguments.of("/quit", "QUIT"),
                Arguments.of("/quit see you", "QUIT :see you"),
                Arguments.of("/raw QUIT :bye", "QUIT bye"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("quits")
    void quits(String typed, String wire) {
        assertThat(parser.parse(typed, CURRENT)).isEqualTo(new Input.Quit(message(wire)));
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("/msg", CURRENT, "usage: /msg <nick|#channel>[,...] <text>"),
                Arguments.of("/msg bob", CURRENT, "usage: /msg <nick|#channel>[,...] <text>"),
                Arguments.of("/msg bob   ", CURRENT, "usage: /msg <nick|#channel>[,...] <text>"),
                Arguments.of("/msg ,, hi", CURRENT, "usage: /msg <nick|#channel>[,...] <text>"),
                Arguments.of("/join", CURRENT, "usage: /join <#channel>[,...] [key]"),
                Arguments.of("/nick", CURRENT, "usage: /nick <newnick>"),
                Arguments.of("/nick two words", CURRENT, "usage: /nick <newnick>"),
                Arguments.of("/me", CURRENT, "usage: /me <action>"),
                Arguments.of("/raw", CURRENT, "usage: /raw <line>"),
                Arguments.of("/raw :only.a.source", CURRENT, "cannot send that line (no command)"),
                Arguments.of("/raw " + "x".repeat(600), CURRENT, "cannot send that line (too long)"),
                Arguments.of("/whois bob", CURRENT, "unknown command /whois; type /help for the list"),
                Arguments.of("/", CURRENT, "unknown command /; type /help for the list"),
                Arguments.of("hello", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/me waves", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/part", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/names", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/topic", null, "you are in no channel: /join one, or /msg someone"));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @MethodSource("problems")
    void reportsProblemsLocally(String typed, String current, String text) {
        assertThat(parser.parse(typed, current)).isEqualTo(new Input.Problem(text));
    }

    @ParameterizedTest
    @MethodSource("blanks")
    void ignoresEmptyLines(String typed) {
        assertThat(parser.parse(typed, CURRENT)).isEqualTo(new Input.Nothing());
    }

    static Stream<String> blanks() {
        return Stream.of("", "   ", "\r", "\t");
    }

    @Test
    void msgWithoutChannelStillWorks() {
        assertThat(parser.parse("/msg bob hi", null))
                .isEqualTo(new Input.Send(List.of(message("PRIVMSG bob hi")), null));
    }

    @Test
    void helpListsEveryCommandOnItsOwnLine() {
        Input help = parser.parse("/help", CURRENT);
        assertThat(help).isInstanceOf(Input.Help.class);
        List<String> lines = ((Input.Help) help).lines();
        for (String command : List.of("/msg", "/join", "/part", "/nick", "/me", "/names", "/topic", "/quit", "/raw",
                "/help", "//")) {
            assertThat(lines).filteredOn(l -> l.strip().startsWith(command + " ") || l.strip().startsWith(command + "<"))
                    .as(command).hasSize(1);
        }
    }

    @Test
    void longTextIsSplitIntoSeveralMessages() {
        String[] words = new String[300];
        Arrays.fill(words, "word");
        String text = String.join(" ", words);
        Input input = parser.parse(text, CURRENT);
        List<IrcMessage> messages = ((Input.Send) input).messages();
        assertThat(messages).hasSizeGreaterThan(1)
                .allSatisfy(m -> assertThat(m.command()).isEqualTo("PRIVMSG"))
                .allSatisfy(m -> assertThat(m.param(0)).isEqualTo(CURRENT));
        assertThat(String.join(" ", messages.stream().map(IrcMessage::last).toList())).isEqualTo(text);
    }

    @Test
    void longActionKeepsTheEnvelopeOnEveryPiece() {
        Input input = parser.parse("/me " + "x".repeat(1000), CURRENT);
        assertThat(((Input.Send) input).messages()).hasSizeGreaterThan(2)
                .allSatisfy(m -> assertThat(m.last()).startsWith("\u0001ACTION ").endsWith("\u0001"));
    }

    private static IrcMessage message(String wire) {
        return switch (LineParser.parse(wire)) {
            case ParseResult.Parsed parsed -> parsed.message();
            case ParseResult.Rejected rejected -> throw new AssertionError(wire + ": " + rejected);
        };
    }
}
