package chat.server.cluster;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.protocol.NetBatch;
import chat.server.command.Dispatcher;
import chat.server.state.Link;
import chat.server.state.User;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The users of a dead node leave this node's view at once: each local client that shared a channel with any of
 * them gets their QUITs, inside one {@code netsplit} batch when it negotiated {@code batch}.
 */
final class Netsplit {

    /** The QUIT reason of users whose node died, as other servers word a netsplit. */
    static final String SPLIT_REASON = "*.net *.split";
    private static final AtomicLong BATCHES = new AtomicLong();

    private Netsplit() {
    }

    /** Takes {@code gone} out of the state; their QUIT reason names {@code here} and {@code dead}. */
    static void announce(Dispatcher dispatcher, List<User> gone, String here, String dead) {
        Map<User, List<IrcMessage>> quitsFor = new LinkedHashMap<>();
        for (User s : gone) {
            // As established networks word it to users: the servers' names stay in the batch.
            IrcMessage quit = IrcMessage.from(s.identity().prefix(), "QUIT", SPLIT_REASON);
            // Silently for the registry's own delivery: the batch below is what local peers see.
            for (User peer : dispatcher.registry().networkState().split(s, SPLIT_REASON)) {
                if (peer.delivery() instanceof Link link && link.outbound() instanceof RemoteLink) continue;
                quitsFor.computeIfAbsent(peer, p -> new ArrayList<>()).add(quit);
            }
        }
        String server = dispatcher.server().name();
        for (Map.Entry<User, List<IrcMessage>> e : quitsFor.entrySet()) {
            User to = e.getKey();
            String ref = "ns" + Long.toString(BATCHES.incrementAndGet(), 36);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (IrcMessage line : NetBatch.lines(server, NetBatch.NETSPLIT, ref, here, dead, e.getValue(),
                    to.has(Capability.BATCH))) {
                out.writeBytes(LineWriter.encode(line));
            }
            to.delivery().send(out.toByteArray());
        }
    }
}
