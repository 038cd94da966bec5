package chat.server.limit;

import chat.protocol.HostMask;
import java.util.Locale;

/**
 * A {@code user@host} pattern, as K-lines and operator blocks use it (channel bans use the {@code nick!user@host}
 * {@link HostMask}). The user part is a glob ({@code *} any run, {@code ?} one character); the host part is an
 * IP address or CIDR network, matched by address (so {@code ::1} matches however the address is written), or
 * else a glob. Both compare case-insensitively.
 *
 * @param user    the user glob
 * @param host    the host glob, or the network's canonical form (just the address for a single one)
 * @param network the host as a network, or null when it is a glob
 */
public record UserHostMask(String user, String host, Cidr network) {

    /** Longest mask accepted, in characters. */
    public static final int MAX_LENGTH = 128;

    /**
     * Parses {@code user@host}; a mask without '@' means {@code *@mask}.
     *
     * @throws IllegalArgumentException if a part is empty, has spaces or the mask is too long
     */
    public static UserHostMask parse(String text) {
        if (text.length() > MAX_LENGTH) throw new IllegalArgumentException("mask longer than " + MAX_LENGTH + " characters");
        int at = text.lastIndexOf('@');
        String user = at < 0 ? "*" : text.substring(0, at);
        String host = at < 0 ? text : text.substring(at + 1);
        if (user.isEmpty() || host.isEmpty() || user.indexOf('@') >= 0) {
            throw new IllegalArgumentException("mask must be user@host: " + text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == ',' || c == '!') throw new IllegalArgumentException("mask has a character it may not: " + text);
        }
        boolean globbed = host.indexOf('*') >= 0 || host.indexOf('?') >= 0;
        Cidr network = globbed ? null : Cidr.tryParse(host);
        if (network == null && host.indexOf('/') >= 0) throw new IllegalArgumentException("not a CIDR network: " + host);
        String canonicalHost = network == null ? host.toLowerCase(Locale.ROOT)
                : network.isSingleAddress() ? network.addressText() : network.toString();
        return new UserHostMask(user, canonicalHost, network);
    }

    /** Whether a client with this user name and host (its IP address as text) matches. */
    public boolean matches(String clientUser, String clientHost) {
        if (!glob(user, clientUser == null ? "" : clientUser)) return false;
        return network != null ? network.matches(clientHost) : glob(host, clientHost);
    }

    /** Whether the mask matches every client ({@code *@*}, or a /0 network). */
    public boolean matchesEveryone() {
        boolean anyUser = user.chars().allMatch(c -> c == '*');
        boolean anyHost = network != null ? network.prefixLength() == 0 : host.chars().allMatch(c -> c == '*');
        return anyUser && anyHost;
    }

    /** The canonical text: {@code user@host}. */
    @Override
    public String toString() {
        return user + "@" + host;
    }

    /** Glob match ({@code *} and {@code ?}), ASCII case-insensitive. */
    static boolean glob(String pattern, String text) {
        return HostMask.glob(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
    }
}
