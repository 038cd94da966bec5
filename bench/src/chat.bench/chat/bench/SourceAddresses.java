package chat.bench;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * #17: the local address a client connects from. A loopback server reached from one address has one source port
 * per connection, and Linux hands out about 28,000 ephemeral ports: past {@link #CLIENTS_PER_ADDRESS} clients, each
 * further block of that many connects from its own address in 127.0.0.0/8 (every address there is the loopback
 * interface's), so 100,000 clients need no more ports than one address has.
 */
final class SourceAddresses {

    /** Clients per source address: well under the ephemeral port range, leaving ports for a warm-up round's. */
    static final int CLIENTS_PER_ADDRESS = 16_000;

    private SourceAddresses() {
    }

    /**
     * Where client {@code index} binds before connecting to {@code server}: null (the kernel picks, as for any client)
     * for the first block or a server that is not on IPv4 loopback; 127.1.x.y for the later blocks.
     */
    static InetSocketAddress forClient(int index, InetSocketAddress server) {
        int block = index / CLIENTS_PER_ADDRESS;
        if (block == 0 || !(server.getAddress() instanceof Inet4Address v4) || !v4.isLoopbackAddress()) return null;
        if (block > 0xFFFF) throw new IllegalArgumentException("too many clients for 127.1.0.0/16: " + index);
        byte[] source = {127, 1, (byte) (block >> 8), (byte) block};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(source), 0);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes always make an address", e);
        }
    }
}
