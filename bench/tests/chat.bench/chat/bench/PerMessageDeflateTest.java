package chat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class PerMessageDeflateTest {

    private static final int MAX = 8191 + 512;
    private static final String LINE = ":b20!b20@127.0.0.1 PRIVMSG #bench :3 17 1733104800000000000 padding padding padding";

    /** One message as a permessage-deflate sender makes it: a sync flush, its 00 00 ff ff taken off. */
    private static byte[] compress(Deflater deflater, String text) {
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[text.length() + 64];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        assertThat(Arrays.copyOfRange(out, n - 4, n)).containsExactly(0, 0, 0xFF, 0xFF);
        return Arrays.copyOf(out, n - 4);
    }

    private static String inflate(PerMessageDeflate d, byte[] message) throws DataFormatException {
        // As it sits in a read buffer: among other bytes.
        byte[] buf = new byte[message.length + 7];
        System.arraycopy(message, 0, buf, 3, message.length);
        int n = d.inflate(buf, 3, 3 + message.length);
        return new String(d.output(), 0, n, StandardCharsets.UTF_8);
    }

    private static PerMessageDeflate accepted(String response) {
        byte[] a = response.getBytes(StandardCharsets.US_ASCII);
        return PerMessageDeflate.accepted(a, 0, a.length, MAX);
    }

    @Test
    void upgradeOffersWhatChromiumOffers() {
        String request = new String(WebSocket.upgrade("127.0.0.1", 8080, "/webirc", PerMessageDeflate.OFFER),
                StandardCharsets.US_ASCII);
        assertThat(request).contains("\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n")
                .endsWith("\r\n\r\n");
        assertThat(new String(WebSocket.upgrade("127.0.0.1", 8080, "/webirc", null), StandardCharsets.US_ASCII))
                .doesNotContain("Extensions");
    }

    @Test
    void readsWhatTheServerAccepted() {
        String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n";
        assertThat(accepted(head + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n").serverNoContextTakeover()).isFalse();
        assertThat(accepted(head + "sec-websocket-extensions: x-other, permessage-deflate; server_no_context_takeover;"
                + " client_max_window_bits=15\r\n\r\n").serverNoContextTakeover()).isTrue();
        assertThat(accepted(head + "\r\n")).as("declined").isNull();
        assertThat(accepted(head + "Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n\r\n")).isNull();
    }

    @Test
    void inflatesMessagesThatShareTheServersContext() throws DataFormatException {
        Deflater server = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        PerMessageDeflate d = accepted("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
        byte[] first = compress(server, LINE);
        byte[] second = compress(server, LINE);
        // The second refers back to the first: far smaller, and only readable with the first's window kept.
        assertThat(second.length).isLessThan(first.length / 2);
        assertThat(inflate(d, first)).isEqualTo(LINE);
        assertThat(inflate(d, second)).isEqualTo(LINE);
        assertThat(d.compressedBytes()).isEqualTo(first.length + second.length);
        assertThat(d.inflatedBytes()).isEqualTo(2L * LINE.length());
        server.end();
        d.end();
    }

    @Test
    void aSharedFreshlyCompressedMessageAndAnUncompressedOneFitBetweenMessagesOfTheContext() throws DataFormatException {
        Deflater server = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        Deflater fresh = new Deflater(Deflater.BEST_SPEED, true);
        PerMessageDeflate d = accepted("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
        String channelLine = "PRIVMSG #bench :0 1 2 " + "x".repeat(40);
        assertThat(inflate(d, compress(server, LINE))).isEqualTo(LINE);
        // #13: a line compressed once for every receiver, by a deflater that never saw this connection's lines.
        assertThat(inflate(d, compress(fresh, channelLine))).isEqualTo(channelLine);
        d.uncompressed(7);
        // The server's context started afresh after the shared line, as chat's does.
        server.reset();
        assertThat(inflate(d, compress(server, LINE + " again"))).isEqualTo(LINE + " again");
        assertThat(d.messages()).isEqualTo(4);
        assertThat(d.uncompressedMessages()).isEqualTo(1);
        assertThat(d.inflatedBytes()).isEqualTo(LINE.length() + channelLine.length() + 7 + LINE.length() + 6);
        server.end();
        fresh.end();
        d.end();
    }

    @Test
    void startsAfreshEachMessageWithoutContextTakeover() throws DataFormatException {
        PerMessageDeflate d = accepted("HTTP/1.1 101 Switching Protocols\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n\r\n");
        for (String text : new String[] {LINE, LINE + " again", "PING :x"}) {
            Deflater server = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            assertThat(inflate(d, compress(server, text))).isEqualTo(text);
            server.end();
        }
        d.end();
    }

    @Test
    void aMessageEndingTheStreamIsFollowedByANewOne() throws DataFormatException {
        PerMessageDeflate d = accepted("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
        for (String text : new String[] {LINE, "NOTICE b0 :two"}) {
            Deflater server = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            server.setInput(text.getBytes(StandardCharsets.UTF_8));
            server.finish();
            byte[] out = new byte[256];
            int n = server.deflate(out);
            assertThat(inflate(d, Arrays.copyOf(out, n))).isEqualTo(text);
            server.end();
        }
        d.end();
    }

    @Test
    void aMessageLongerThanAnyLineIsRefused() {
        Deflater server = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        PerMessageDeflate d = accepted("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
        byte[] big = compress(server, "x".repeat(MAX + 1));
        assertThatThrownBy(() -> d.inflate(big, 0, big.length)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("longer than");
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, 1, 2, 3};
        PerMessageDeflate fresh = accepted("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
        assertThatThrownBy(() -> fresh.inflate(garbage, 0, garbage.length)).isInstanceOf(DataFormatException.class);
        server.end();
        d.end();
        fresh.end();
    }

    @Test
    void rsv1MarksACompressedFrame() {
        assertThat(WebSocket.compressed(new byte[] {(byte) 0xC1, 3}, 0)).isTrue();
        assertThat(WebSocket.compressed(new byte[] {(byte) 0x81, 3}, 0)).isFalse();
    }
}
