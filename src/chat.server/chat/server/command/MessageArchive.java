package chat.server.command;

import chat.server.delivery.Outgoing;
import chat.server.history.History;
import chat.server.spi.ServerMetrics;
import chat.server.spi.StoredMessage;
import chat.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Stores what clients send to channels and to each other, after it has been fanned out, and holds the
 * sender's acknowledgment (its echo, its labeled reply) until the store has committed it. #store: a message
 * whose sender was acknowledged survives a crash.
 */
final class MessageArchive {

    /** TAGMSG is kept only when it carries one of these client tags (reactions), as Ergo's tagmsg-storage. */
    static final Set<String> STORED_TAGMSG_TAGS = Set.of("+draft/react", "+react");

    private MessageArchive() {
    }

    /** A message to a channel. */
    static void channel(Context ctx, Outgoing out, String verb, String channel, String text, Map<String, String> tags) {
        ctx.registry().sentMessages().rememberInChannel(out.msgid(), ctx.user(), channel);
        History history = ctx.server().storage().history();
        if (!history.enabled() || !worthKeeping(verb, tags)) return;
        store(ctx, out, verb, history.channelKey(channel), channel, text, tags, List.of());
    }

    /**
     * A private message. It is kept only when a logged-in party can ask for it again: an unregistered pair
     * could never prove who they were.
     */
    static void direct(Context ctx, Outgoing out, String verb, User recipient, String text, Map<String, String> tags) {
        User sender = ctx.user();
        ctx.registry().sentMessages().rememberPrivate(out.msgid(), sender, recipient);
        History history = ctx.server().storage().history();
        if (!history.enabled() || !worthKeeping(verb, tags)) return;
        String from = history.partyKey(sender.account(), sender.nick());
        String to = history.partyKey(recipient.account(), recipient.nick());
        List<String> parties = new ArrayList<>(2);
        if (History.isAccountParty(from)) parties.add(from);
        if (History.isAccountParty(to) && !to.equals(from)) parties.add(to);
        if (parties.isEmpty()) return;
        store(ctx, out, verb, History.privateKey(from, to), recipient.nick(), text, tags, parties);
    }

    private static boolean worthKeeping(String verb, Map<String, String> tags) {
        if (!verb.equals("TAGMSG")) return true;
        for (String key : tags.keySet()) {
            if (STORED_TAGMSG_TAGS.contains(key)) return true;
        }
        return false;
    }

    private static void store(Context ctx, Outgoing out, String verb, String conversation, String target, String text,
                              Map<String, String> tags, List<String> parties) {
        User sender = ctx.user();
        // #12: a message from a user of another node is stored by that node (the store is shared), once.
        if (ctx.replication().remote(sender)) return;
        StoredMessage m = new StoredMessage(0, out.msgid(), out.timeMillis(), conversation, sender.identity().prefix(),
                sender.account(), verb, target, verb.equals("TAGMSG") ? null : text, tags);
        long queuedAt = System.nanoTime();
        CompletableFuture<Void> committed = ctx.server().storage().history().append(m, parties);
        committed.thenRun(() -> ctx.server().stats().latency(ServerMetrics.Latency.STORE_COMMIT, System.nanoTime() - queuedAt));
        ctx.reply().holdUntil(committed);
    }
}
