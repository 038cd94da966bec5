package chat.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IRCv3 {@code netsplit} and {@code netjoin} batch types, ready for a cluster of servers: when the link between
 * two servers breaks (or comes back), the QUITs (or JOINs) it causes reach a client with the {@code batch}
 * capability inside one batch naming both servers, and any other client as plain lines.
 */
public final class NetBatch {

    /** The batch type of the QUITs a broken link causes. */
    public static final String NETSPLIT = "netsplit";
    /** The batch type of the JOINs a restored link causes. */
    public static final String NETJOIN = "netjoin";

    private NetBatch() {
    }

    /** The QUIT of {@code prefix} in a netsplit: its reason names both servers, as the specification shows. */
    public static IrcMessage quit(String prefix, String server1, String server2) {
        return IrcMessage.from(prefix, "QUIT", server1 + " " + server2);
    }

    /**
     * What one receiver is sent for {@code members} (the QUITs of a netsplit or the JOINs of a netjoin) between
     * {@code server1} and {@code server2}: wrapped in {@code BATCH +ref type server1 server2} ... {@code BATCH -ref}
     * with each line tagged {@code batch=ref} when {@code batchCapable}, else the lines alone. Nothing when there
     * are no members.
     */
    public static List<IrcMessage> lines(String source, String type, String ref, String server1, String server2,
                                         List<IrcMessage> members, boolean batchCapable) {
        if (!type.equals(NETSPLIT) && !type.equals(NETJOIN)) throw new IllegalArgumentException("not a net batch: " + type);
        if (members.isEmpty()) return List.of();
        if (!batchCapable) return List.copyOf(members);
        List<IrcMessage> out = new ArrayList<>(members.size() + 2);
        out.add(IrcMessage.from(source, "BATCH", "+" + ref, type, server1, server2));
        for (IrcMessage m : members) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("batch", ref);
            tags.putAll(m.tags());
            out.add(m.withTags(tags));
        }
        out.add(IrcMessage.from(source, "BATCH", "-" + ref));
        return out;
    }
}
