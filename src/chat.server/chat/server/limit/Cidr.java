package chat.server.limit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address range such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a
 * range of one (/32 or /128). Addresses of the other family never match. Parsing never resolves a host name.
 *
 * @param network      the range's first address bytes (4 or 16)
 * @param prefixLength how many leading bits must match
 */
public record Cidr(byte[] network, int prefixLength) {

    public Cidr {
        network = network.clone();
        if (network.length != 4 && network.length != 16) throw new IllegalArgumentException("not an IPv4 or IPv6 address");
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: /" + prefixLength);
        }
    }

    /**
     * Parses {@code address[/bits]}: a dotted-quad IPv4 address or an IPv6 literal, never a host name (no DNS
     * lookup). Host bits below the prefix are cleared, so {@code 10.1.2.3/8} is {@code 10.0.0.0/8}.
     *
     * @throws IllegalArgumentException if it is not an IP address literal with an optional prefix length
     */
    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String addressText = slash < 0 ? t : t.substring(0, slash);
        byte[] address = parseAddress(addressText);
        if (address == null) throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) throw new IllegalArgumentException("prefix length /" + prefix + " is longer than " + bits + " bits");
        }
        return new Cidr(mask(address, prefix), prefix);
    }

    /** The range {@code text} names, or null if it is not one. */
    public static Cidr tryParse(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the address lies in this range. */
    public boolean matches(InetAddress address) {
        return matches(address.getAddress());
    }

    /** Whether the address written as {@code literal} (e.g. a session's host, with or without a %scope) lies in this range. */
    public boolean matches(String literal) {
        int scope = literal.indexOf('%');
        byte[] address = parseAddress(scope < 0 ? literal : literal.substring(0, scope));
        return address != null && matches(address);
    }

    private boolean matches(byte[] a) {
        if (a.length != network.length) return false;
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) return true;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** Whether the range is one address (a /32 or /128). */
    public boolean isSingleAddress() {
        return prefixLength == network.length * 8;
    }

    /** Whether this is an IPv6 range. */
    public boolean isIpv6() {
        return network.length == 16;
    }

    /** The first address as text, without the prefix length. */
    public String addressText() {
        try {
            return InetAddress.getByAddress(network).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    /** The canonical form: first address, '/', prefix length. */
    @Override
    public String toString() {
        return addressText() + "/" + prefixLength;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xFF00 >> keep);
        }
        return out;
    }

    /** The bytes of an IPv4 dotted quad or an IPv6 literal, or null. Never looks up a name. */
    static byte[] parseAddress(String text) {
        if (text.indexOf(':') >= 0) return parseIpv6(text);
        return parseIpv4(text);
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseIpv6(String text) {
        // Only hex digits, ':' and '.' (an embedded IPv4 tail), starting with a hex digit or ':': InetAddress
        // then parses a literal and never looks up a name.
        if (text.isEmpty() || text.charAt(0) == '.') return null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) return null;
        }
        try {
            // An IPv4-mapped literal (::ffff:1.2.3.4) comes back as the IPv4 address, as clients appear.
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
