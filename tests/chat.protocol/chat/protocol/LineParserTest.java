package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineParserTest {

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                // raw line, tags, source, command, params
                Arguments.of("NICK alice", Map.of(), null, "NICK", List.of("alice")),
                Arguments.of("nick alice", Map.of(), null, "NICK", List.of("alice")),
                Arguments.of("PING", Map.of(), null, "PING", List.of()),
                Arguments.of("PRIVMSG #a :hello world", Map.of(), null, "PRIVMSG", List.of("#a", "hello world")),
                Arguments.of("PRIVMSG #a hello", Map.of(), null, "PRIVMSG", List.of("#a", "hello")),
                Arguments.of("USER u 0 * :Real Name", Map.of(), null, "USER", List.of("u", "0", "*", "Real Name")),
                Arguments.of("CMD a  b   c", Map.of(), null, "CMD", List.of("a", "b", "c")),
                Arguments.of("   CMD a", Map.of(), null, "CMD", List.of("a")),
                Arguments.of("CMD a ", Map.of(), null, "CMD", List.of("a")),
                Arguments.of("CMD :", Map.of(), null, "CMD", List.of("")),
                Arguments.of("CMD a b :", Map.of(), null, "CMD", List.of("a", "b", "")),
                Arguments.of("CMD a : x ", Map.of(), null, "CMD", List.of("a", " x ")),
                Arguments.of("CMD a :b:c :d", Map.of(), null, "CMD", List.of("a", "b:c :d")),
                Arguments.of("CMD a:b", Map.of(), null, "CMD", List.of("a:b")),
                Arguments.of("CMD ::x", Map.of(), null, "CMD", List.of(":x")),
                Arguments.of("001 me :Welcome", Map.of(), null, "001", List.of("me", "Welcome")),
                Arguments.of(":nick!u@h PRIVMSG bob :hi", Map.of(), "nick!u@h", "PRIVMSG", List.of("bob", "hi")),
                Arguments.of(":srv   PING   x", Map.of(), "srv", "PING", List.of("x")),
                Arguments.of("@a=b;c PRIVMSG x :y", Map.of("a", "b", "c", ""), null, "PRIVMSG", List.of("x", "y")),
                Arguments.of("@a=one\\stwo\\:three CMD", Map.of("a", "one two;three"), null, "CMD", List.of()),
                Arguments.of("@a=1;a=2 CMD", Map.of("a", "2"), null, "CMD", List.of()),
                Arguments.of("@a= CMD", Map.of("a", ""), null, "CMD", List.of()),
                Arguments.of("@;a=1; CMD", Map.of("a", "1"), null, "CMD", List.of()),
                Arguments.of("@=x;b CMD", Map.of("b", ""), null, "CMD", List.of()),
                Arguments.of("@+draft/reply=12 TAGMSG #a", Map.of("+draft/reply", "12"), null, "TAGMSG", List.of("#a")),
                Arguments.of("@t=1  :s!u@h CMD p", Map.of("t", "1"), "s!u@h", "CMD", List.of("p")),
                Arguments.of("PRIVMSG #a :h\u00e9llo \u2603", Map.of(), null, "PRIVMSG", List.of("#a", "h\u00e9llo \u2603")),
                Arguments.of("PRIVMSG #\u00e9t\u00e9 :x", Map.of(), null, "PRIVMSG", List.of("#\u00e9t\u00e9", "x")),
                // #15: unknown words parse; the dispatcher answers them 421
                Arguments.of("12 x", Map.of(), null, "12", List.of("x")),
                Arguments.of("1234 x", Map.of(), null, "1234", List.of("x")),
                Arguments.of("priv1msg x", Map.of(), null, "PRIV1MSG", List.of("x")),
                Arguments.of("@label=a NONEXISTENT_COMMAND", Map.of("label", "a"), null, "NONEXISTENT_COMMAND", List.of()),
                Arguments.of("\u00c9T\u00c9 x", Map.of(), null, "\u00c9T\u00c9", List.of("x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void parsesWellFormedLines(String raw, Map<String, String> tags, String source, String command, List<String> params) {
        assertThat(LineParser.parse(raw))
                .isEqualTo(new ParseResult.Parsed(new IrcMessage(tags, source, command, params)));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // raw line, error, command word read for the error reply
                Arguments.of("", ParseError.EMPTY, null),
                Arguments.of("    ", ParseError.EMPTY, null),
                Arguments.of("@a=b", ParseError.NO_COMMAND, null),
                Arguments.of("@a=b ", ParseError.NO_COMMAND, null),
                Arguments.of("@a=b    ", ParseError.NO_COMMAND, null),
                Arguments.of(":src", ParseError.NO_COMMAND, null),
                Arguments.of(":src ", ParseError.NO_COMMAND, null),
                Arguments.of("@t :src ", ParseError.NO_COMMAND, null),
                Arguments.of("PRIVMSG #a :a\0b", ParseError.NUL_BYTE, "PRIVMSG"),
                Arguments.of(":n!u@h privmsg #a :\0", ParseError.NUL_BYTE, "PRIVMSG"),
                Arguments.of("@a=\0 NICK x", ParseError.NUL_BYTE, "NICK"),
                Arguments.of("\0", ParseError.NUL_BYTE, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformed")
    void rejectsMalformedLines(String raw, ParseError error, String command) {
        assertThat(LineParser.parse(raw)).isEqualTo(new ParseResult.Rejected(error, command));
    }

    static Stream<Arguments> badUtf8() {
        return Stream.of(
                Arguments.of(new byte[] {(byte) 0xff}, null),
                Arguments.of(bytes("PRIVMSG #a :", new byte[] {(byte) 0xff}), "PRIVMSG"),
                // overlong encoding of '/'
                Arguments.of(bytes("PRIVMSG #a :", new byte[] {(byte) 0xc0, (byte) 0xaf}), "PRIVMSG"),
                // truncated three-byte sequence at the end of the line
                Arguments.of(bytes("NOTICE b :x", new byte[] {(byte) 0xe2, (byte) 0x82}), "NOTICE"),
                // lone continuation byte inside a tag value
                Arguments.of(bytes("@a=", new byte[] {(byte) 0x80}, " TOPIC #a"), "TOPIC"),
                // an encoded UTF-16 surrogate is not UTF-8
                Arguments.of(bytes("PRIVMSG #a :", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}), "PRIVMSG"));
    }

    @ParameterizedTest
    @MethodSource("badUtf8")
    void rejectsInvalidUtf8(byte[] raw, String command) {
        assertThat(LineParser.parse(raw, 0, raw.length))
                .isEqualTo(new ParseResult.Rejected(ParseError.BAD_UTF8, command));
    }

    @Test
    void parsesOnlyTheGivenSliceOfTheBuffer() {
        byte[] buf = "xxNICK alice\r\nQUIT".getBytes(StandardCharsets.US_ASCII);

        assertThat(LineParser.parse(buf, 2, 10)).isEqualTo(new ParseResult.Parsed(IrcMessage.of("NICK", "alice")));
    }

    @Test
    void slicedBufferLimitsCountOnlyTheSlice() {
        String line = "PRIVMSG #a :" + "x".repeat(510 - 12);
        byte[] buf = ("y".repeat(600) + line + "z".repeat(600)).getBytes(StandardCharsets.US_ASCII);

        assertThat(LineParser.parse(buf, 600, line.length())).isInstanceOf(ParseResult.Parsed.class);
    }

    @ParameterizedTest(name = "{0} content bytes")
    @ValueSource(ints = {12, 100, 509, 510})
    void acceptsLinesUpTo510BytesBeforeCrLf(int contentBytes) {
        String raw = "PRIVMSG #a :" + "x".repeat(contentBytes - 12);

        ParseResult result = LineParser.parse(raw);

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) result).message().last()).hasSize(contentBytes - 12);
    }

    @ParameterizedTest(name = "{0} content bytes")
    @ValueSource(ints = {511, 512, 600, 5000})
    void rejectsLinesLongerThan510BytesBeforeCrLf(int contentBytes) {
        String raw = "PRIVMSG #a :" + "x".repeat(contentBytes - 12);

        assertThat(LineParser.parse(raw)).isEqualTo(new ParseResult.Rejected(ParseError.TOO_LONG, "PRIVMSG"));
    }

    @Test
    void lengthLimitCountsUtf8BytesNotCharacters() {
        // "PRIVMSG #a :" is 12 bytes; each e-acute is 2 bytes.
        String fits = "PRIVMSG #a :" + "\u00e9".repeat(249);
        String tooLong = "PRIVMSG #a :" + "\u00e9".repeat(250);

        assertThat(fits.length()).isLessThan(510);
        assertThat(LineParser.parse(fits)).isInstanceOf(ParseResult.Parsed.class);
        assertThat(LineParser.parse(tooLong)).isEqualTo(new ParseResult.Rejected(ParseError.TOO_LONG, "PRIVMSG"));
    }

    @Test
    void tooLongLineWithSourceStillNamesItsCommand() {
        String raw = ":n!u@h notice bob :" + "x".repeat(600);

        assertThat(LineParser.parse(raw)).isEqualTo(new ParseResult.Rejected(ParseError.TOO_LONG, "NOTICE"));
    }

    @Test
    void tooLongLineWithAnUnreadableCommandHasNone() {
        assertThat(LineParser.parse("PRIV.MSG " + "x".repeat(600)))
                .isEqualTo(new ParseResult.Rejected(ParseError.TOO_LONG, null));
        assertThat(LineParser.parse("A".repeat(17) + " " + "x".repeat(600)))
                .isEqualTo(new ParseResult.Rejected(ParseError.TOO_LONG, null));
    }

    /** A tag section of exactly {@code bytes} bytes, counting '@' and the trailing space. */
    private static String tags(int bytes) {
        return "@k=" + "v".repeat(bytes - 4) + " ";
    }

    @Test
    void tagSectionUpTo4096BytesIsAcceptedAndDoesNotCountTowardsTheLineLimit() {
        String body = "PRIVMSG #a :" + "x".repeat(510 - 12);
        String raw = tags(LineParser.MAX_TAGS_BYTES) + body;

        ParseResult result = LineParser.parse(raw);

        assertThat(raw.length()).isEqualTo(LineParser.MAX_TAGS_BYTES + 510);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        IrcMessage m = ((ParseResult.Parsed) result).message();
        assertThat(m.tags()).containsOnlyKeys("k");
        assertThat(m.tags().get("k")).hasSize(LineParser.MAX_TAGS_BYTES - 4);
        assertThat(m.last()).hasSize(498);
    }

    @Test
    void tagSectionOver4096BytesIsRejected() {
        String raw = tags(LineParser.MAX_TAGS_BYTES + 1) + "TAGMSG #a";

        assertThat(LineParser.parse(raw)).isEqualTo(new ParseResult.Rejected(ParseError.TAGS_TOO_LONG, "TAGMSG"));
    }

    @Test
    void tagsWithinLimitButBodyTooLongIsTooLong() {
        String raw = tags(100) + "PRIVMSG #a :" + "x".repeat(499);

        assertThat(LineParser.parse(raw)).isEqualTo(new ParseResult.Rejected(ParseError.TOO_LONG, "PRIVMSG"));
    }

    @Test
    void rawLineLimitIsBothPartsTogether() {
        assertThat(LineParser.MAX_RAW_LINE_BYTES).isEqualTo(LineParser.MAX_LINE_BYTES + LineParser.MAX_TAGS_BYTES);
    }

    @Test
    void parseOfStringAndOfBytesAgree() {
        String raw = "@a=b\\sc :n!u@h PRIVMSG #\u00e9 :caf\u00e9 \u2603";
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);

        assertThat(LineParser.parse(bytes, 0, bytes.length)).isEqualTo(LineParser.parse(raw));
    }

    private static byte[] bytes(Object... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p);
        }
        return out.toByteArray();
    }
}
