package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineWriterTest {

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(IrcMessage.of("NICK", "alice"), "NICK alice"),
                Arguments.of(IrcMessage.of("PING"), "PING"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#a", "hello world"), "PRIVMSG #a :hello world"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#a", ""), "PRIVMSG #a :"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#a", ":)"), "PRIVMSG #a ::)"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#a", "a:b"), "PRIVMSG #a a:b"),
                Arguments.of(IrcMessage.of("CMD", "a b", "c"), "CMD a_b c"),
                Arguments.of(IrcMessage.of("CMD", "", "c"), "CMD * c"),
                Arguments.of(IrcMessage.of("CMD", ":x", "c"), "CMD *:x c"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#a", "one\r\nQUIT :x"), "PRIVMSG #a :one  QUIT :x"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#a", "nul\0here"), "PRIVMSG #a :nul here"),
                Arguments.of(IrcMessage.of("CMD", "a\nb", "c"), "CMD a_b c"),
                Arguments.of(IrcMessage.from("nick!u@h", "PRIVMSG", "bob", "hi"), ":nick!u@h PRIVMSG bob hi"),
                Arguments.of(IrcMessage.from("srv", "001", "me", "Welcome home"), ":srv 001 me :Welcome home"),
                Arguments.of(IrcMessage.of("TAGMSG", "#a").withTags(Map.of("k", "")), "@k TAGMSG #a"),
                Arguments.of(IrcMessage.of("TAGMSG", "#a").withTags(Map.of("k", "a b;c\\d\r\n")),
                        "@k=a\\sb\\:c\\\\d\\r\\n TAGMSG #a"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("formats")
    void formatsMessages(IrcMessage message, String wire) {
        assertThat(LineWriter.format(message)).isEqualTo(wire);
    }

    @Test
    void formatsSeveralTagsSeparatedBySemicolons() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("a", "1");
        tags.put("b", "");
        tags.put("+c/d", "x y");

        String wire = LineWriter.format(new IrcMessage(tags, "s", "CMD", List.of("p")));

        assertThat(wire).startsWith("@").endsWith(" :s CMD p");
        String section = wire.substring(1, wire.indexOf(' '));
        assertThat(section.split(";")).containsExactlyInAnyOrder("a=1", "b", "+c/d=x\\sy");
    }

    @Test
    void encodeAppendsCrLfAndUsesUtf8() {
        byte[] wire = LineWriter.encode(IrcMessage.of("PRIVMSG", "#a", "caf\u00e9"));

        assertThat(wire).isEqualTo("PRIVMSG #a caf\u00e9\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void toStringIsTheWireForm() {
        assertThat(IrcMessage.from("s", "PRIVMSG", "#a", "x y")).hasToString(":s PRIVMSG #a :x y");
    }

    static Stream<IrcMessage> roundTrips() {
        return Stream.of(
                IrcMessage.of("PING"),
                IrcMessage.of("NICK", "alice"),
                IrcMessage.of("PRIVMSG", "#a", "hello world"),
                IrcMessage.of("PRIVMSG", "#a", ""),
                IrcMessage.of("PRIVMSG", "#a", ":-)"),
                IrcMessage.of("PRIVMSG", "#a", "  leading and trailing  "),
                IrcMessage.of("USER", "u", "0", "*", "Real Name"),
                IrcMessage.from("n!u@h", "PRIVMSG", "#\u00e9t\u00e9", "caf\u00e9 \u2603 \uD83D\uDE00"),
                IrcMessage.from("srv", "353", "me", "=", "#a", "@alice bob"),
                new IrcMessage(Map.of("a", "x;y z\\w", "b", "", "+draft/r", "\r\n"), "n!u@h", "TAGMSG", List.of("#a")),
                new IrcMessage(Map.of("time", "2024-01-01T00:00:00.000Z"), null, "PRIVMSG", List.of("bob", "hi there")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void parsingTheWrittenLineGivesTheMessageBack(IrcMessage message) {
        byte[] wire = LineWriter.encode(message);

        assertThat(wire[wire.length - 2]).isEqualTo((byte) '\r');
        assertThat(wire[wire.length - 1]).isEqualTo((byte) '\n');
        assertThat(LineParser.parse(wire, 0, wire.length - 2)).isEqualTo(new ParseResult.Parsed(message));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "PRIVMSG #a :hello world",
        ":n!u@h PRIVMSG bob :hi",
        "@a=b\\sc;d :s 353 me = #a :@alice bob",
        "CMD a b c",
        "CMD a :",
        "CMD ::x"})
    void writingAParsedLineAndParsingItAgainIsStable(String raw) {
        IrcMessage first = ((ParseResult.Parsed) LineParser.parse(raw)).message();

        assertThat(LineParser.parse(LineWriter.format(first))).isEqualTo(new ParseResult.Parsed(first));
    }

    @Test
    void writtenLineNeverHoldsMoreThanOneLine() {
        IrcMessage hostile = IrcMessage.of("PRIVMSG", "a\rb", "x\r\nQUIT :gotcha\n\0");

        byte[] wire = LineWriter.encode(hostile);

        for (int i = 0; i < wire.length - 2; i++) {
            assertThat(wire[i]).as("byte %d", i).isNotIn((byte) '\r', (byte) '\n', (byte) 0);
        }
    }

    @Test
    void encodeWithinLeavesAShortLineAlone() {
        IrcMessage m = IrcMessage.from("n!u@h", "PRIVMSG", "#a", "short");

        assertThat(LineWriter.encodeWithin(m)).isEqualTo(LineWriter.encode(m));
    }

    @Test
    void encodeWithinLeavesALineOfExactly512BytesAlone() {
        String prefix = ":s PRIVMSG #a ";
        IrcMessage m = IrcMessage.from("s", "PRIVMSG", "#a", "x".repeat(510 - prefix.length()));

        assertThat(LineWriter.encode(m)).hasSize(512);
        assertThat(LineWriter.encodeWithin(m)).isEqualTo(LineWriter.encode(m));
    }

    @ParameterizedTest(name = "text of {0} bytes")
    @ValueSource(ints = {100, 483, 484, 485, 600, 2000})
    void encodeWithinCutsTheLastParameterToFit512Bytes(int textBytes) {
        String text = "y".repeat(textBytes);
        IrcMessage m = IrcMessage.from("nick!user@host", "PRIVMSG", "#a", text);

        byte[] wire = LineWriter.encodeWithin(m);

        assertThat(wire.length).isLessThanOrEqualTo(LineParser.MAX_LINE_BYTES);
        IrcMessage back = parsed(wire);
        assertThat(back.params()).hasSize(2);
        assertThat(text).startsWith(back.last());
        if (LineWriter.encode(m).length > LineParser.MAX_LINE_BYTES) {
            assertThat(wire).hasSize(LineParser.MAX_LINE_BYTES);
        } else {
            assertThat(back).isEqualTo(m);
        }
    }

    @ParameterizedTest(name = "padding {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void encodeWithinCutsAtACharacterBoundary(int padding) {
        // Three-byte and four-byte characters, shifted so the cut falls at every position inside them.
        String text = "p".repeat(padding) + "\u20ac\uD83D\uDE00".repeat(200);
        IrcMessage m = IrcMessage.from("nick!user@host", "PRIVMSG", "#a", text);

        byte[] wire = LineWriter.encodeWithin(m);

        assertThat(wire.length).isBetween(LineParser.MAX_LINE_BYTES - 3, LineParser.MAX_LINE_BYTES);
        IrcMessage back = parsed(wire);
        assertThat(text).startsWith(back.last());
        assertThat(back.last()).isNotEmpty();
    }

    @Test
    void encodeWithinKeepsTagsWholeAndLimitsOnlyTheRest() {
        Map<String, String> tags = Map.of("label", "z".repeat(1000));
        IrcMessage m = new IrcMessage(tags, "nick!user@host", "PRIVMSG", List.of("#a", "w".repeat(700)));

        byte[] wire = LineWriter.encodeWithin(m);

        int space = indexOf(wire, (byte) ' ');
        assertThat(wire.length - (space + 1)).isEqualTo(LineParser.MAX_LINE_BYTES);
        IrcMessage back = parsed(wire);
        assertThat(back.tags()).isEqualTo(tags);
        assertThat(back.param(0)).isEqualTo("#a");
        assertThat(m.last()).startsWith(back.last());
    }

    @Test
    void encodeWithinKeepsACutTrailingParameterWithSpacesIntact() {
        IrcMessage m = IrcMessage.from("n!u@h", "PRIVMSG", "#a", "word ".repeat(200));

        IrcMessage back = parsed(LineWriter.encodeWithin(m));

        assertThat(back.params()).hasSize(2);
        assertThat(m.last()).startsWith(back.last());
    }

    static Stream<Arguments> oversized() {
        String huge = "m".repeat(600);
        return Stream.of(
                Arguments.of("long last", IrcMessage.from("n!u@h", "PRIVMSG", "#a", "w ".repeat(400))),
                Arguments.of("long middle, spaced last", IrcMessage.from("srv", "421", "alice", huge, "Unknown command")),
                Arguments.of("long middle, one-word last", IrcMessage.from("srv", "CMD", huge, "x")),
                Arguments.of("long middle, empty last", IrcMessage.from("srv", "CMD", huge, "")),
                Arguments.of("two long middles", IrcMessage.from("srv", "CMD", huge, huge, "end")),
                Arguments.of("long middle of 3-byte characters", IrcMessage.from("srv", "CMD", "\u20ac".repeat(300), "x")),
                Arguments.of("tagged", new IrcMessage(Map.of("t", "v".repeat(900)), "srv", "CMD", List.of(huge, "x"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversized")
    void encodeWithinAlwaysFits512Bytes(String shape, IrcMessage m) {
        byte[] wire = LineWriter.encodeWithin(m);

        int tagBytes = wire[0] == '@' ? indexOf(wire, (byte) ' ') + 1 : 0;
        assertThat(wire.length - tagBytes).isLessThanOrEqualTo(LineParser.MAX_LINE_BYTES);
        IrcMessage back = parsed(wire);
        assertThat(back.params()).hasSameSizeAs(m.params());
        assertThat(back.command()).isEqualTo(m.command());
        assertThat(back.tags()).isEqualTo(m.tags());
    }

    private static IrcMessage parsed(byte[] wire) {
        assertThat(Arrays.copyOfRange(wire, wire.length - 2, wire.length)).isEqualTo(new byte[] {'\r', '\n'});
        ParseResult result = LineParser.parse(wire, 0, wire.length - 2);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).message();
    }

    private static int indexOf(byte[] buf, byte b) {
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] == b) return i;
        }
        return -1;
    }
}
