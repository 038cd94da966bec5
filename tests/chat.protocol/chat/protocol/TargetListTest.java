package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetListTest {

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("a", List.of("a")),
                Arguments.of("a,b,#c", List.of("a", "b", "#c")),
                Arguments.of("a,,b", List.of("a", "b")),
                Arguments.of(",a,", List.of("a")),
                Arguments.of(",,,", List.of()),
                Arguments.of("", List.of()),
                Arguments.of("a,A,a", List.of("a", "A", "a")));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("lists")
    void splitsOnCommasDroppingEmptyItems(String list, List<String> items) {
        assertThat(TargetList.split(list)).isEqualTo(items);
    }

    @Test
    void nullIsAnEmptyList() {
        assertThat(TargetList.split(null)).isEmpty();
    }
}
