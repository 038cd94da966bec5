package chat.server.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text HELP sends: one topic per command this server implements (a test checks both ways against the command
 * table), and an index. Each topic's first line is its syntax, the rest its description.
 */
final class HelpTopics {

    /** Widest index line listing commands, in characters. */
    private static final int INDEX_WIDTH = 60;

    // One block per command, blocks separated by an empty line; the first word of a block is its subject.
    private static final String TEXT = """
            ADMIN [<server>]
            Tells where this server is and how to reach its administrator.

            AWAY [<message>]
            Marks you as away with <message>, or, without one, as back. Whoever
            sends you a private message is told your message; WHO shows you as
            G (gone), WHOIS and USERHOST show it too. Longer than AWAYLEN is cut.

            CAP LS [302] | CAP LIST | CAP REQ :<capabilities> | CAP END
            Negotiates IRCv3 capabilities before registration: LS lists what is
            offered, REQ asks for some, END lets registration complete.

            HELP [<subject>]
            Shows help on a command, or without <subject> the list of commands.

            INFO [<server>]
            Tells which software this server runs and since when.

            ISON <nick>{ <nick>}
            Answers which of these nicknames are online now.

            JOIN <channel>{,<channel>} [<key>{,<key>}]
            Joins channels, creating those that do not exist; JOIN 0 leaves
            every channel you are on.

            LUSERS
            Counts users (visible and invisible), IRC operators, unregistered
            connections and channels, and the most users seen at once.

            MOTD [<server>]
            Shows the message of the day.

            NAMES [<channel>{,<channel>}]
            Lists who is on a channel, operators marked with @.

            NICK <nickname>
            Sets or changes your nickname.

            NOTICE <target>{,<target>} <text>
            Like PRIVMSG, but no automatic reply or error ever answers it.

            PART <channel>{,<channel>} [<reason>]
            Leaves channels.

            PASS <password>
            Gives the connection password before registration.

            PING <token>
            Asks the server to answer PONG <token>.

            PONG [<server>] <token>
            Answers the server's PING.

            MODE <channel> [<modes> [<params>...]] | MODE <nick> [<modes>]
            Shows or changes modes. Channel: +o/+v nick (operator, voice), +b/+e/+I/+q
            mask (ban, ban exception, invite exception, quiet), +i +m +n +s +t, +k key,
            +l limit; operators only. A list letter alone (MODE #c b) shows the list.
            Your own: +i (invisible), +w (wallops); +o only through OPER.

            KICK <channel> <nick>{,<nick>} [<reason>]
            Removes users from a channel; channel operators only.

            INVITE <nick> <channel>
            Invites a user; on an invite-only (+i) channel only operators may.

            LIST [<channel>{,<channel>} | <mask>] [>n | <n]
            Lists channels (not secret ones you are not on) with their users and
            topic; masks may use * and ?, >n and <n filter by user count.

            AUTHENTICATE <mechanism> | AUTHENTICATE <base64 chunk>
            SASL login (PLAIN or SCRAM-SHA-256) during registration: enable the sasl
            capability, name a mechanism, then send the data in chunks of 400.

            REGISTER <account> <email|*> <password>
            Registers your nickname as an account (draft/account-registration); the
            account name must be your nickname.

            NICKSERV <REGISTER|IDENTIFY|INFO|DROP|SET PASSWORD> [<args>]
            The NickServ service for clients without SASL: register, log in, look
            up, drop an account, change its password. Also /msg NickServ or NS.

            NS <REGISTER|IDENTIFY|INFO|DROP|SET PASSWORD> [<args>]
            Short for NICKSERV.

            CHATHISTORY <LATEST|BEFORE|AFTER|AROUND|BETWEEN|TARGETS> <target> ...
            Past messages of a channel you are on or of your private chats
            (draft/chathistory), in a batch; at most 100 per request.

            CHGHOST <nick> <user> <host>
            Operators only: changes the user name and host a user is shown with;
            clients with the chghost capability see the change.

            SETNAME :<realname>
            Changes your real name; clients with the setname capability who
            share a channel with you see the change. At most NAMELEN (100) bytes.

            BATCH +<ref> draft/multiline <target> | BATCH -<ref>
            Sends one message of several lines (draft/multiline): the PRIVMSG or
            NOTICE lines in between carry the tag batch=<ref>.

            MONITOR + <nick>{,<nick>} | MONITOR - <nick>{,<nick>} | MONITOR C|L|S
            Your notify list: + adds nicknames (730 for those online, 731 for the
            others; later changes are told the same way), - removes them, C
            clears the list, L lists it, S tells who on it is online now.

            LINKS [[<server>] <mask>]
            Lists the servers of this network: this one alone.

            RENAME <channel> <new name> [<reason>]
            Channel operators: gives the channel a new name; its members, modes
            and topic stay. Not for the default channel or registered channels.

            MARKREAD <target> [timestamp=<YYYY-MM-DDThh:mm:ss.sssZ>]
            Reads or moves forward how far you have read <target> (draft/read-
            marker); logged in, it is kept for your account and all its sessions.

            REDACT <target> <msgid> [<reason>]
            Withdraws a message you sent, or as channel operator anyone's, from
            the channel or private conversation and from history.

            TAGMSG <target>{,<target>}
            Sends only message tags (such as +typing) to channels or nicknames;
            only clients with the message-tags capability receive it.

            PRIVMSG <target>{,<target>} <text>
            Sends <text> to channels and nicknames. An away user's message is
            sent back to you.

            QUIT [<reason>]
            Disconnects; the people sharing a channel with you see <reason>.

            TIME [<server>]
            Tells the server's time.

            TOPIC <channel> [<topic>]
            Shows a channel's topic, or sets it (an empty one clears it).

            USER <username> <mode> <unused> <realname>
            Gives your user name and real name at registration.

            USERHOST <nick>{ <nick>}
            Answers nick=+user@host for up to five nicknames: * after the nick
            marks an IRC operator, - instead of + an away user.

            VERSION [<server>]
            Tells the server's version and its ISUPPORT tokens.

            WHO [<mask> [o][%<fields>[,<token>]]]
            Lists the members of a channel, or the users whose nickname, user
            name, host or real name match <mask> (* and ? are wildcards).
            Invisible users show only to those sharing a channel with them.
            o lists only IRC operators. %<fields> asks for WHOX fields among
            t c u i h s n f d l a o r, returned in that order.

            WHOIS [<server>] <nick>{,<nick>}
            Tells who a user is: user name, host, real name, channels, server,
            IRC operator status, away message, idle time and signon time.

            WHOWAS <nick> [<count>]
            Tells who recently used a nickname that was left by QUIT or NICK,
            newest first, at most <count> entries.

            OPER <name> [<password>]
            Makes you an IRC operator (user mode +o) with an operator block
            of the server's configuration, if your user@host may use it
            (and, for a block naming an account, you are logged in to it).

            KILL <nick> [<reason>]
            IRC operators: disconnects a user; its channels see why.

            STATS <query>
            IRC operators: u uptime, m command counts, k K-lines, d D-lines,
            l connections by transport.

            KLINE [<duration>] <user@host> [<reason>]
            IRC operators: bans a user@host mask (host: glob, IP or CIDR).
            Matching users are disconnected, new ones refused. A duration is
            seconds or like 30m, 1h30m, 7d; without one the ban is permanent.

            UNKLINE <user@host>
            IRC operators: lifts a KLINE.

            DLINE [<duration>] <address>[/<bits>] [<reason>]
            IRC operators: bans an IPv4 or IPv6 address or network; connections
            from it are refused at once. Durations as for KLINE.

            UNDLINE <address>[/<bits>]
            IRC operators: lifts a DLINE.

            REHASH
            IRC operators: reads the configuration file and the TLS certificate
            again; names the settings that change only on restart.

            WALLOPS <text>
            IRC operators: sends <text> to every user with user mode +w.

            SAJOIN <nick> <channel>
            IRC operators: makes a user join a channel.

            SAPART <nick> <channel> [<reason>]
            IRC operators: makes a user leave a channel.
            """;

    private static final Map<String, List<String>> TOPICS = parse(TEXT);

    private HelpTopics() {
    }

    /** The subjects there is help on, upper case, sorted. */
    static List<String> subjects() {
        return List.copyOf(TOPICS.keySet());
    }

    /**
     * The lines of help on {@code subject} (any case), or on the whole server when it is null or empty: the first
     * line is a title (RPL_HELPSTART), the rest the text. Null when there is no such topic.
     */
    static List<String> lookup(String subject) {
        if (subject == null || subject.isEmpty()) return index();
        return TOPICS.get(subject.toUpperCase(Locale.ROOT));
    }

    private static List<String> index() {
        List<String> lines = new ArrayList<>();
        lines.add("** Help System **");
        lines.add("Try HELP <command> for help on one command. Commands:");
        StringBuilder line = new StringBuilder();
        for (String subject : TOPICS.keySet()) {
            if (line.length() > 0 && line.length() + 1 + subject.length() > INDEX_WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(subject);
        }
        if (line.length() > 0) lines.add(line.toString());
        return Collections.unmodifiableList(lines);
    }

    private static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> topics = new TreeMap<>();
        for (String block : text.strip().split("\n\\s*\n")) {
            List<String> lines = block.strip().lines().map(String::strip).toList();
            String subject = lines.get(0).split(" ", 2)[0];
            if (lines.size() < 2) throw new IllegalStateException("help on " + subject + " has no description");
            if (topics.put(subject, lines) != null) throw new IllegalStateException("two help topics for " + subject);
        }
        return Collections.unmodifiableMap(topics);
    }
}
