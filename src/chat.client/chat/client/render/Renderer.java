package chat.client.render;

import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns received messages into readable lines: {@code 12:01 <alice> hi}, {@code * carol joined #lobby},
 * {@code ! #dev: No such channel}. What people do carries the local time; what the server says does not.
 * Every line is stripped of formatting and control characters.
 *
 * <p>{@link #render} keeps the names of a NAMES reply until its end and must be called from one thread (the
 * reader); {@link #echo} is stateless.
 */
public final class Renderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final char CTCP = '\u0001';
    private static final String ACTION = "ACTION";
    /** Shown instead of a source when a message has none. */
    private static final String SERVER = "server";
    private static final String TIME_TAG = "time";
    private static final String BATCH_TAG = "batch";
    /** Starts the second and later lines of a multi-line message. */
    static final String MULTILINE_INDENT = "      | ";

    private final Clock clock;
    private final Map<String, List<String>> names = new HashMap<>(); // reader thread only: channel -> names so far
    private final QueryReplies queries; // reader thread only
    private final Map<String, History> histories = new HashMap<>(); // reader thread only: open chathistory batches
    private final MultilineBatches multiline = new MultilineBatches(); // reader thread only

    /** A chathistory batch being shown: its target and how many lines came so far. */
    private static final class History {
        final String target;
        int shown;

        History(String target) {
            this.target = target;
        }
    }

    /** @param clock gives the time and the zone of the timestamps */
    public Renderer(Clock clock) {
        this.clock = clock;
        this.queries = new QueryReplies(clock);
    }

    /**
     * What received lines show, and the message they are about: {@code message} is the received one, or the
     * whole of a multi-line message when its batch ends (what a mention or a private chat is judged on), or
     * null while a batch is being held.
     */
    public record Shown(List<String> lines, IrcMessage message) {
        static final Shown NOTHING = new Shown(List.of(), null);
    }

    /**
     * The lines to show for a received message: usually one, none for what is not worth showing. A line of a
     * history batch comes under a "history of #chan" header, with the time it was said.
     */
    public List<String> render(IrcMessage m, View view) {
        return show(m, view).lines();
    }

    /** As {@link #render}, with the message the lines are about. */
    public Shown show(IrcMessage m, View view) {
        History history = histories.get(m.tags().getOrDefault(BATCH_TAG, ""));
        if (history != null) view = new View(view.nick(), history.target, view.mapping());
        if (multiline.holds(m)) {
            // a multi-line message (in a history batch too: its opener carries the time and the outer batch)
            if (!m.command().equals("BATCH") || m.param(0).startsWith("+")) return Shown.NOTHING;
            IrcMessage whole = multiline.closed(m);
            return whole == null ? Shown.NOTHING : new Shown(multiline(whole, view), whole);
        }
        String line = line(m, view);
        if (line == null) return new Shown(List.of(), m);
        line = PlainText.clean(line);
        if (history == null || history.shown++ > 0) return new Shown(List.of(line), m);
        return new Shown(List.of(PlainText.clean("* history of " + history.target + ":"), line), m);
    }

    private String line(IrcMessage m, View view) {
        return m.params().size() < minParams(m.command()) ? stamp(m, generic(m)) : switch (m.command()) {
            case "PRIVMSG" -> privmsg(m, view);
            case "NOTICE" -> notice(m, view);
            case "JOIN" -> stamp(m, "* " + who(m.sourceNick(), view) + " joined " + m.param(0));
            case "PART" -> stamp(m, "* " + who(m.sourceNick(), view) + " left " + m.param(0) + reason(m.param(1)));
            case "QUIT" -> stamp(m, "* " + sourceName(m) + " quit" + reason(m.param(0)));
            case "NICK" -> stamp(m, "* " + (view.isMe(m.sourceNick()) ? "you are" : sourceName(m) + " is")
                    + " now known as " + m.param(0));
            case "KICK" -> stamp(m, "* " + who(m.param(1), view) + (view.isMe(m.param(1)) ? " were" : " was")
                    + " kicked from " + m.param(0) + " by " + sourceName(m) + reason(m.param(2)));
            case "TOPIC" -> stamp(m, m.params().size() < 2 || m.last().isEmpty()
                    ? "* " + sourceName(m) + " cleared the topic of " + m.param(0)
                    : "* " + sourceName(m) + " changed the topic of " + m.param(0) + " to: " + m.last());
            case "INVITE" -> stamp(m, "* " + sourceName(m) + " invites " + who(m.param(0), view) + " to " + m.param(1)
                    + (view.isMe(m.param(0)) ? " (type /join " + m.param(1) + ")" : ""));
            case "MODE" -> mode(m, view);
            case "WALLOPS" -> stamp(m, "[wallops] <" + sourceName(m) + "> " + m.last());
            // REDACT <target> <msgid> [:<reason>]
            case "REDACT" -> stamp(m, "* " + sourceName(m) + " withdrew a message" + (view.isCurrent(m.param(0)) ? ""
                    : " in " + m.param(0)) + reason(m.params().size() > 2 ? m.param(2) : null));
            case "AWAY" -> stamp(m, "* " + sourceName(m) + (m.params().isEmpty() || m.last().isEmpty() ? " is back"
                    : " is away: " + m.last()));
            case "ERROR" -> "! server: " + m.last();
            case "BATCH" -> batch(m);
            case "REGISTER", "VERIFY" -> accountReply(m);
            case "FAIL" -> m.params().size() >= 4 && m.param(0).equals("CHATHISTORY")
                    ? "! cannot show the history of " + m.param(3) + ": " + m.last()
                    : "! " + standardReply(m);
            case "WARN" -> "! warning: " + standardReply(m);
            case "NOTE" -> "* " + standardReply(m);
            case "PING", "PONG", "CAP", "AUTHENTICATE" -> null;
            default -> isNumeric(m.command()) ? numeric(m) : stamp(m, generic(m));
        };
    }

    // BATCH +<id> chathistory <target> ... BATCH -<id>
    private String batch(IrcMessage m) {
        String ref = m.param(0);
        if (ref.startsWith("+")) {
            if (m.params().size() >= 3 && m.param(1).endsWith("chathistory")) {
                histories.put(ref.substring(1), new History(m.param(2)));
            }
            return null;
        }
        History ended = histories.remove(ref.substring(1));
        if (ended == null || ended.shown > 0) return null;
        return "* no history " + (Names.isChannel(ended.target) ? "of " : "with ") + ended.target;
    }

    // REGISTER SUCCESS <account> :<message>, REGISTER VERIFICATION_REQUIRED <account> :<message>, VERIFY ...
    private static String accountReply(IrcMessage m) {
        if (m.params().size() < 3) return "* " + m.last();
        String account = m.param(1);
        return switch (m.param(0)) {
            case "SUCCESS" -> m.command().equals("REGISTER") ? "* the account " + account + " is registered; you are"
                    + " logged in to it" : "* the account " + account + " is verified";
            case "VERIFICATION_REQUIRED" -> "* the account " + account + " needs verifying: " + m.last();
            default -> "* " + m.last();
        };
    }

    /**
     * The local echo of a message we sent, since the server does not echo: {@code 12:01 <me> text} in the
     * current channel, {@code [#dev] <me> text} in another, {@code [to a,b] <me> text} to people. Only PRIVMSG
     * is echoed.
     */
    public Optional<String> echo(IrcMessage sent, View view) {
        if (!sent.command().equals("PRIVMSG") || sent.params().size() < 2) return Optional.empty();
        String target = sent.param(0);
        String where;
        if (view.isCurrent(target)) {
            where = "";
        } else if (Names.isChannel(target) && target.indexOf(',') < 0) {
            where = "[" + target + "] ";
        } else {
            where = "[to " + target + "] ";
        }
        String me = view.nick() == null ? "me" : view.nick();
        return Optional.of(PlainText.clean(stamp(null, where + said(me, sent.last()))));
    }

    /** A multi-line message: its first line as any message, the others indented under it. */
    private List<String> multiline(IrcMessage whole, View view) {
        String[] lines = whole.last().split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        IrcMessage first = IrcMessage.from(whole.source(), whole.command(), whole.param(0), lines[0])
                .withTags(whole.tags());
        out.addAll(render(first, view));
        for (int i = 1; i < lines.length; i++) out.add(PlainText.clean(MULTILINE_INDENT + lines[i]));
        return out;
    }

    // PRIVMSG <target> :<text>
    private String privmsg(IrcMessage m, View view) {
        String target = m.param(0);
        String where;
        if (Names.isChannel(target)) {
            where = view.isCurrent(target) ? "" : "[" + target + "] ";
        } else if (view.isMe(target)) {
            where = view.isCurrent(m.sourceNick()) ? "" : "[private] ";
        } else {
            where = view.isCurrent(target) ? "" : "[" + target + "] ";
        }
        return stamp(m, where + said(sourceName(m), m.last()));
    }

    /** {@code <nick> text}, or {@code * nick text} for an action, or a note for another CTCP request. */
    private static String said(String nick, String text) {
        if (text == null) text = "";
        if (text.length() > 1 && text.charAt(0) == CTCP) {
            String body = text.substring(1, text.charAt(text.length() - 1) == CTCP ? text.length() - 1 : text.length());
            if (body.equals(ACTION)) return "* " + nick;
            if (body.startsWith(ACTION + " ")) return "* " + nick + " " + body.substring(ACTION.length() + 1);
            return "* " + nick + " sent a CTCP " + body;
        }
        return "<" + nick + "> " + text;
    }

    // MODE <target> <modestring> [<mode arguments>...]
    private String mode(IrcMessage m, View view) {
        String change = String.join(" ", m.params().subList(1, m.params().size()));
        if (view.isMe(m.param(0))) return stamp(m, "* your mode changed: " + change);
        return stamp(m, "* " + sourceName(m) + " sets mode " + change + " on " + m.param(0));
    }

    // NOTICE <target> :<text>
    private String notice(IrcMessage m, View view) {
        String target = m.param(0);
        String where = Names.isChannel(target) && !view.isCurrent(target) ? "[" + target + "] " : "";
        return stamp(m, where + "-" + sourceName(m) + "- " + (m.last() == null ? "" : m.last()));
    }

    private String numeric(IrcMessage m) {
        Numeric numeric = Numeric.ofCode(m.command());
        if (numeric != null && QueryReplies.handles(numeric) && m.params().size() >= QueryReplies.minParams(numeric)) {
            return queries.render(numeric, m);
        }
        if (numeric != null) {
            switch (numeric) {
                case RPL_MYINFO, RPL_ISUPPORT, RPL_ENDOFMOTD:
                    return null;
                case RPL_WELCOME, ERR_NOMOTD, RPL_LOCALUSERS, RPL_GLOBALUSERS, RPL_LOGGEDIN, RPL_LOGGEDOUT:
                    return "* " + m.last();
                case RPL_SASLSUCCESS, RPL_SASLMECHS:
                    // 900 already said whom we are logged in as.
                    return null;
                case ERR_NICKLOCKED, ERR_SASLFAIL, ERR_SASLTOOLONG, ERR_SASLABORTED, ERR_SASLALREADY:
                    return "! cannot log in: " + m.last();
                case RPL_MOTDSTART, RPL_MOTD:
                    return m.last();
                case RPL_NAMREPLY:
                    // 353 <me> <type> <channel> :<names>
                    names.computeIfAbsent(m.param(2), c -> new ArrayList<>()).addAll(words(m.last()));
                    return null;
                case RPL_ENDOFNAMES: {
                    // 366 <me> <channel> :End of /NAMES list
                    List<String> users = names.remove(m.param(1));
                    return users == null || users.isEmpty() ? "* no users in " + m.param(1)
                            : "* users in " + m.param(1) + ": " + String.join(" ", users);
                }
                case RPL_TOPIC:
                    return "* topic of " + m.param(1) + ": " + m.last();
                case RPL_NOTOPIC:
                    return "* no topic is set for " + m.param(1);
                case RPL_TOPICWHOTIME:
                    // 333 <me> <channel> <setter> <unix time>
                    return "* topic of " + m.param(1) + " set by " + nickOf(m.param(2)) + when(m.param(3));
                case RPL_UNAWAY:
                    return "* you are back (no longer marked as away)";
                case RPL_NOWAWAY:
                    return "* you are marked as away (/away alone to come back)";
                case RPL_YOUREOPER:
                    return "* you are now an IRC operator";
                case RPL_UMODEIS:
                    // 221 <me> <user modes>
                    return "* your modes: " + String.join(" ", m.params().subList(1, m.params().size()));
                case RPL_CHANNELMODEIS:
                    // 324 <me> <channel> <modestring> [<mode arguments>...]
                    return "* modes of " + m.param(1) + ": "
                            + String.join(" ", m.params().subList(2, m.params().size()));
                case RPL_CREATIONTIME:
                    // 329 <me> <channel> <creation time>
                    return "* " + m.param(1) + " was created" + when(m.param(2));
                case RPL_INVITING:
                    // 341 <me> <nick> <channel>
                    return "* you invited " + m.param(1) + " to " + m.param(2);
                case ERR_UNKNOWNCOMMAND:
                    // We send CAP LS to every server; one without capabilities need not say so.
                    if ("CAP".equals(m.param(1))) return null;
                    break;
                default:
                    break;
            }
        }
        char kind = m.command().charAt(0);
        if (kind == '4' || kind == '5') return "! " + describe(m.params(), 1, m.command());
        // Details a server adds to a WHOIS block that we have no words of our own for (378, 671, ...).
        if (queries.inWhois(m.param(1))) return QueryReplies.DETAIL + describe(m.params(), 2, m.command());
        return "* " + (m.params().size() > 1 ? String.join(" ", m.params().subList(1, m.params().size())) : m.command());
    }

    private String generic(IrcMessage m) {
        String head = (m.source() == null ? "" : sourceName(m) + " ") + m.command();
        return "* " + (m.params().isEmpty() ? head : head + " " + describe(m.params(), 0, ""));
    }

    // FAIL <command> <code> [<context>...] :<description>
    private static String standardReply(IrcMessage m) {
        int n = m.params().size();
        if (n < 3) return String.join(" ", m.params());
        // #16: a sentence, not the protocol's command and code.
        String context = String.join(" ", m.params().subList(2, n - 1));
        return (context.isEmpty() ? "" : context + ": ") + m.last();
    }

    /** Parameters from {@code from}: the middle ones, then ": " and the last one; or {@code empty} if none. */
    private static String describe(List<String> params, int from, String empty) {
        int n = params.size();
        if (n <= from) return empty;
        if (n == from + 1) return params.get(from);
        return String.join(" ", params.subList(from, n - 1)) + ": " + params.get(n - 1);
    }

    /**
     * {@code 12:01 text}: the time the server says the message was sent (its {@code time} tag, #16: history
     * shows when things were said), or now; with the date when that is not today.
     */
    private String stamp(IrcMessage m, String text) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime at = now;
        String tag = m == null ? null : m.tags().get(TIME_TAG);
        if (tag != null) {
            try {
                at = Instant.parse(tag).atZone(clock.getZone());
            } catch (DateTimeParseException e) {
                // a server's odd time: show ours
            }
        }
        return (at.toLocalDate().equals(now.toLocalDate()) ? TIME : DATE_TIME).format(at) + " " + text;
    }

    private String when(String unixSeconds) {
        if (unixSeconds == null) return "";
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(unixSeconds));
            return " on " + DATE_TIME.format(ZonedDateTime.ofInstant(at, clock.getZone()));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static String who(String nick, View view) {
        return view.isMe(nick) ? "you" : nick;
    }

    private static String sourceName(IrcMessage m) {
        return m.source() == null ? SERVER : m.sourceNick();
    }

    private static String nickOf(String mask) {
        if (mask == null) return "?";
        int bang = mask.indexOf('!');
        return bang < 0 ? mask : mask.substring(0, bang);
    }

    private static String reason(String reason) {
        return reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) return List.of();
        return List.of(text.strip().split(" +"));
    }

    /** Fewer parameters than this and a message is shown the generic way. */
    private static int minParams(String command) {
        return switch (command) {
            case "PRIVMSG", "NOTICE", "KICK", "INVITE", "MODE", "REDACT" -> 2;
            case "JOIN", "PART", "NICK", "TOPIC", "ERROR", "WALLOPS" -> 1;
            default -> 0;
        };
    }

    private static boolean isNumeric(String command) {
        return command.length() == 3 && Character.isDigit(command.charAt(0));
    }
}
