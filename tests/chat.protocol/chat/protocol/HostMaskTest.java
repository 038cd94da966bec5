package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostMaskTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "alice,                 alice!*@*",
        "alice!~a@10.0.0.1,     alice!~a@10.0.0.1",
        "~a@10.0.0.1,           *!~a@10.0.0.1",
        "alice!~a,              alice!~a@*",
        "*.example.com,         *!*@*.example.com",
        "2001:db8::1,           *!*@2001:db8::1",
        "!@,                    *!*@*",
        "*,                     *!*@*",
        "a!b!c@d,               a!b!c@d",
    })
    void normaliseFillsTheMissingParts(String given, String expected) {
        assertThat(HostMask.normalise(given)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "*!*@*,              alice!~a@127.0.0.1,   true",
        "alice!*@*,          alice!~a@127.0.0.1,   true",
        "alice!*@*,          alicia!~a@127.0.0.1,  false",
        "al?ce!*@*,          alice!~a@127.0.0.1,   true",
        "al?ce!*@*,          allice!~a@127.0.0.1,  false",
        "*!*@127.0.0.*,      bob!~b@127.0.0.1,     true",
        "*!*@127.0.0.*,      bob!~b@127.0.1.1,     false",
        "a*b*c,              axxbyyc,              true",
        "a*b*c,              axxbyy,               false",
        "*a*a*a*a*a*b,       aaaaaaaaaaaaaaaaaaaa, false",
        "**,                 '',                   true",
        "?,                  '',                   false",
        "'',                 '',                   true",
        "abc,                abcd,                 false",
    })
    void wildcardsMatchRunsAndSingleCharacters(String pattern, String text, boolean expected) {
        assertThat(HostMask.matches(pattern, text, CaseMapping.ASCII)).isEqualTo(expected);
    }

    @Test
    void matchingIgnoresCaseUnderTheCasemapping() {
        assertThat(HostMask.matches("ALICE!*@*", "alice!~a@h", CaseMapping.ASCII)).isTrue();
        assertThat(HostMask.matches("*!*@HOST.example", "x!y@host.EXAMPLE", CaseMapping.ASCII)).isTrue();
        // rfc1459: [ ] \ ~ are the upper case of { } | ^
        assertThat(HostMask.matches("[ops]!*@*", "{OPS}!~u@h", CaseMapping.RFC1459)).isTrue();
        assertThat(HostMask.matches("a\\b!*@*", "A|B!~u@h", CaseMapping.RFC1459)).isTrue();
        assertThat(HostMask.matches("[ops]!*@*", "{ops}!~u@h", CaseMapping.ASCII)).isFalse();
    }

    @Test
    void onlyStarAndQuestionMarkAreWildcards() {
        assertThat(HostMask.glob("a.c", "abc")).isFalse();
        assertThat(HostMask.glob("a[b]c", "abc")).isFalse();
        assertThat(HostMask.hasWildcard("#dev*")).isTrue();
        assertThat(HostMask.hasWildcard("#dev")).isFalse();
    }

    @Test
    void aStarStaysAWildcardWhereTheTextHasAStar() {
        assertThat(HostMask.glob("*a", "*xa")).isTrue();
        assertThat(HostMask.glob("*!~a*b@*", "n!~a*xb@h")).isTrue();
        assertThat(HostMask.glob("a*", "a*")).isTrue();
        assertThat(HostMask.glob("*", "*")).isTrue();
        assertThat(HostMask.glob("a*c", "a*b")).isFalse();
    }
}
