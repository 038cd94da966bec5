package chat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BytesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc\\ndef|0|7|3", "abcdefghijklmnop\\n|0|17|16", "\\n|0|1|0", "abcdefgh|0|8|-1",
            "abcdefgh\\nabc\\n|9|13|12", "ab\\ncdefghijklm|3|14|-1", "aaaaaaaa\\n|0|8|-1"})
    void findsTheFirstLineEndWithinTheRange(String text, int from, int to, int expected) {
        byte[] a = text.replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(Bytes.indexOf(a, from, to, (byte) '\n')).isEqualTo(expected);
    }

    @Test
    void agreesWithAPlainLoopOnRandomBytes() {
        Random random = new Random(42);
        byte[] a = new byte[300];
        for (int round = 0; round < 2000; round++) {
            for (int i = 0; i < a.length; i++) a[i] = (byte) random.nextInt(256);
            byte b = (byte) random.nextInt(256);
            int from = random.nextInt(a.length);
            int to = from + random.nextInt(a.length - from + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (a[i] == b) {
                    expected = i;
                    break;
                }
            }
            assertThat(Bytes.indexOf(a, from, to, b)).isEqualTo(expected);
        }
    }
}
