package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.state.Registry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Questions about the server: MOTD, LUSERS, VERSION. */
final class ServerQueries {

    /** What the server says of itself (RPL_VERSION comments, RPL_WHOISSERVER). */
    static final String DESCRIPTION = "chat IRC server";
    private static final DateTimeFormatter HUMAN_TIME = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    // MOTD [<target>]
    void motd(Context ctx, IrcMessage m) {
        List<String> motd = ctx.server().config().motd();
        if (motd.isEmpty()) {
            ctx.reply().numeric(Numeric.ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        ctx.reply().numeric(Numeric.RPL_MOTDSTART, "- " + ctx.server().name() + " Message of the day - ");
        for (String line : motd) ctx.reply().numeric(Numeric.RPL_MOTD, "- " + line);
        ctx.reply().numeric(Numeric.RPL_ENDOFMOTD, "End of /MOTD command.");
    }

    // LUSERS
    void lusers(Context ctx, IrcMessage m) {
        Registry.Counts counts = ctx.registry().counts();
        int connections = ctx.server().stats().connections();
        int unknown = Math.max(0, connections - counts.users());
        var reply = ctx.reply();
        reply.numeric(Numeric.RPL_LUSERCLIENT, "There are " + counts.users() + " users and 0 invisible on 1 servers");
        reply.numeric(Numeric.RPL_LUSEROP, "0", "operator(s) online");
        if (unknown > 0) reply.numeric(Numeric.RPL_LUSERUNKNOWN, Integer.toString(unknown), "unknown connection(s)");
        reply.numeric(Numeric.RPL_LUSERCHANNELS, Integer.toString(counts.channels()), "channels formed");
        reply.numeric(Numeric.RPL_LUSERME, "I have " + counts.users() + " clients and 0 servers");
        String users = Integer.toString(counts.users());
        reply.numeric(Numeric.RPL_LOCALUSERS, users, users, "Current local users " + users + ", max " + users);
        reply.numeric(Numeric.RPL_GLOBALUSERS, users, users, "Current global users " + users + ", max " + users);
    }

    // VERSION
    void version(Context ctx, IrcMessage m) {
        ctx.reply().numeric(Numeric.RPL_VERSION, ctx.server().version(), ctx.server().name(), DESCRIPTION);
    }

    /**
     * Whether a {@code <server>} or {@code <target>} parameter means this server: none, its name (wildcards
     * allowed), or the nickname of a user here (as in {@code WHOIS nick nick} or {@code ADMIN nick}).
     */
    static boolean isThisServer(Context ctx, String target) {
        if (target == null || target.isEmpty()) return true;
        String name = ctx.server().name().toLowerCase(Locale.ROOT);
        if (Wildcard.matches(target.toLowerCase(Locale.ROOT), name)) return true;
        return !Wildcard.isMask(target) && ctx.registry().findNick(target) != null;
    }

    /** A Unix time as people read it, in UTC. */
    static String humanTime(long epochSeconds) {
        return HUMAN_TIME.format(Instant.ofEpochSecond(epochSeconds));
    }
}
