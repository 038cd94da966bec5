package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.server.spi.ReadMarkerStore;
import chat.server.state.ReadMarkers;
import chat.server.state.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;

/**
 * draft/read-marker positions: a logged-in client's belong to its account (in the store when there is one,
 * cached in the registry), a client not logged in keeps its own until it disconnects. A position only ever
 * moves forward.
 */
final class ReadPositions {

    private static final System.Logger LOG = System.getLogger("chat.server");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** How a position is written in MARKREAD. */
    static final String PREFIX = "timestamp=";

    private ReadPositions() {
    }

    /** After a JOIN, before its 366: the joiner's position in the channel, for a client with the capability. */
    static void onJoin(Context ctx, String channel) {
        if (!ctx.user().has(Capability.READ_MARKER)) return;
        ctx.reply().add(markread(ctx, channel, current(ctx, ctx.user(), channel)));
    }

    /** A MARKREAD line from the server: {@code timeMillis} as a timestamp, or {@code *} when null. */
    static IrcMessage markread(Context ctx, String target, Long timeMillis) {
        return IrcMessage.from(ctx.server().name(), "MARKREAD", target,
                timeMillis == null ? "*" : PREFIX + TIMESTAMP.format(Instant.ofEpochMilli(timeMillis)));
    }

    /** The session's position in {@code target}, or null when it has none. */
    static Long current(Context ctx, User s, String target) {
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

    /** Moves the position forward (never back) and keeps it: the account's in the store, else the session's. */
    static long raise(Context ctx, User s, String target, long timeMillis) {
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
}
