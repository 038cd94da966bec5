package chat.bots.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesTest {

    @Test
    void defaultsThenConfigThenChannel() {
        Rules r = Rules.of(Map.of("flood", "5/3s", "caps", "off"), Map.of("flood", "10/20s", "links", "a.org, b.net"));
        assertThat(r.floodLines()).isEqualTo(10);
        assertThat(r.floodWindow()).isEqualTo(Duration.ofSeconds(20));
        assertThat(r.capsPercent()).isZero();
        assertThat(r.repeats()).isEqualTo(3);
        assertThat(r.linkHosts()).containsExactly("a.org", "b.net");
    }

    @Test
    void badValuesAreRefusedWithAReason() {
        assertThatThrownBy(() -> Rules.validate("flood", "1/5s")).hasMessageContaining("COUNT at least 2");
        assertThatThrownBy(() -> Rules.validate("caps", "20")).hasMessageContaining("50 to 100");
        assertThatThrownBy(() -> Rules.validate("words", "(")).hasMessageContaining("not a pattern");
        assertThatThrownBy(() -> Rules.validate("links", "a b/c")).hasMessageContaining("not a host name");
        assertThatThrownBy(() -> Rules.validate("colour", "x")).hasMessageContaining("no rule colour");
    }

    @Test
    void stepsParse() {
        assertThat(Step.parseAll("warn, quiet 30s, kick, ban 1h30m")).extracting(Step::describe)
                .containsExactly("a warning", "quiet for 30s", "a kick", "a ban for 1h30m");
        assertThatThrownBy(() -> Step.parseAll("quiet")).hasMessageContaining("needs a time");
        assertThatThrownBy(() -> Step.parseAll("slap")).hasMessageContaining("not a step");
    }
}
