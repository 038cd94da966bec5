package chat.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The client's address behind reverse proxies: {@code X-Forwarded-For} is read from the right (the hop nearest
 * us) while the hop that told us is a trusted proxy; the first address a trusted proxy vouches for and that is not
 * a proxy itself is the client. From an untrusted peer the header is ignored: anyone can write it.
 */
final class ForwardedFor {

    private ForwardedFor() {
    }

    static InetAddress resolve(InetAddress peer, List<String> headerValues, Predicate<InetAddress> trusted) {
        if (!trusted.test(peer)) return peer;
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) hops.add(hop.trim());
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) break; // garbage: stop at the last address we could believe
            client = hop;
            if (!trusted.test(hop)) break;
        }
        return client;
    }

    /** An IPv4 or IPv6 literal (brackets allowed), never a name to look up; null otherwise. */
    static InetAddress literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (t.isEmpty() || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) return null;
        if (t.indexOf(':') < 0 && !t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return null;
        try {
            return InetAddress.getByName(t); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
