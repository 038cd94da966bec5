package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.state.User;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * draft/read-marker: {@code MARKREAD} asks for or moves a position ({@link ReadPositions}); the account's other
 * sessions are told of a change.
 */
final class ReadMarkerCommands {

    // MARKREAD <target> [timestamp=<YYYY-MM-DDThh:mm:ss.sssZ>]
    void markread(Context ctx, IrcMessage m) {
        if (m.params().isEmpty() || m.param(0).isEmpty()) {
            ctx.reply().standard("FAIL", "MARKREAD", "NEED_MORE_PARAMS", "MARKREAD needs a target");
            return;
        }
        String target = m.param(0);
        if (m.param(1) == null) {
            ctx.reply().add(ReadPositions.markread(ctx, target, ReadPositions.current(ctx, ctx.user(), target)));
            return;
        }
        Long given = parse(m.param(1));
        if (given == null) {
            ctx.reply().standard("FAIL", "MARKREAD", "INVALID_PARAMS", target,
                    "The timestamp must be timestamp=YYYY-MM-DDThh:mm:ss.sssZ");
            return;
        }
        User s = ctx.user();
        long now = ReadPositions.raise(ctx, s, target, given);
        IrcMessage update = ReadPositions.markread(ctx, target, now);
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

    /** The epoch milliseconds of {@code timestamp=...}, or null when it is not one (a client may not send '*'). */
    private static Long parse(String param) {
        if (!param.startsWith(ReadPositions.PREFIX)) return null;
        try {
            return Instant.parse(param.substring(ReadPositions.PREFIX.length())).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
