package chat.server.command;

import chat.server.service.ServerInfo;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.ServerConfig;
import chat.server.reply.NumericLine;
import chat.server.state.UserDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Questions about the server: MOTD, LUSERS, VERSION, TIME, ADMIN, INFO, HELP. */
final class ServerQueries {

    /** What the software says of itself (RPL_VERSION comments, INFO; another node's line in LINKS). */
    static final String DESCRIPTION = "chat IRC server";
    private static final DateTimeFormatter HUMAN_TIME = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ServerText text = new ServerText();

    /** The replies every client is sent alike but for their target (the MOTD, the registration burst's intro). */
    ServerText text() {
        return text;
    }

    // MOTD [<server>]
    void motd(Context ctx, IrcMessage m) {
        if (!answersHere(ctx, m)) return;
        for (NumericLine line : text.motd(ctx.server())) ctx.reply().numeric(line);
    }

    // LUSERS
    void lusers(Context ctx, IrcMessage m) {
        lusers(ctx, 0);
    }

    /** LUSERS counting {@code channelsAboutToForm} more channels (the welcome's default channel, joined next). */
    void lusers(Context ctx, int channelsAboutToForm) {
        UserDirectory.UserCounts counts = ctx.registry().directory().userCounts();
        int connections = ctx.server().stats().connections();
        // #12: on a network the counts are everyone's; "I have" and the local count are this node's own.
        int servers = Math.max(1, ctx.replication().nodes().size());
        int local = counts.users() - ctx.replication().remoteUsers();
        int unknown = Math.max(0, connections - local);
        var reply = ctx.reply();
        // As Ergo: the first count is of the users who are not invisible.
        reply.numeric(Numeric.RPL_LUSERCLIENT, "There are " + (counts.users() - counts.invisible()) + " users and "
                + counts.invisible() + " invisible on " + servers + " servers");
        reply.numeric(Numeric.RPL_LUSEROP, Integer.toString(counts.operators()), "operator(s) online");
        if (unknown > 0) reply.numeric(Numeric.RPL_LUSERUNKNOWN, Integer.toString(unknown), "unknown connection(s)");
        reply.numeric(Numeric.RPL_LUSERCHANNELS, Integer.toString(counts.channels() + channelsAboutToForm),
                "channels formed");
        reply.numeric(Numeric.RPL_LUSERME, "I have " + local + " clients and " + (servers - 1) + " servers");
        String users = Integer.toString(counts.users());
        String max = Integer.toString(counts.maxUsers());
        reply.numeric(Numeric.RPL_LOCALUSERS, Integer.toString(local), max, "Current local users " + local + ", max " + max);
        reply.numeric(Numeric.RPL_GLOBALUSERS, users, max, "Current global users " + users + ", max " + max);
    }

    // LINKS [[<remote server>] <server mask>]
    void links(Context ctx, IrcMessage m) {
        String mask = m.params().isEmpty() ? "*" : m.last();
        String name = ctx.server().name();
        // A network of one server: it is its own only link (Modern: RPL_LINKS, then RPL_ENDOFLINKS).
        // #12: on a network, its nodes by node name, this one first; every other one hop away (they all read one
        // log, there is no tree).
        List<String> nodes = ctx.replication().nodes();
        if (nodes.isEmpty()) nodes = List.of(name);
        for (int i = 0; i < nodes.size(); i++) {
            String node = nodes.get(i);
            if (!Wildcard.matches(mask.toLowerCase(Locale.ROOT), node.toLowerCase(Locale.ROOT))) continue;
            // Another node's own description is not in the log: it shows the software's.
            String description = i == 0 ? ctx.server().config().serverDescription() : DESCRIPTION;
            ctx.reply().numeric(Numeric.RPL_LINKS, node, nodes.get(0), (i == 0 ? "0 " : "1 ") + description);
        }
        ctx.reply().numeric(Numeric.RPL_ENDOFLINKS, mask, "End of /LINKS list");
    }

    // VERSION [<server>]
    void version(Context ctx, IrcMessage m) {
        if (!answersHere(ctx, m)) return;
        ctx.reply().numeric(Numeric.RPL_VERSION, ctx.server().version(), ctx.server().name(), DESCRIPTION);
        // Modern: VERSION also sends the RPL_ISUPPORT tokens.
        ISupport.reply(ctx.reply(), ctx.server().config());
    }

    // TIME [<server>]
    void time(Context ctx, IrcMessage m) {
        if (!answersHere(ctx, m)) return;
        long now = ctx.server().clock().millis() / 1000;
        ctx.reply().numeric(Numeric.RPL_TIME, ctx.server().name(), Long.toString(now), humanTime(now));
    }

    // ADMIN [<server>]
    void admin(Context ctx, IrcMessage m) {
        if (!answersHere(ctx, m)) return;
        ServerConfig.Admin admin = ctx.server().config().admin();
        ctx.reply().numeric(Numeric.RPL_ADMINME, ctx.server().name(), "Administrative info");
        ctx.reply().numeric(Numeric.RPL_ADMINLOC1, admin.location());
        ctx.reply().numeric(Numeric.RPL_ADMINLOC2, admin.info());
        ctx.reply().numeric(Numeric.RPL_ADMINEMAIL, admin.email());
    }

    // INFO [<server>]
    void info(Context ctx, IrcMessage m) {
        if (!answersHere(ctx, m)) return;
        ServerInfo server = ctx.server();
        long started = server.startedAt().getEpochSecond();
        Duration up = Duration.ofSeconds(Math.max(0, server.clock().millis() / 1000 - started));
        var reply = ctx.reply();
        reply.numeric(Numeric.RPL_INFO, server.version() + ", the " + DESCRIPTION);
        reply.numeric(Numeric.RPL_INFO, "It speaks IRC as the Modern IRC client protocol describes, with one Java"
                + " virtual thread per connection.");
        reply.numeric(Numeric.RPL_INFO, "Running on Java " + Runtime.version());
        reply.numeric(Numeric.RPL_INFO, "Started " + humanTime(started) + ", up " + up.toDaysPart() + " days "
                + up.toHoursPart() + " hours " + up.toMinutesPart() + " minutes");
        reply.numeric(Numeric.RPL_ENDOFINFO, "End of /INFO list");
    }

    // HELP [<subject>]
    void help(Context ctx, IrcMessage m) {
        String subject = m.param(0);
        // Modern: the subject as requested, or '*' when there is none or it could not be a middle parameter.
        String shown = subject == null || subject.isEmpty() || subject.indexOf(' ') >= 0 || subject.startsWith(":")
                ? "*" : subject;
        List<String> text = HelpTopics.lookup(subject);
        if (text == null) {
            ctx.reply().numeric(Numeric.ERR_HELPNOTFOUND, shown, "No help available on this topic");
            return;
        }
        // Modern: a title, an empty first line of text, the text; its last line as RPL_ENDOFHELP.
        ctx.reply().numeric(Numeric.RPL_HELPSTART, shown, text.get(0));
        ctx.reply().numeric(Numeric.RPL_HELPTXT, shown, "");
        for (String line : text.subList(1, text.size() - 1)) ctx.reply().numeric(Numeric.RPL_HELPTXT, shown, line);
        ctx.reply().numeric(Numeric.RPL_ENDOFHELP, shown, text.get(text.size() - 1));
    }

    /** Whether the command's optional {@code <server>} means this server; if not, answers 402. */
    private static boolean answersHere(Context ctx, IrcMessage m) {
        String target = m == null ? null : m.param(0);
        if (isThisServer(ctx, target)) return true;
        ctx.reply().numeric(Numeric.ERR_NOSUCHSERVER, target, "No such server");
        return false;
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
