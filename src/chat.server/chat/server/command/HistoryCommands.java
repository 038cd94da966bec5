package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.server.history.History;
import chat.server.spi.Activity;
import chat.server.spi.Position;
import chat.server.spi.ServerMetrics;
import chat.server.spi.StoredMessage;
import chat.server.state.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IRCv3 draft/chathistory: CHATHISTORY LATEST, BEFORE, AFTER, AROUND, BETWEEN and TARGETS, answered in
 * {@code chathistory} batches; and the replay of recent channel lines on JOIN for clients without it. A
 * channel's history is for its members; a private conversation's for its logged-in parties.
 */
final class HistoryCommands {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A message reference that could not be read. */
    private static final class BadReference extends Exception {
        private static final long serialVersionUID = 1L;
    }

    // CHATHISTORY LATEST <target> <* | timestamp=T | msgid=M> <limit>
    // CHATHISTORY BEFORE|AFTER|AROUND <target> <timestamp=T | msgid=M> <limit>
    // CHATHISTORY BETWEEN <target> <reference> <reference> <limit>
    // CHATHISTORY TARGETS <timestamp=T> <timestamp=T> <limit>
    void chathistory(Context ctx, IrcMessage m) {
        History history = ctx.server().storage().history();
        if (!history.enabled()) {
            ctx.reply().numeric(Numeric.ERR_UNKNOWNCOMMAND, "CHATHISTORY", "Unknown command");
            return;
        }
        String sub = m.param(0).toUpperCase(Locale.ROOT);
        int needed = switch (sub) {
            case "LATEST", "BEFORE", "AFTER", "AROUND", "TARGETS" -> 4;
            case "BETWEEN" -> 5;
            default -> -1;
        };
        if (needed < 0) {
            ctx.reply().standard("FAIL", "CHATHISTORY", "UNKNOWN_COMMAND", m.param(0), "Unknown subcommand");
            return;
        }
        if (m.params().size() < needed) {
            ctx.reply().standard("FAIL", "CHATHISTORY", "NEED_MORE_PARAMS", sub, "Missing parameters");
            return;
        }
        int limit = limit(m.param(needed - 1));
        if (limit < 1) {
            ctx.reply().standard("FAIL", "CHATHISTORY", "INVALID_PARAMS", sub, m.param(needed - 1), "Invalid limit");
            return;
        }
        if (sub.equals("TARGETS")) {
            targets(ctx, m, limit);
            return;
        }
        String target = m.param(1);
        String conversation = conversation(ctx, target);
        if (conversation == null) {
            ctx.reply().standard("FAIL", "CHATHISTORY", "INVALID_TARGET", sub, target, "Messages could not be retrieved");
            return;
        }
        List<StoredMessage> found;
        long started = System.nanoTime();
        try {
            found = switch (sub) {
                case "LATEST" -> m.param(2).equals("*") ? history.range(conversation, null, null, limit, true)
                        : history.range(conversation, lower(history, conversation, m.param(2)), null, limit, true);
                case "BEFORE" -> history.range(conversation, null, upper(history, conversation, m.param(2)), limit, true);
                case "AFTER" -> history.range(conversation, lower(history, conversation, m.param(2)), null, limit, false);
                case "AROUND" -> around(history, conversation, m.param(2), limit);
                default -> between(history, conversation, m.param(2), m.param(3), limit);
            };
        } catch (BadReference e) {
            ctx.reply().standard("FAIL", "CHATHISTORY", "INVALID_PARAMS", sub, "Invalid message reference");
            return;
        }
        ctx.server().stats().latency(ServerMetrics.Latency.CHATHISTORY, System.nanoTime() - started);
        HistoryReplay.send(ctx, target, found);
    }

    private static void targets(Context ctx, IrcMessage m, int limit) {
        long a;
        long b;
        try {
            a = timestamp(m.param(1));
            b = timestamp(m.param(2));
        } catch (BadReference e) {
            ctx.reply().standard("FAIL", "CHATHISTORY", "INVALID_PARAMS", "TARGETS", "Invalid timestamp");
            return;
        }
        History history = ctx.server().storage().history();
        User s = ctx.user();
        Map<String, String> channels = new LinkedHashMap<>();
        for (String name : ctx.registry().channelDirectory().channelsOf(s)) channels.put(history.channelKey(name), name);
        String me = s.account() == null ? null : history.partyKey(s.account(), null);
        List<Activity> found = history.targets(me, channels.keySet(), Math.min(a, b), Math.max(a, b),
                Math.min(limit, History.MAX_LIMIT));
        boolean batch = s.has(Capability.BATCH);
        String ref = ctx.server().messageIds().next();
        if (batch) ctx.reply().fromServer("BATCH", "+" + ref, "draft/chathistory-targets");
        for (Activity activity : found) {
            String name = channels.get(activity.conversation());
            if (name == null) {
                String other = me == null ? null : History.otherParty(activity.conversation(), me);
                if (other == null) continue;
                name = other.substring(1);
            }
            IrcMessage line = IrcMessage.from(ctx.server().name(), "CHATHISTORY", "TARGETS", name,
                    TIMESTAMP.format(Instant.ofEpochMilli(activity.lastMillis())));
            ctx.reply().add(batch ? line.withTags(Map.of("batch", ref)) : line);
        }
        if (batch) ctx.reply().fromServer("BATCH", "-" + ref);
    }

    /** The conversation the client may read under {@code target}, or null. */
    private static String conversation(Context ctx, String target) {
        History history = ctx.server().storage().history();
        User s = ctx.user();
        if (Names.isChannel(target)) {
            String key = history.channelKey(target);
            for (String name : ctx.registry().channelDirectory().channelsOf(s)) {
                if (history.channelKey(name).equals(key)) return key;
            }
            return null;
        }
        if (s.account() == null || !Names.isValidNick(target)) return null;
        String me = history.partyKey(s.account(), null);
        User online = ctx.registry().findNick(target);
        String other;
        if (online != null && online.account() != null) {
            other = history.partyKey(online.account(), null);
        } else if (ctx.server().storage().accounts().find(target).isPresent()) {
            other = history.partyKey(target, null);
        } else {
            other = history.partyKey(null, target);
        }
        return History.privateKey(me, other);
    }

    private static List<StoredMessage> around(History history, String conversation, String ref, int limit)
            throws BadReference {
        Position at = position(history, conversation, ref);
        if (at == null) return List.of();
        boolean byMsgid = ref.startsWith("msgid=");
        Position upper = byMsgid ? at : Position.before(at.timeMillis());
        Position lowerInclusive = byMsgid ? new Position(at.timeMillis(), at.seq() - 1) : Position.before(at.timeMillis());
        List<StoredMessage> older = history.range(conversation, null, upper, limit / 2, true);
        List<StoredMessage> newer = history.range(conversation, lowerInclusive, null, limit - older.size(), false);
        List<StoredMessage> all = new ArrayList<>(older);
        all.addAll(newer);
        return all;
    }

    private static List<StoredMessage> between(History history, String conversation, String a, String b, int limit)
            throws BadReference {
        Position pa = position(history, conversation, a);
        Position pb = position(history, conversation, b);
        if (pa == null || pb == null) return List.of();
        boolean forward = pa.compareTo(pb) <= 0;
        String low = forward ? a : b;
        String high = forward ? b : a;
        return history.range(conversation, lower(history, conversation, low), upper(history, conversation, high), limit,
                !forward);
    }

    /** The bound "after {@code ref}". */
    private static Position lower(History history, String conversation, String ref) throws BadReference {
        if (ref.startsWith("timestamp=")) return Position.after(timestamp(ref));
        Position p = position(history, conversation, ref);
        return p == null ? new Position(Long.MAX_VALUE, Long.MAX_VALUE) : p;
    }

    /** The bound "before {@code ref}". */
    private static Position upper(History history, String conversation, String ref) throws BadReference {
        if (ref.startsWith("timestamp=")) return Position.before(timestamp(ref));
        Position p = position(history, conversation, ref);
        return p == null ? new Position(Long.MIN_VALUE, Long.MIN_VALUE) : p;
    }

    /** Where a reference points; null for a msgid that is not in this conversation. */
    private static Position position(History history, String conversation, String ref) throws BadReference {
        if (ref.startsWith("timestamp=")) return new Position(timestamp(ref), 0);
        if (ref.startsWith("msgid=") && ref.length() > 6) {
            Optional<Position> p = history.position(conversation, ref.substring(6));
            return p.orElse(null);
        }
        throw new BadReference();
    }

    private static long timestamp(String ref) throws BadReference {
        if (!ref.startsWith("timestamp=")) throw new BadReference();
        try {
            return Instant.parse(ref.substring(10)).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new BadReference();
        }
    }

    /** The requested limit, capped at {@link History#MAX_LIMIT}; 0 when it is not a positive number. */
    private static int limit(String s) {
        if (s == null || s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) return 0;
        return Math.min(Integer.parseInt(s), History.MAX_LIMIT);
    }
}
