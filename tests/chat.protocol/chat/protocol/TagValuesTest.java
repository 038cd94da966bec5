package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagValuesTest {

    static Stream<Arguments> escapes() {
        return Stream.of(
                // raw value, escaped value
                Arguments.of("", ""),
                Arguments.of("plain", "plain"),
                Arguments.of(";", "\\:"),
                Arguments.of(" ", "\\s"),
                Arguments.of("\\", "\\\\"),
                Arguments.of("\r", "\\r"),
                Arguments.of("\n", "\\n"),
                Arguments.of("a b;c\\d\r\ne", "a\\sb\\:c\\\\d\\r\\ne"),
                Arguments.of("k=v", "k=v"),
                Arguments.of("caf\u00e9 \u2603", "caf\u00e9\\s\u2603"),
                Arguments.of("\\s", "\\\\s"));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("escapes")
    void escapesPerMessageTagsSpec(String raw, String escaped) {
        assertThat(TagValues.escape(raw)).isEqualTo(escaped);
    }

    @ParameterizedTest(name = "[{1}] -> [{0}]")
    @MethodSource("escapes")
    void unescapesWhatEscapeProduces(String raw, String escaped) {
        assertThat(TagValues.unescape(escaped)).isEqualTo(raw);
    }

    static Stream<Arguments> lenientUnescapes() {
        return Stream.of(
                // escaped value as received, value
                Arguments.of("\\b", "b"),
                Arguments.of("a\\", "a"),
                Arguments.of("\\", ""),
                Arguments.of("\\\\\\", "\\"),
                Arguments.of("\\S", "S"),
                Arguments.of("\\:\\:", ";;"),
                Arguments.of("x\\sy\\", "x y"));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("lenientUnescapes")
    void unescapeDropsUnknownEscapesAndTrailingBackslash(String escaped, String raw) {
        assertThat(TagValues.unescape(escaped)).isEqualTo(raw);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "abc", "a=b", "\u2603"})
    void valuesWithoutSpecialCharactersAreReturnedAsIs(String value) {
        assertThat(TagValues.escape(value)).isSameAs(value);
        assertThat(TagValues.unescape(value)).isSameAs(value);
    }

    @Test
    void escapedValueHoldsNoSeparator() {
        String escaped = TagValues.escape("a; b\r\nc d;");

        assertThat(escaped).doesNotContain(";", " ", "\r", "\n");
    }
}
