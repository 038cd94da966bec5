package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.server.delivery.Outgoing;
import chat.server.history.History;
import chat.server.spi.StoredMessage;
import chat.server.state.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored messages sent to a client: a CHATHISTORY answer, or a channel's recent past after a JOIN. */
final class HistoryReplay {

    private HistoryReplay() {
    }

    /** After a JOIN: the channel's last lines, for a client that does not fetch them itself. */
    static void onJoin(Context ctx, String channel) {
        User s = ctx.user();
        var storage = ctx.server().storage();
        int lines = storage.config().joinReplayLines();
        if (lines == 0 || !storage.history().enabled() || s.has(Capability.CHATHISTORY)) return;
        String lobby = ctx.server().config().defaultChannel();
        if (lobby != null && !storage.config().replayDefaultChannel()
                && ctx.registry().caseMapping().fold(lobby).equals(ctx.registry().caseMapping().fold(channel))) {
            return;
        }
        List<StoredMessage> recent = storage.history().range(storage.history().channelKey(channel), null, null,
                Math.min(lines, History.MAX_LIMIT), true);
        if (!recent.isEmpty()) send(ctx, channel, recent);
    }

    /** Messages from history in a {@code chathistory} batch (plain lines for a client without batch). */
    static void send(Context ctx, String target, List<StoredMessage> messages) {
        User s = ctx.user();
        boolean batch = s.has(Capability.BATCH);
        String ref = ctx.server().messageIds().next();
        if (batch) ctx.reply().fromServer("BATCH", "+" + ref, "chathistory", target);
        for (StoredMessage stored : messages) {
            if (stored.command().equals("TAGMSG") && !s.has(Capability.MESSAGE_TAGS)) continue;
            if (MultilineBatches.isMultiline(stored)) {
                for (IrcMessage line : MultilineBatches.replay(s, stored, batch ? ref : null,
                        ctx.server().messageIds().next())) {
                    ctx.reply().add(line);
                }
                continue;
            }
            IrcMessage line = stored.text() == null
                    ? IrcMessage.from(stored.source(), stored.command(), stored.target())
                    : IrcMessage.from(stored.source(), stored.command(), stored.target(), stored.text());
            IrcMessage out = Outgoing.replay(line, stored.timeMillis(), stored.msgid(), stored.account(), stored.tags())
                    .messageFor(s);
            if (batch) {
                Map<String, String> tags = new LinkedHashMap<>();
                tags.put("batch", ref);
                tags.putAll(out.tags());
                out = out.withTags(tags);
            }
            ctx.reply().add(out);
        }
        if (batch) ctx.reply().fromServer("BATCH", "-" + ref);
    }
}
