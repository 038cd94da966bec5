package chat.client.input;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.LineParser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextChunksTest {

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("short", 10, List.of("short")),
                Arguments.of("exactly10!", 10, List.of("exactly10!")),
                Arguments.of("aaaa bbbb cccc", 10, List.of("aaaa bbbb", "cccc")),
                Arguments.of("aaaaaaaaaaaaaaa", 10, List.of("aaaaaaaaaa", "aaaaa")),
                Arguments.of("ééééééé", 10, List.of("ééééé", "éé")),
                Arguments.of("😀😀😀", 10, List.of("😀😀", "😀")));
    }

    @ParameterizedTest(name = "{0} in {1} bytes -> {2}")
    @MethodSource("splits")
    void splits(String text, int max, List<String> pieces) {
        List<String> actual = TextChunks.split(text, max);
        assertThat(actual).isEqualTo(pieces);
        assertThat(actual).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(max));
    }

    @Test
    void budgetLeavesRoomForTheRelayPrefix() {
        int budget = TextChunks.budget("PRIVMSG", "#lobby", 0);
        int line = "PRIVMSG #lobby :".length() + budget + 2 + TextChunks.RELAY_PREFIX_BYTES;
        assertThat(line).isEqualTo(LineParser.MAX_LINE_BYTES);
    }
}
