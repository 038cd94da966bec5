package chat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSocketTest {

    @Test
    void framesEachLineAsOneMaskedTextMessageWithoutItsEnding() {
        byte[] data = "NICK a\r\nUSER a 0 * :x\n\r\nPONG".getBytes(StandardCharsets.US_ASCII);
        byte[] out = WebSocket.lines(data, 0, data.length);
        int p = 0;
        for (String expected : new String[] {"NICK a", "USER a 0 * :x", "PONG"}) {
            assertThat(out[p] & 0xFF).isEqualTo(0x80 | WebSocket.TEXT);
            assertThat(out[p + 1] & 0x80).as("masked").isEqualTo(0x80);
            int len = out[p + 1] & 0x7F;
            assertThat(new String(out, p + 6, len, StandardCharsets.US_ASCII)).isEqualTo(expected);
            p += 6 + len;
        }
        assertThat(p).isEqualTo(out.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 125, 126, 300, 65535, 65536})
    void readsTheLengthOfAServersFrame(int length) {
        byte[] frame = WebSocket.message(WebSocket.BINARY, new byte[length], 0, length);
        frame[1] &= 0x7F; // as a server sends it: unmasked, so the header is 4 bytes shorter
        int h = WebSocket.headerLength(frame, 0, frame.length);
        assertThat(h).isEqualTo(length < 126 ? 2 : length < 65536 ? 4 : 10);
        assertThat(WebSocket.payloadLength(frame, 0)).isEqualTo(length);
        assertThat(WebSocket.headerLength(frame, 0, h - 1)).isEqualTo(-1);
        assertThat(WebSocket.opcode(frame, 0)).isEqualTo(WebSocket.BINARY);
        assertThat(WebSocket.fin(frame, 0)).isTrue();
    }

    @Test
    void findsTheEndOfTheUpgradeResponse() {
        byte[] a = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0081\u0002hi".getBytes(StandardCharsets.ISO_8859_1);
        int end = WebSocket.endOfResponse(a, a.length);
        assertThat(a[end] & 0xFF).isEqualTo(0x81);
        assertThat(WebSocket.endOfResponse(a, end - 1)).isEqualTo(-1);
        assertThat(WebSocket.switched(a, 0, a.length)).isTrue();
        assertThat(WebSocket.switched("HTTP/1.1 403 Forbidden\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, 26)).isFalse();
    }
}
