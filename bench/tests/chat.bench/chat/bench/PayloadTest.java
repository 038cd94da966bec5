package chat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadTest {

    @ParameterizedTest
    @CsvSource({"0,0,0", "7,123,456789", "19,9999999,9223372036854775807"})
    void whatIsWrittenReadsBack(int sender, long seq, long nanos) {
        byte[] buf = new byte[100];
        int n = Payload.putLong(buf, 0, sender);
        buf[n++] = ' ';
        n = Payload.putLong(buf, n, seq);
        buf[n++] = ' ';
        n = Payload.putLong(buf, n, nanos);
        byte[] pad = (" " + Payload.PADDING).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(pad, 0, buf, n, pad.length);
        Payload p = new Payload();
        assertThat(p.read(buf, 0, n + pad.length)).isTrue();
        assertThat(p.sender).isEqualTo(sender);
        assertThat(p.seq).isEqualTo(seq);
        assertThat(p.sentNanos).isEqualTo(nanos);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "1 2", "1 2 x", "a 2 3", "1  2 3", "-1 2 3"})
    void otherTextIsNotAPayload(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(new Payload().read(b, 0, b.length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 2 3", "1 2 3 padding"})
    void aPayloadMayEndAfterItsThirdNumber(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(new Payload().read(b, 0, b.length)).isTrue();
    }
}
