package chat.client.render;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The answers to queries, which come as runs of numerics closed by an end numeric: WHOIS as a small block
 * ({@code * bob is b@host (Bob)} and indented details), WHO and LIST one line per entry, ban and quiet lists,
 * each end line saying how many entries came. Used by {@link Renderer} from the reader thread only.
 */
final class QueryReplies {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Starts the detail lines of a WHOIS block. */
    static final String DETAIL = "*   ";
    private static final String LIST_KEY = "";

    private final Clock clock;
    private String whois; // reader thread only: the nick whose WHOIS block is open, or null
    private final Map<String, Integer> counts = new HashMap<>(); // reader thread only: "numeric target" -> entries

    QueryReplies(Clock clock) {
        this.clock = clock;
    }

    /** The line for a numeric this class {@link #handles}, with at least {@link #minParams}; null to show nothing. */
    String render(Numeric numeric, IrcMessage m) {
        return switch (numeric) {
            // 311 <me> <nick> <user> <host> * :<realname>
            case RPL_WHOISUSER -> {
                whois = m.param(1);
                yield "* " + m.param(1) + " is " + m.param(2) + "@" + m.param(3) + " (" + m.last() + ")";
            }
            // 312 <me> <nick> <server> :<server info>
            case RPL_WHOISSERVER -> DETAIL + "server: " + m.param(2)
                    + (m.params().size() > 3 && !m.last().isEmpty() ? " (" + m.last() + ")" : "");
            // 313 <me> <nick> :is an IRC operator
            case RPL_WHOISOPERATOR -> DETAIL + "is an IRC operator";
            // 317 <me> <nick> <secs> [<signon>] :seconds idle, signon time
            case RPL_WHOISIDLE -> DETAIL + "idle " + duration(m.param(2))
                    + (m.params().size() > 4 ? ", signed on " + date(m.param(3)) : "");
            // 319 <me> <nick> :{[prefix]<channel> }
            case RPL_WHOISCHANNELS -> DETAIL + "channels: " + m.last().strip();
            // 330 <me> <nick> <account> :is logged in as
            case RPL_WHOISACCOUNT -> DETAIL + "account: " + m.param(2);
            // 301 <me> <nick> :<message>, inside a WHOIS or in answer to a message
            case RPL_AWAY -> m.param(1).equals(whois) ? DETAIL + "away: " + m.last()
                    : "* " + m.param(1) + " is away: " + m.last();
            // 730 <me> :nick!user@host{,nick!user@host}
            case RPL_MONONLINE -> "* online: " + nicksOf(m.last());
            // 731 <me> :nick{,nick}
            case RPL_MONOFFLINE -> "* offline: " + nicksOf(m.last());
            // 732 <me> :nick{,nick}
            case RPL_MONLIST -> "* monitoring: " + m.last().replace(",", ", ");
            // 733 <me> :End of MONITOR list
            case RPL_ENDOFMONLIST -> null;
            // 734 <me> <limit> <nicks> :Monitor list is full
            case ERR_MONLISTFULL -> "! monitor list is full (at most " + m.param(1) + "): " + m.param(2) + " not added";
            // 318 <me> <nick> :End of /WHOIS list
            case RPL_ENDOFWHOIS -> {
                whois = null;
                yield null;
            }
            // 352 <me> <channel> <user> <host> <server> <nick> <flags> :<hopcount> <realname>
            case RPL_WHOREPLY -> {
                count(numeric, LIST_KEY);
                yield "* " + m.param(1) + "  " + m.param(5) + "  " + m.param(2) + "@" + m.param(3) + "  "
                        + m.param(6) + "  " + afterFirstWord(m.last());
            }
            // 315 <me> <mask> :End of WHO list
            case RPL_ENDOFWHO -> ending(Numeric.RPL_WHOREPLY, LIST_KEY, "person", "people",
                    " matching " + m.param(1), "no one matches " + m.param(1));
            // 321 <me> Channel :Users  Name
            case RPL_LISTSTART -> null;
            // 322 <me> <channel> <count> :<topic>
            case RPL_LIST -> {
                count(numeric, LIST_KEY);
                String topic = m.params().size() > 3 ? m.last().strip() : "";
                yield m.param(1) + "  " + m.param(2) + (topic.isEmpty() ? "" : "  " + topic);
            }
            // 323 <me> :End of /LIST
            case RPL_LISTEND -> ending(Numeric.RPL_LIST, LIST_KEY, "channel", "channels", "", "no channels");
            // 367 <me> <channel> <mask> [<who> <set-ts>]
            case RPL_BANLIST -> {
                count(numeric, m.param(1));
                yield "* " + m.param(1) + " ban " + m.param(2) + setBy(m, 3);
            }
            // 368 <me> <channel> :End of channel ban list
            case RPL_ENDOFBANLIST -> ending(Numeric.RPL_BANLIST, m.param(1), "ban", "bans", " on " + m.param(1),
                    "no bans on " + m.param(1));
            // 728 <me> <channel> q <mask> [<who> <set-ts>]
            case RPL_QUIETLIST -> {
                count(numeric, m.param(1));
                yield "* " + m.param(1) + " quiet " + m.param(3) + setBy(m, 4);
            }
            // 729 <me> <channel> q :End of channel quiet list
            case RPL_ENDOFQUIETLIST -> ending(Numeric.RPL_QUIETLIST, m.param(1), "quiet", "quiets",
                    " on " + m.param(1), "no quiets on " + m.param(1));
            default -> throw new IllegalArgumentException("not a query reply: " + numeric);
        };
    }

    /** Whether a WHOIS block about this nickname is open. */
    boolean inWhois(String nick) {
        return nick != null && nick.equals(whois);
    }

    /** Whether this class renders the numeric. */
    static boolean handles(Numeric numeric) {
        return minParams(numeric) >= 0;
    }

    /** The nicknames of a MONITOR list ({@code nick!user@host} or {@code nick}, comma-separated), comma and space. */
    private static String nicksOf(String list) {
        StringBuilder out = new StringBuilder();
        for (String entry : list.split(",")) {
            if (entry.isEmpty()) continue;
            if (out.length() > 0) out.append(", ");
            int bang = entry.indexOf('!');
            out.append(bang < 0 ? entry : entry.substring(0, bang));
        }
        return out.toString();
    }

    /** How many parameters a numeric needs at least to be rendered here; -1 for numerics of other families. */
    static int minParams(Numeric numeric) {
        return switch (numeric) {
            case RPL_WHOISUSER -> 6;
            case RPL_WHOISIDLE, RPL_WHOISACCOUNT, RPL_WHOISSERVER, RPL_LIST, RPL_BANLIST -> 3;
            case RPL_WHOREPLY -> 8;
            case RPL_QUIETLIST, ERR_MONLISTFULL -> 4;
            case RPL_WHOISOPERATOR, RPL_WHOISCHANNELS, RPL_AWAY, RPL_ENDOFWHOIS, RPL_ENDOFWHO, RPL_ENDOFBANLIST,
                    RPL_ENDOFQUIETLIST -> 2;
            case RPL_LISTSTART, RPL_LISTEND, RPL_MONONLINE, RPL_MONOFFLINE, RPL_MONLIST, RPL_ENDOFMONLIST -> 2;
            default -> -1;
        };
    }

    private void count(Numeric entry, String target) {
        counts.merge(entry.code() + " " + target, 1, Integer::sum);
    }

    /** {@code * 3 bans on #lobby}, {@code * 1 ban on #lobby}, or the text for none; forgets the count. */
    private String ending(Numeric entry, String target, String one, String many, String where, String none) {
        Integer n = counts.remove(entry.code() + " " + target);
        if (n == null) return "* " + none;
        return "* " + n + " " + (n == 1 ? one : many) + where;
    }

    /** {@code  (set by alice on 2025-03-01 12:00)} from the optional setter and time at {@code from}. */
    private String setBy(IrcMessage m, int from) {
        String who = m.param(from);
        if (who == null) return "";
        String when = m.param(from + 1);
        return " (set by " + nickOf(who) + (when == null ? "" : " on " + date(when)) + ")";
    }

    private String date(String unixSeconds) {
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(unixSeconds));
            return DATE_TIME.format(ZonedDateTime.ofInstant(at, clock.getZone()));
        } catch (NumberFormatException e) {
            return unixSeconds;
        }
    }

    /** {@code 2h 5m 3s} from seconds; the text as it is when it is no number. */
    static String duration(String seconds) {
        try {
            Duration d = Duration.ofSeconds(Long.parseLong(seconds));
            StringBuilder out = new StringBuilder();
            if (d.toDaysPart() > 0) out.append(d.toDaysPart()).append("d ");
            if (d.toHoursPart() > 0) out.append(d.toHoursPart()).append("h ");
            if (d.toMinutesPart() > 0) out.append(d.toMinutesPart()).append("m ");
            return out.append(d.toSecondsPart()).append('s').toString();
        } catch (NumberFormatException e) {
            return seconds;
        }
    }

    private static String nickOf(String mask) {
        int bang = mask.indexOf('!');
        return bang < 0 ? mask : mask.substring(0, bang);
    }

    /** The real name in a WHO reply's last parameter, after the hop count. */
    private static String afterFirstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? "" : text.substring(space + 1);
    }
}
