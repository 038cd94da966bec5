package chat.server.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserHostMaskTest {

    @ParameterizedTest(name = "{0} vs {1}@{2}: {3}")
    @CsvSource({
            "*@*,                  ~alice,  127.0.0.1,        true",
            "*@127.0.0.1,          ~alice,  127.0.0.1,        true",
            "*@127.0.0.1,          ~alice,  127.0.0.2,        false",
            "*@::1,                ~alice,  0:0:0:0:0:0:0:1,  true",
            "*@::1,                ~alice,  127.0.0.1,        false",
            "*@10.0.0.0/8,         ~bob,    10.9.8.7,         true",
            "~bob@10.0.0.0/8,      ~BOB,    10.9.8.7,         true",
            "~bob@10.0.0.0/8,      ~bobby,  10.9.8.7,         false",
            "*bob*@*,              ~bobby,  10.9.8.7,         true",
            "?bob@*,               ~bob,    10.9.8.7,         true",
            "?bob@*,               bob,     10.9.8.7,         false",
            "*@10.0.*,             ~x,      10.0.3.4,         true",
            "*@10.0.*,             ~x,      10.1.3.4,         false",
            "*@*.example.com,      ~x,      a.b.Example.COM,  true",
            "*@*.example.com,      ~x,      example.com,      false",
            "a*b*c@*,              ~aXbYc,  h,                false",
            "*a*b*c@*,             ~aXbYc,  h,                true",
    })
    void matches(String mask, String user, String host, boolean expected) {
        assertThat(UserHostMask.parse(mask).matches(user, host)).isEqualTo(expected);
    }

    @Test
    void canonicalForm() {
        assertThat(UserHostMask.parse("example.com")).hasToString("*@example.com");
        assertThat(UserHostMask.parse("~Bob@HOST.Example")).hasToString("~Bob@host.example");
        assertThat(UserHostMask.parse("*@10.1.2.3")).hasToString("*@10.1.2.3");
        assertThat(UserHostMask.parse("*@10.1.2.3/16")).hasToString("*@10.1.0.0/16");
    }

    @Test
    void knowsWhenItMatchesEveryone() {
        assertThat(UserHostMask.parse("*@*").matchesEveryone()).isTrue();
        assertThat(UserHostMask.parse("**@0.0.0.0/0").matchesEveryone()).isTrue();
        assertThat(UserHostMask.parse("*@10.0.0.0/8").matchesEveryone()).isFalse();
        assertThat(UserHostMask.parse("~a@*").matchesEveryone()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"@host", "user@", "a@b@c", "us er@host", "user@10.0.0.0/40", "user@host/8", "n!u@h", "a,b@c"})
    void rejects(String text) {
        assertThatThrownBy(() -> UserHostMask.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void globDoesNotBlowUpOnManyStars() {
        String pattern = "*a".repeat(40) + "b";
        assertThat(UserHostMask.glob(pattern, "a".repeat(5000))).isFalse();
    }
}
