package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.protocol.TargetList;
import chat.server.change.Identity;
import chat.server.state.User;
import chat.server.state.UserDirectory;
import chat.server.state.WhowasEntry;
import java.util.ArrayList;
import java.util.List;

/** Questions about users: WHO (with WHOX), WHOIS, WHOWAS, ISON, USERHOST. */
final class UserQueries {

    /** Nicknames one WHOIS may name (ISUPPORT TARGMAX); more are dropped silently, as the Modern document allows. */
    static final int WHOIS_TARGETS = 5;
    /** Nicknames one USERHOST may name (the Modern document's limit); more are ignored. */
    static final int USERHOST_TARGETS = 5;
    /** WHOX placeholder for an IP address the asker may not see. */
    private static final String HIDDEN_IP = "255.255.255.255";

    // WHO [<mask> [<flags>][%<fields>[,<token>]]]
    void who(Context ctx, IrcMessage m) {
        WhoQuery query = WhoQuery.parse(m.param(0), m.param(1));
        User asker = ctx.user();
        if (Names.isChannel(query.mask())) {
            UserDirectory.ChannelWho channel = ctx.registry().directory().whoChannel(asker, query.mask());
            for (UserDirectory.Member member : channel.members()) {
                if (query.operatorsOnly() && !member.user().operator()) continue;
                whoReply(ctx, query, member.user(), channel.channel(), member.modes());
            }
        } else {
            // #15 (Modern, irctest): +i hides a user from masks, not from a WHO that names it exactly.
            User named = Wildcard.isMask(query.mask()) ? null : ctx.registry().findNick(query.mask());
            List<User> visible = ctx.registry().directory().visibleUsers(asker);
            if (named != null && !visible.contains(named) && !(query.operatorsOnly() && !named.operator())) {
                whoReply(ctx, query, named, null, "");
            }
            for (User user : visible) {
                if (query.operatorsOnly() && !user.operator()) continue;
                if (query.matches(user.identity(), ctx.registry().caseMapping())) whoReply(ctx, query, user, null, "");
            }
        }
        ctx.reply().numeric(Numeric.RPL_ENDOFWHO, query.mask(), "End of WHO list");
    }

    /** One 352 line, or with WHOX one 354 line of exactly the fields asked for; {@code channel} is null for a mask. */
    private static void whoReply(Context ctx, WhoQuery query, User user, String channel, String modes) {
        Identity id = user.identity();
        String flags = (user.awayMessage() == null ? "H" : "G") + (user.operator() ? "*" : "") + (user.bot() ? "B" : "")
                + (modes.isEmpty() || ctx.user().has(Capability.MULTI_PREFIX) ? modes : modes.substring(0, 1));
        // Ergo and Unreal send '*' for the channel of a WHO by mask.
        String channelField = channel == null ? "*" : channel;
        if (!query.whox()) {
            ctx.reply().numeric(Numeric.RPL_WHOREPLY, channelField, id.user(), id.host(), ctx.server().name(),
                    id.nick(), flags, "0 " + id.realname());
            return;
        }
        List<String> params = new ArrayList<>(query.fields().length());
        for (char field : query.fields().toCharArray()) {
            params.add(switch (field) {
                case 't' -> query.token();
                case 'c' -> channelField;
                case 'u' -> id.user();
                // As Ergo: the address only to the user itself and to IRC operators.
                case 'i' -> user == ctx.user() || ctx.user().operator() ? id.host() : HIDDEN_IP;
                case 'h' -> id.host();
                case 's' -> ctx.server().name();
                case 'n' -> id.nick();
                case 'f' -> flags;
                case 'd' -> "0";
                case 'l' -> Long.toString(idleSeconds(ctx, user));
                case 'a' -> { String account = accountOf(user); yield account == null ? "0" : account; }
                // Channel op level: not a concept here; Ergo sends 0 too.
                case 'o' -> "0";
                case 'r' -> id.realname();
                default -> throw new IllegalStateException("unknown WHOX field " + field);
            });
        }
        ctx.reply().numeric(Numeric.RPL_WHOSPCRPL, params.toArray(String[]::new));
    }

    // WHOIS [<server>] <nick>{,<nick>}
    void whois(Context ctx, IrcMessage m) {
        boolean serverGiven = m.params().size() >= 2;
        String nicks = serverGiven ? m.param(1) : m.param(0);
        if (nicks == null || nicks.isEmpty()) {
            ctx.reply().numeric(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        if (serverGiven && !ServerQueries.isThisServer(ctx, m.param(0))) {
            ctx.reply().numeric(Numeric.ERR_NOSUCHSERVER, m.param(0), "No such server");
        } else {
            List<String> targets = TargetList.split(nicks);
            for (String nick : targets.subList(0, Math.min(targets.size(), WHOIS_TARGETS))) {
                User target = ctx.registry().findNick(nick);
                if (target == null) {
                    ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
                } else {
                    whoisReply(ctx, target);
                }
            }
        }
        // Modern: 318 always ends the reply and repeats the nick parameter exactly as sent.
        ctx.reply().numeric(Numeric.RPL_ENDOFWHOIS, nicks, "End of /WHOIS list");
    }

    private static void whoisReply(Context ctx, User target) {
        Identity id = target.identity();
        String nick = id.nick();
        var reply = ctx.reply();
        reply.numeric(Numeric.RPL_WHOISUSER, nick, id.user(), id.host(), "*", id.realname());
        sendWrapped(ctx, Numeric.RPL_WHOISCHANNELS, nick, ctx.registry().directory().whoisChannels(ctx.user(), target));
        // #12: a user of another node is on that node, named as LINKS names it; its description is not in the log.
        String node = ctx.replication().nodeOf(target);
        if (node == null) {
            reply.numeric(Numeric.RPL_WHOISSERVER, nick, ctx.server().name(), ctx.server().config().serverDescription());
        } else {
            reply.numeric(Numeric.RPL_WHOISSERVER, nick, node, ServerQueries.DESCRIPTION);
        }
        if (target.operator()) reply.numeric(Numeric.RPL_WHOISOPERATOR, nick, "is an IRC operator");
        if (target.bot()) reply.numeric(Numeric.RPL_WHOISBOT, nick, "is a bot on " + ctx.server().config().networkName());
        String account = accountOf(target);
        if (account != null) reply.numeric(Numeric.RPL_WHOISACCOUNT, nick, account, "is logged in as");
        if (target.awayMessage() != null) reply.numeric(Numeric.RPL_AWAY, nick, target.awayMessage());
        reply.numeric(Numeric.RPL_WHOISIDLE, nick, Long.toString(idleSeconds(ctx, target)),
                Long.toString(target.connectedAtMillis() / 1000), "seconds idle, signon time");
    }

    /**
     * The account a user is logged in to, or null. Extension point: there are no accounts yet; when sessions get
     * one, return it here and WHOIS sends RPL_WHOISACCOUNT (330) and WHOX fills its {@code a} field.
     */
    private static String accountOf(User user) {
        return user.account();
    }

    private static long idleSeconds(Context ctx, User user) {
        return Math.max(0, (ctx.server().clock().millis() - user.lastSpokeMillis()) / 1000);
    }

    // WHOWAS <nick> [<count>]
    void whowas(Context ctx, IrcMessage m) {
        String nick = m.param(0);
        if (nick == null || nick.isEmpty()) {
            ctx.reply().numeric(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        // Modern: a missing, zero, negative or unreadable count means every entry.
        int count = 0;
        if (m.param(1) != null) {
            try {
                count = Integer.parseInt(m.param(1).trim());
            } catch (NumberFormatException e) {
                count = 0;
            }
        }
        List<WhowasEntry> entries = ctx.registry().directory().whowas(nick, count);
        if (entries.isEmpty()) ctx.reply().numeric(Numeric.ERR_WASNOSUCHNICK, nick, "There was no such nickname");
        for (WhowasEntry entry : entries) {
            Identity id = entry.identity();
            ctx.reply().numeric(Numeric.RPL_WHOWASUSER, id.nick(), id.user(), id.host(), "*", id.realname());
            // As InspIRCd: the server, and when the nickname was left.
            ctx.reply().numeric(Numeric.RPL_WHOISSERVER, id.nick(), ctx.server().name(),
                    ServerQueries.humanTime(entry.leftAtSeconds()));
        }
        ctx.reply().numeric(Numeric.RPL_ENDOFWHOWAS, nick, "End of WHOWAS");
    }

    // ISON <nick>{ <nick>}
    void ison(Context ctx, IrcMessage m) {
        List<String> online = new ArrayList<>();
        for (String nick : spaceSeparated(m)) {
            User user = ctx.registry().findNick(nick);
            if (user != null) online.add(user.nick());
        }
        ctx.reply().numeric(Numeric.RPL_ISON, String.join(" ", online));
    }

    // USERHOST <nick>{ <nick>}
    void userhost(Context ctx, IrcMessage m) {
        List<String> nicks = spaceSeparated(m);
        List<String> replies = new ArrayList<>();
        for (String nick : nicks.subList(0, Math.min(nicks.size(), USERHOST_TARGETS))) {
            User user = ctx.registry().findNick(nick);
            if (user == null) continue;
            Identity id = user.identity();
            replies.add(id.nick() + (user.operator() ? "*" : "") + "=" + (user.awayMessage() == null ? "+" : "-")
                    + id.user() + "@" + id.host());
        }
        ctx.reply().numeric(Numeric.RPL_USERHOST, String.join(" ", replies));
    }

    /** The nicknames of ISON and USERHOST: one per parameter, and clients also send several in the last one. */
    private static List<String> spaceSeparated(IrcMessage m) {
        List<String> nicks = new ArrayList<>();
        for (String param : m.params()) {
            for (String nick : param.split(" ")) {
                if (!nick.isEmpty()) nicks.add(nick);
            }
        }
        return nicks;
    }

    /** {@code numeric <nick> :<items>} lines, as many items in each as fit in 512 bytes. */
    private static void sendWrapped(Context ctx, Numeric numeric, String nick, List<String> items) {
        // ":server NNN client nick :" plus CR LF
        int overhead = ctx.server().name().length() + ctx.user().target().length() + nick.length() + 12;
        int budget = LineParser.MAX_LINE_BYTES - overhead;
        StringBuilder line = new StringBuilder();
        for (String item : items) {
            if (line.length() > 0 && line.length() + 1 + item.length() > budget) {
                ctx.reply().numeric(numeric, nick, line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(item);
        }
        if (line.length() > 0) ctx.reply().numeric(numeric, nick, line.toString());
    }
}
