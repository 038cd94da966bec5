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
                Arguments.of("/raw privmsg #x :a b", "PRIVMSG #x :a b"),
                Arguments.of("/kick bob", "KICK #lobby bob"),
                Arguments.of("/kick bob spamming links", "KICK #lobby bob :spamming links"),
                Arguments.of("/kick #dev bob", "KICK #dev bob"),
                Arguments.of("/kick #dev bob off topic", "KICK #dev bob :off topic"),
                Arguments.of("/ban bob", "MODE #lobby +b bob!*@*"),
                Arguments.of("/ban *!*@spam.example", "MODE #lobby +b *!*@spam.example"),
                Arguments.of("/ban ~u@host", "MODE #lobby +b *!~u@host"),
                Arguments.of("/ban bob!u", "MODE #lobby +b bob!u@*"),
                Arguments.of("/ban m:troll!*@*", "MODE #lobby +b m:troll!*@*"),
                Arguments.of("/ban #dev bob", "MODE #dev +b bob!*@*"),
                Arguments.of("/ban", "MODE #lobby +b"),
                Arguments.of("/ban #dev", "MODE #dev +b"),
                Arguments.of("/unban bob", "MODE #lobby -b bob!*@*"),
                Arguments.of("/unban #dev  bob!*@*", "MODE #dev -b bob!*@*"),
                Arguments.of("/mute bob", "MODE #lobby +q bob!*@*"),
                Arguments.of("/mute", "MODE #lobby +q"),
                Arguments.of("/unmute bob", "MODE #lobby -q bob!*@*"),
                Arguments.of("/unmute #dev *!*@h", "MODE #dev -q *!*@h"),
                Arguments.of("/mode", "MODE #lobby"),
                Arguments.of("/mode +m", "MODE #lobby +m"),
                Arguments.of("/mode +o  bob", "MODE #lobby +o bob"),
                Arguments.of("/mode -k secret", "MODE #lobby -k secret"),
                Arguments.of("/mode #dev", "MODE #dev"),
                Arguments.of("/mode #dev +lk 10 key", "MODE #dev +lk 10 key"),
                Arguments.of("/mode me +i", "MODE me +i"),
                Arguments.of("/invite bob", "INVITE bob #lobby"),
                Arguments.of("/invite bob #dev", "INVITE bob #dev"),
                Arguments.of("/whois bob", "WHOIS bob"),
                Arguments.of("/whois  bob ", "WHOIS bob"),
                Arguments.of("/who", "WHO #lobby"),
                Arguments.of("/who #dev", "WHO #dev"),
                Arguments.of("/who b*", "WHO b*"),
                Arguments.of("/who #dev o", "WHO #dev o"),
                Arguments.of("/list", "LIST"),
                Arguments.of("/list #d*", "LIST #d*"),
                Arguments.of("/away", "AWAY"),
                Arguments.of("/away   ", "AWAY"),
                Arguments.of("/away gone to lunch", "AWAY :gone to lunch"),
                Arguments.of("/away brb", "AWAY brb"),
                Arguments.of("/oper admin s3cret", "OPER admin s3cret"),
                Arguments.of("/kill bob flooding the lobby", "KILL bob :flooding the lobby"),
                Arguments.of("/kill bob spam", "KILL bob spam"));
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
                Arguments.of("/frob bob", CURRENT, "unknown command /frob; type /help for the list"),
                Arguments.of("/kick", CURRENT, "usage: /kick [#channel] <nick> [reason]"),
                Arguments.of("/kick #dev", CURRENT, "usage: /kick [#channel] <nick> [reason]"),
                Arguments.of("/ban a b", CURRENT, "usage: /ban [#channel] [nick|mask]"),
                Arguments.of("/unban", CURRENT, "usage: /unban [#channel] <nick|mask>"),
                Arguments.of("/unban #dev", CURRENT, "usage: /unban [#channel] <nick|mask>"),
                Arguments.of("/unmute", CURRENT, "usage: /unmute [#channel] <nick|mask>"),
                Arguments.of("/invite", CURRENT, "usage: /invite <nick> [#channel]"),
                Arguments.of("/invite a #b c", CURRENT, "usage: /invite <nick> [#channel]"),
                Arguments.of("/whois", CURRENT, "usage: /whois <nick>"),
                Arguments.of("/whois a b", CURRENT, "usage: /whois <nick>"),
                Arguments.of("/who a b c", CURRENT, "usage: /who [#channel|mask]"),
                Arguments.of("/list a b", CURRENT, "usage: /list [mask]"),
                Arguments.of("/oper admin", CURRENT, "usage: /oper <name> <password>"),
                Arguments.of("/oper a b c", CURRENT, "usage: /oper <name> <password>"),
                Arguments.of("/kill bob", CURRENT, "usage: /kill <nick> <reason>"),
                Arguments.of("/kill", CURRENT, "usage: /kill <nick> <reason>"),
                Arguments.of("/kick bob", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/ban bob", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/unmute bob", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/mode +m", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/mode", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/invite bob", null, "you are in no channel: /join one, or /msg someone"),
                Arguments.of("/who", null, "you are in no channel: /join one, or /msg someone"),
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
                "/help", "//", "/kick", "/ban", "/unban", "/mute", "/unmute", "/mode", "/invite", "/whois", "/who",
                "/list", "/away", "/oper", "/kill")) {
            assertThat(lines).filteredOn(l -> l.strip().startsWith(command + " ") || l.strip().startsWith(command + "<"))
                    .as(command).hasSize(1);
        }
    }

    static Stream<Arguments> elsewhere() {
        return Stream.of(
                Arguments.of("/kick #dev bob", "KICK #dev bob"),
                Arguments.of("/ban #dev bob", "MODE #dev +b bob!*@*"),
                Arguments.of("/mode bob +i", "MODE bob +i"),
                Arguments.of("/invite bob #dev", "INVITE bob #dev"),
                Arguments.of("/who b*", "WHO b*"),
                Arguments.of("/whois bob", "WHOIS bob"),
                Arguments.of("/list", "LIST"),
                Arguments.of("/away", "AWAY"),
                Arguments.of("/oper admin pw", "OPER admin pw"),
                Arguments.of("/kill bob bye", "KILL bob bye"));
    }

    @ParameterizedTest(name = "{0} in no channel -> {1}")
    @MethodSource("elsewhere")
    void commandsNamingTheirTargetWorkInNoChannel(String typed, String wire) {
        assertThat(parser.parse(typed, null)).isEqualTo(new Input.Send(List.of(message(wire)), null));
    }

    @Test
    void switchingNamesATargetOrANumber() {
        assertThat(parser.parse("/switch #dev", CURRENT)).isEqualTo(new Input.Switch("#dev", 0));
        assertThat(parser.parse("/switch bob", CURRENT)).isEqualTo(new Input.Switch("bob", 0));
        assertThat(parser.parse("/query bob", CURRENT)).isEqualTo(new Input.Switch("bob", 0));
        assertThat(parser.parse("/switch", CURRENT)).isEqualTo(new Input.Switch(null, 0));
        assertThat(parser.parse("/3", CURRENT)).isEqualTo(new Input.Switch(null, 3));
        assertThat(parser.parse("/switch #a #b", CURRENT)).isInstanceOf(Input.Problem.class);
        assertThat(parser.parse("/query #dev", CURRENT)).isInstanceOf(Input.Problem.class);
        assertThat(parser.parse("/0", CURRENT)).isInstanceOf(Input.Problem.class);
        assertThat(parser.parse("/3 text", CURRENT)).isInstanceOf(Input.Problem.class);
    }

    @Test
    void commandWordsAreThereToComplete() {
        assertThat(parser.commands()).contains("/msg", "/join", "/switch", "/history", "/monitor", "/quit")
                .allMatch(c -> c.startsWith("/"));
    }

    @Test
    void monitorAddsRemovesOrAsksWhoIsOn() {
        assertThat(parser.parse("/monitor", CURRENT)).isEqualTo(new Input.Send(List.of(message("MONITOR S")), null));
        assertThat(parser.parse("/monitor bob,carol -dave", CURRENT)).isEqualTo(new Input.Send(
                List.of(message("MONITOR - dave"), message("MONITOR + bob,carol")), null));
        assertThat(parser.parse("/monitor -", CURRENT)).isInstanceOf(Input.Problem.class);
    }

    @Test
    void helpSummariesStartInOneColumn() {
        assertThat(parser.help()).hasSize(37)
                .filteredOn(line -> line.startsWith("  /") || line.startsWith("  <") || line.startsWith("  !") || line.startsWith("  ["))
                .hasSize(35).allSatisfy(line -> {
            assertThat(line.charAt(38)).as(line).isEqualTo(' ');
            assertThat(line.charAt(39)).as(line).isNotEqualTo(' ');
        });
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
