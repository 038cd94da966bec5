package chat.server.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The PROXY protocol version 2 header a load balancer (HAProxy's {@code send-proxy-v2}) puts in front of a
 * proxied connection: the binary signature, version and command, address family, and the original source and
 * destination. Only the source matters to us. Read before anything else on the connection (before TLS).
 *
 * @param source the client's own address, or null for a LOCAL header (the proxy's health check speaking for itself)
 */
public record ProxyHeader(InetAddress source) {

    /** The twelve bytes every version 2 header starts with. */
    static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    /** Longest address block (addresses and TLVs) accepted; HAProxy sends 12 bytes for IPv4, 36 for IPv6, plus TLVs. */
    static final int MAX_BLOCK_BYTES = 1024;
    /** How long a proxy may take to send its header. */
    static final int READ_TIMEOUT_MILLIS = 5_000;

    private static final int COMMAND_LOCAL = 0x0;
    private static final int COMMAND_PROXY = 0x1;
    private static final int FAMILY_UNSPEC = 0x0;
    private static final int FAMILY_INET = 0x1;
    private static final int FAMILY_INET6 = 0x2;

    /** The header was missing or malformed; the connection must be closed. */
    public static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** Whether this header speaks for a client (false: LOCAL, the connection is the proxy's own). */
    public boolean proxied() {
        return source != null;
    }

    /**
     * Reads exactly one header, and nothing after it, from {@code in}.
     *
     * @throws Malformed   the bytes are not a version 2 header this server understands
     * @throws EOFException the peer closed before the header was complete
     */
    public static ProxyHeader read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] fixed = new byte[16];
        data.readFully(fixed);
        if (!Arrays.equals(fixed, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new Malformed("no PROXY protocol v2 signature");
        }
        int version = (fixed[12] & 0xF0) >>> 4;
        int command = fixed[12] & 0x0F;
        int family = (fixed[13] & 0xF0) >>> 4;
        int length = ((fixed[14] & 0xFF) << 8) | (fixed[15] & 0xFF);
        if (version != 2) throw new Malformed("PROXY protocol version " + version + " (only 2 is supported)");
        if (length > MAX_BLOCK_BYTES) throw new Malformed("PROXY header of " + length + " bytes");
        byte[] block = new byte[length];
        data.readFully(block);
        return switch (command) {
            case COMMAND_LOCAL -> new ProxyHeader(null);
            case COMMAND_PROXY -> new ProxyHeader(source(family, block));
            default -> throw new Malformed("PROXY protocol command " + command);
        };
    }

    private static InetAddress source(int family, byte[] block) throws Malformed {
        int size = switch (family) {
            case FAMILY_INET -> 4;
            case FAMILY_INET6 -> 16;
            case FAMILY_UNSPEC -> 0;
            default -> throw new Malformed("PROXY address family " + family + " (only IPv4 and IPv6)");
        };
        if (size == 0) return null; // unknown origin: the proxy's own connection, as LOCAL
        if (block.length < 2 * size + 4) throw new Malformed("PROXY address block too short: " + block.length + " bytes");
        try {
            return InetAddress.getByAddress(Arrays.copyOf(block, size));
        } catch (UnknownHostException e) {
            throw new Malformed(e.getMessage());
        }
    }
}
