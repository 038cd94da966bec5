package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseMappingTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiterString = "=>", value = {
        "ASCII => alice => alice",
        "ASCII => ALICE => alice",
        "ASCII => Al1ce-_Z => al1ce-_z",
        "ASCII => Nick[]\\~ => nick[]\\~",
        "ASCII => {}|^ => {}|^",
        "ASCII => #Lobby => #lobby",
        "ASCII => \u00c9T\u00c9 => \u00c9t\u00c9",
        "RFC1459 => ALICE => alice",
        "RFC1459 => Nick[]\\~ => nick{}|^",
        "RFC1459 => [\\]~ => {|}^",
        "RFC1459 => {}|^ => {}|^",
        "RFC1459 => #Chan[1] => #chan{1}",
        "RFC1459 => \u00c9T\u00c9 => \u00c9t\u00c9",
        "RFC1459 => @` => @`",
    })
    void folds(CaseMapping mapping, String name, String folded) {
        assertThat(mapping.fold(name)).isEqualTo(folded);
    }

    @ParameterizedTest(name = "{0}: {1} vs {2} -> {3}")
    @CsvSource(delimiterString = "=>", value = {
        "ASCII => alice => ALICE => true",
        "ASCII => a[b] => A[B] => true",
        "ASCII => a[b] => a{b} => false",
        "ASCII => x~ => x^ => false",
        "RFC1459 => a[b] => A{B} => true",
        "RFC1459 => x~\\ => X^| => true",
        "RFC1459 => alice => alicf => false",
        "RFC1459 => alice => alice_ => false",
        "RFC1459 => #Lobby => #LOBBY => true",
    })
    void comparesIgnoringCase(CaseMapping mapping, String a, String b, boolean equal) {
        assertThat(mapping.equal(a, b)).isEqualTo(equal);
        assertThat(mapping.equal(b, a)).isEqualTo(equal);
    }

    @Test
    void foldReturnsTheSameStringWhenNothingFolds() {
        String name = "already-lower{}|^";

        assertThat(CaseMapping.RFC1459.fold(name)).isSameAs(name);
        assertThat(CaseMapping.ASCII.fold(name)).isSameAs(name);
    }

    @Test
    void foldIsIdempotent() {
        for (CaseMapping m : CaseMapping.values()) {
            String once = m.fold("MiXeD[Case]\\~Name");
            assertThat(m.fold(once)).isEqualTo(once);
        }
    }

    @Test
    void emptyNameFoldsToItself() {
        assertThat(CaseMapping.RFC1459.fold("")).isEmpty();
        assertThat(CaseMapping.RFC1459.equal("", "")).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
        "ascii, ASCII",
        "rfc1459, RFC1459",
        "RFC1459, RFC1459",
        "strict-rfc1459, null",
        "rfc7613, null",
        "'', null",
    })
    void findsMappingByIsupportToken(String token, CaseMapping mapping) {
        assertThat(CaseMapping.ofToken(token)).isEqualTo(mapping);
    }

    @Test
    void tokensAreTheIsupportValues() {
        assertThat(CaseMapping.ASCII.token()).isEqualTo("ascii");
        assertThat(CaseMapping.RFC1459.token()).isEqualTo("rfc1459");
    }
}
