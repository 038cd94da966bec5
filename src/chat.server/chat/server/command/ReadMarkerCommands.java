package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.spi.ReadMarkerStore;
import chat.server.state.ReadMarkers;
import chat.server.state.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * draft/read-marker: {@code MARKREAD}. A logged-in client's positions belong to its account (in the store when
 * there is one, shared by all its sessions, each told of a change); a client not logged in keeps its own until
 * it disconnects. A position only ever moves forward.
 */
final class ReadMarkerCommands {

    private static final System.Logger LOG = System.getLogger("chat.server");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String PREFIX = "timestamp=";

    // MARKREAD <target> [timestamp=<YYYY-MM-DDThh:mm:ss.sssZ>]
    void markread(Context ctx, IrcMessage m) {
        if (m.params().isEmpty() || m.param(0).isEmpty()) {
            ctx.reply().standard("FAIL", "MARKREAD", "NEED_MORE_PARAMS", "MARKREAD needs a target");
            return;
        }
        String target = m.param(0);
        if (m.param(1) == null) {
            ctx.reply().add(markread(ctx, target, current(ctx, ctx.user(), target)));
            return;
        }
        Long given = parse(m.param(1));
        if (given == null) {
            ctx.reply().standard("FAIL", "MARKREAD", "INVALID_PARAMS", target,
                    "The timestamp must be timestamp=YYYY-MM-DDThh:mm:ss.sssZ");
            return;
        }
        User s = ctx.user();
        long now = raise(ctx, s, target, given);
        IrcMessage update = markread(ctx, target, now);
        ctx.reply().add(update);
        if (s.account() == null) return;
        byte[] line = LineWriter.encodeWithin(update);
        for (User other : ctx.registry().everyone()) {
            if (other != s && other.has(Capability.READ_MARKER) && s.account().equals(other.account())) {
                other.delivery().send(line);
                ctx.server().stats().sent(1);
            }
        }
    }

    /** After a JOIN, before its 366: the joiner's position in the channel, for a client with the capability. */
    static void onJoin(Context ctx, String channel) {
        if (!ctx.user().has(Capability.READ_MARKER)) return;
        ctx.reply().add(markread(ctx, channel, current(ctx, ctx.user(), channel)));
    }

    private static IrcMessage markread(Context ctx, String target, Long timeMillis) {
        return IrcMessage.from(ctx.server().name(), "MARKREAD", target,
                timeMillis == null ? "*" : PREFIX + TIMESTAMP.format(Instant.ofEpochMilli(timeMillis)));
    }

    /** The session's position in {@code target}, or null when it has none. */
    private static Long current(Context ctx, User s, String target) {
        ReadMarkers memory = ctx.registry().readMarkers();
        String key = ctx.registry().caseMapping().fold(target);
        String account = s.account();
        if (account == null) return memory.ofSession(s, key);
        String owner = ctx.registry().caseMapping().fold(account);
        Long cached = memory.ofAccount(owner, key);
        ReadMarkerStore store = store(ctx);
        if (cached != null || store == null) return cached;
        try {
            OptionalLong stored = store.find(owner, key);
            return stored.isPresent() ? memory.raiseForAccount(owner, key, stored.getAsLong()) : null;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "read marker not read from the store: " + e.getMessage());
            return null;
        }
    }

    private static long raise(Context ctx, User s, String target, long timeMillis) {
        ReadMarkers memory = ctx.registry().readMarkers();
        String key = ctx.registry().caseMapping().fold(target);
        if (s.account() == null) return memory.raiseForSession(s, key, timeMillis);
        current(ctx, s, target); // a stored later position must win over the cache's
        String owner = ctx.registry().caseMapping().fold(s.account());
        long now = memory.raiseForAccount(owner, key, timeMillis);
        ReadMarkerStore store = store(ctx);
        if (store != null) {
            store.raise(owner, key, now).exceptionally(e -> {
                LOG.log(System.Logger.Level.WARNING, "read marker not saved: " + e.getMessage());
                return null;
            });
        }
        return now;
    }

    private static ReadMarkerStore store(Context ctx) {
        var store = ctx.server().storage().store();
        return store == null ? null : store.readMarkers();
    }

    /** The epoch milliseconds of {@code timestamp=...}, or null when it is not one (a client may not send '*'). */
    private static Long parse(String param) {
        if (!param.startsWith(PREFIX)) return null;
        try {
            return Instant.parse(param.substring(PREFIX.length())).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
