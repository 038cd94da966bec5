package chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** #13: a text message's payload is the line's own bytes when they are UTF-8, and U+FFFD where they are not. */
@org.junit.jupiter.api.Tag("ircv3-websocket")
class TextPayloadTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "", "50524956", "c3a9", "e282ac", "f09f9880", "efbfbd", "ed9fbf", "ee8080", "f48fbfbf", "f0908080",
        "4142434445464748c3a94142434445464748", "41424344454647e282ac",
    })
    void wellFormedUtf8IsSentAsItIs(String hex) {
        byte[] line = framed(HexFormat.of().parseHex(hex));
        ByteBuffer payload = TextPayload.of(line, 3, line.length - 6);
        assertThat(payload.array()).isSameAs(line);
        assertThat(bytes(payload)).isEqualTo(HexFormat.of().parseHex(hex));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "ff", "fe", "80", "bf", "c0af", "c180", "c3", "c328", "e0808f", "e09f80", "eda080", "edbfbf", "e282",
        "f08f8080", "f4908080", "f5808080", "f880808080", "f09f98", "4142434445464748ff", "41424344454647c3",
    })
    void illFormedBytesBecomeReplacementCharacters(String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] line = framed(bad);
        ByteBuffer payload = TextPayload.of(line, 3, line.length - 6);
        String text = new String(bytes(payload), StandardCharsets.UTF_8);
        assertThat(strictlyDecodes(bytes(payload))).isTrue();
        assertThat(text).contains("\uFFFD").isEqualTo(new String(bad, StandardCharsets.UTF_8));
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        SplittableRandom random = new SplittableRandom(13);
        for (int n = 0; n < 20_000; n++) {
            byte[] a = new byte[random.nextInt(24)];
            for (int i = 0; i < a.length; i++) {
                // Mostly ASCII and lead or continuation bytes, as lines that are nearly UTF-8 would be.
                int kind = random.nextInt(4);
                a[i] = (byte) (kind == 0 ? random.nextInt(0x80) : kind == 1 ? 0x80 + random.nextInt(0x40) : 0xC0 + random.nextInt(0x40));
            }
            assertThat(TextPayload.isUtf8(a, 0, a.length)).as(HexFormat.of().formatHex(a)).isEqualTo(strictlyDecodes(a));
        }
    }

    /** The bytes between three bytes on each side, so that offsets are exercised. */
    private static byte[] framed(byte[] middle) {
        byte[] line = new byte[middle.length + 6];
        line[0] = line[1] = line[2] = (byte) 0xff;
        System.arraycopy(middle, 0, line, 3, middle.length);
        line[line.length - 3] = '\r';
        line[line.length - 2] = '\n';
        line[line.length - 1] = (byte) 0xc3;
        return line;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static boolean strictlyDecodes(byte[] a) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(a));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
