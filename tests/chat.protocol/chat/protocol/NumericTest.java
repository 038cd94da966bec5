package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NumericTest {

    @Test
    void codesAreThreeDigitsAndUnique() {
        assertThat(Numeric.values()).allSatisfy(n -> assertThat(n.code()).matches("[0-9]{3}"));
        assertThat(Arrays.stream(Numeric.values()).map(Numeric::code)).doesNotHaveDuplicates();
    }

    @Test
    void findsNumericByCode() {
        assertThat(Numeric.ofCode("001")).isEqualTo(Numeric.RPL_WELCOME);
        assertThat(Numeric.ofCode("401")).isEqualTo(Numeric.ERR_NOSUCHNICK);
        assertThat(Numeric.ofCode("433")).isEqualTo(Numeric.ERR_NICKNAMEINUSE);
        assertThat(Numeric.ofCode("999")).isNull();
    }

    @Test
    void everyNumericIsFoundByItsOwnCode() {
        for (Numeric n : Numeric.values()) assertThat(Numeric.ofCode(n.code())).isSameAs(n);
    }
}
