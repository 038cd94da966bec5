package chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** #13: the LF positions found eight bytes at a time are those a byte-by-byte scan finds. */
class LineEndsTest {

    @Test
    void findsEveryLfAndNothingElseAtAnyOffsetAndLength() {
        SplittableRandom random = new SplittableRandom(10);
        // Bytes around LF's value and with the high bit set, where a carry or a borrow would show.
        byte[] alphabet = {'\n', '\r', 0x0B, 0x09, 0x00, (byte) 0x8A, (byte) 0x80, (byte) 0xFF, 'a', 0x7F};
        for (int n = 0; n < 20_000; n++) {
            byte[] a = new byte[random.nextInt(40)];
            for (int i = 0; i < a.length; i++) a[i] = alphabet[random.nextInt(alphabet.length)];
            int offset = a.length == 0 ? 0 : random.nextInt(a.length);
            int length = random.nextInt(a.length - offset + 1);
            List<Integer> expected = new ArrayList<>();
            for (int i = offset; i < offset + length; i++) if (a[i] == '\n') expected.add(i);
            assertThat(LineEnds.in(a, offset, length)).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void aLineLengthLeavesOutTheLfAndACrBeforeIt() {
        byte[] a = "ab\r\n\ncd\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(LineEnds.lineLength(a, 0, 3)).isEqualTo(2);
        assertThat(LineEnds.lineLength(a, 4, 4)).isZero();
        assertThat(LineEnds.lineLength(a, 5, 7)).isEqualTo(2);
        assertThat(LineEnds.lineLength(a, 8, 9)).isZero();
    }
}
