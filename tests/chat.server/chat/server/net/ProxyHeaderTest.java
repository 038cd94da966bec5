package chat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** PROXY protocol v2 headers as HAProxy's send-proxy-v2 writes them, and the ones we refuse. */
class ProxyHeaderTest {

    private static byte[] header(int versionCommand, int family, byte[] block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ProxyHeader.SIGNATURE);
        out.write(versionCommand);
        out.write(family);
        out.write(block.length >>> 8);
        out.write(block.length & 0xFF);
        out.writeBytes(block);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void tcpOverIpv4GivesTheSourceAndLeavesTheRestUnread() throws IOException {
        byte[] block = concat(new byte[] {(byte) 203, 0, 113, 7}, new byte[] {10, 0, 0, 1}, new byte[] {(byte) 0xC3, 0x50, 0x1A, 0x0B},
                new byte[] {0x04, 0x00, 0x01, 0x00}); // a TLV after the addresses
        ByteArrayInputStream in = new ByteArrayInputStream(concat(header(0x21, 0x11, block), "NICK a\r\n".getBytes()));
        ProxyHeader h = ProxyHeader.read(in);
        assertThat(h.proxied()).isTrue();
        assertThat(h.source()).isEqualTo(InetAddress.getByName("203.0.113.7"));
        assertThat(new String(in.readAllBytes())).isEqualTo("NICK a\r\n");
    }

    @Test
    void tcpOverIpv6() throws IOException {
        byte[] src = InetAddress.getByName("2001:db8::5").getAddress();
        byte[] dst = InetAddress.getByName("::1").getAddress();
        ProxyHeader h = ProxyHeader.read(new ByteArrayInputStream(header(0x21, 0x21, concat(src, dst, new byte[4]))));
        assertThat(h.source()).isEqualTo(InetAddress.getByName("2001:db8::5"));
    }

    @Test
    void localAndUnspecifiedSpeakForTheProxyItself() throws IOException {
        assertThat(ProxyHeader.read(new ByteArrayInputStream(header(0x20, 0x00, new byte[0]))).proxied()).isFalse();
        assertThat(ProxyHeader.read(new ByteArrayInputStream(header(0x21, 0x00, new byte[0]))).proxied()).isFalse();
    }

    @Test
    void refusedHeaders() {
        assertThatThrownBy(() -> ProxyHeader.read(new ByteArrayInputStream("NICK alice\r\nUSER a 0 * :A\r\n".getBytes())))
                .isInstanceOf(ProxyHeader.Malformed.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> ProxyHeader.read(new ByteArrayInputStream(header(0x11, 0x11, new byte[12]))))
                .isInstanceOf(ProxyHeader.Malformed.class).hasMessageContaining("version 1");
        assertThatThrownBy(() -> ProxyHeader.read(new ByteArrayInputStream(header(0x22, 0x11, new byte[12]))))
                .isInstanceOf(ProxyHeader.Malformed.class).hasMessageContaining("command");
        assertThatThrownBy(() -> ProxyHeader.read(new ByteArrayInputStream(header(0x21, 0x31, new byte[216]))))
                .isInstanceOf(ProxyHeader.Malformed.class).hasMessageContaining("family");
        assertThatThrownBy(() -> ProxyHeader.read(new ByteArrayInputStream(header(0x21, 0x11, new byte[8]))))
                .isInstanceOf(ProxyHeader.Malformed.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> ProxyHeader.read(new ByteArrayInputStream(header(0x21, 0x11, new byte[ProxyHeader.MAX_BLOCK_BYTES + 1]))))
                .isInstanceOf(ProxyHeader.Malformed.class);
        byte[] cut = header(0x21, 0x11, new byte[12]);
        assertThatThrownBy(() -> ProxyHeader.read(new ByteArrayInputStream(java.util.Arrays.copyOf(cut, 20))))
                .isInstanceOf(EOFException.class);
    }
}
