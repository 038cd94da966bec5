package chat.client.input;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.Names;
import chat.protocol.ParseResult;
import chat.protocol.TargetList;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a typed line into an {@link Input}: plain text goes to the current channel, {@code /command args} goes
 * through the command table, {@code //text} sends {@code /text} literally. Stateless and thread-safe.
 */
public final class InputParser {

    /** Starts a command; doubled, it escapes itself. */
    private static final String COMMAND_PREFIX = "/";
    /** The CTCP envelope of an action: {@code \u0001ACTION text\u0001}. */
    private static final String ACTION_START = "\u0001ACTION ";
    private static final String ACTION_END = "\u0001";
    static final String NO_CHANNEL = "you are in no channel: /join one, or /msg someone";

    private static final List<Command> COMMANDS = List.of(
            new Command("msg", "/msg <nick|#channel>[,...] <text>", "send a message to people or channels",
                    InputParser::msg),
            new Command("join", "/join <#channel>[,...] [key]", "join a channel and make it current",
                    InputParser::join),
            new Command("switch", "/switch [#channel|nick]", "talk in another channel or private chat (/1../9,"
                    + " Alt-1..9; alone: list them)", InputParser::switchTo),
            new Command("query", "/query <nick>", "open a private chat with someone and talk there",
                    InputParser::query),
            new Command("part", "/part [#channel] [reason]", "leave a channel (the current one by default)",
                    InputParser::part),
            new Command("me", "/me <action>", "act in the current channel (* you waves)", InputParser::me),
            new Command("nick", "/nick <newnick>", "change your nickname", InputParser::nick),
            new Command("names", "/names [#channel]", "list who is in a channel", InputParser::names),
            new Command("topic", "/topic [#channel] [text]", "show or set a channel topic", InputParser::topic),
            new Command("kick", "/kick [#channel] <nick> [reason]", "remove someone from a channel",
                    ModerationCommands::kick),
            new Command("ban", "/ban [#channel] [nick|mask]", "ban from a channel (no mask: list the bans)",
                    ModerationCommands::ban),
            new Command("unban", "/unban [#channel] <nick|mask>", "lift a ban", ModerationCommands::unban),
            new Command("mute", "/mute [#channel] [nick|mask]", "quiet someone in a channel (no mask: list)",
                    ModerationCommands::mute),
            new Command("unmute", "/unmute [#channel] <nick|mask>", "let someone speak again",
                    ModerationCommands::unmute),
            new Command("mode", "/mode [#channel|nick] [modes [args]]", "show or change modes (current channel)",
                    ModerationCommands::mode),
            new Command("invite", "/invite <nick> [#channel]", "invite someone to a channel",
                    ModerationCommands::invite),
            new Command("whois", "/whois <nick>", "who someone is, where and how idle", QueryCommands::whois),
            new Command("who", "/who [#channel|mask]", "list people (the current channel by default)",
                    QueryCommands::who),
            new Command("list", "/list [mask]", "list channels, their sizes and topics", QueryCommands::list),
            new Command("away", "/away [message]", "mark yourself away (no message: back)", QueryCommands::away),
            new Command("monitor", "/monitor [[-]nick...]", "notify list: tell when nicks come and go (alone: who is on)",
                    QueryCommands::monitor),
            new Command("oper", "/oper <name> <password>", "become an IRC operator", ModerationCommands::oper),
            new Command("kill", "/kill <nick> <reason>", "disconnect someone (operators only)",
                    ModerationCommands::kill),
            new Command("register", "/register [password] [email]", "register your nickname as an account",
                    InputParser::register),
            new Command("login", "/login [account] [password]", "log in to your account", InputParser::login),
            new Command("history", "/history [nick|#channel] [n]", "show the last n messages (default 20)",
                    InputParser::history),
            new Command("raw", "/raw <line>", "send a raw IRC line to the server", InputParser::raw),
            new Command("quit", "/quit [reason]", "leave the server and exit", InputParser::quit),
            new Command("help", "/help", "show this list", InputParser::help));

    private static final List<String> HELP = helpLines();

    /** Parses one typed line (a trailing CR is ignored). */
    public Input parse(String line, String current) {
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        if (line.isBlank()) return new Input.Nothing();
        if (line.startsWith(COMMAND_PREFIX + COMMAND_PREFIX)) return say(line.substring(1), current);
        if (!line.startsWith(COMMAND_PREFIX)) return say(line, current);
        int space = line.indexOf(' ');
        String name = (space < 0 ? line.substring(1) : line.substring(1, space)).toLowerCase(Locale.ROOT);
        if (name.length() == 1 && name.charAt(0) >= '1' && name.charAt(0) <= '9' && space < 0) {
            return new Input.Switch(null, name.charAt(0) - '0');
        }
        String args = space < 0 ? "" : line.substring(space + 1).stripLeading();
        for (Command command : COMMANDS) {
            if (command.name().equals(name)) return command.action().apply(args, current);
        }
        return new Input.Problem("unknown command /" + name + "; type /help for the list");
    }

    /** The command words, for completion: {@code /msg}, {@code /join}, ... */
    public List<String> commands() {
        return COMMANDS.stream().map(c -> COMMAND_PREFIX + c.name()).toList();
    }

    /** The /help text: one line per command. */
    public List<String> help() {
        return HELP;
    }

    private static List<String> helpLines() {
        List<String> lines = new ArrayList<>();
        lines.add(helpLine("<text>", "send text to the current channel"));
        lines.add(helpLine("//<text>", "send text that starts with '/'"));
        lines.add(helpLine("/1 .. /9", "talk in the first .. ninth channel or private chat (Alt-1..9)"));
        for (Command command : COMMANDS) lines.add(helpLine(command.syntax(), command.summary()));
        // #14: the server's built-in bots answer in channels and by private message
        lines.add(helpLine("!help  !rules  !faq [entry]", "ask the Help bot (in a channel)"));
        lines.add(helpLine("!roll 2d6  !seen nick", "dice and last-seen from the Fun bot"));
        lines.add(helpLine("[bots] /msg Guard HELP", "the moderation bot: rules, ENABLE #chan, LOG #chan"));
        lines.add("  On a terminal: Tab completes nicknames, channels and commands; Up, Down and Ctrl-R find what you");
        lines.add("  typed before; Alt-1..9 switch targets; Ctrl-C quits. Lines for other targets start with [#name].");
        return List.copyOf(lines);
    }

    private static String helpLine(String syntax, String summary) {
        return String.format(Locale.ROOT, "  %-36s %s", syntax, summary);
    }

    private static Input say(String text, String current) {
        if (current == null) return new Input.Problem(NO_CHANNEL);
        return new Input.Send(privmsgs(current, text, "", ""), null);
    }

    // /msg <target>{,<target>} <text>
    private static Input msg(String args, String current) {
        Words words = Words.of(args);
        List<String> targets = TargetList.split(words.first());
        String text = words.rest().stripLeading();
        if (targets.isEmpty() || text.isEmpty()) return usage("msg");
        return new Input.Send(privmsgs(String.join(",", targets), text, "", ""), null);
    }

    // /join <channel>{,<channel>} [key]
    private static Input join(String args, String current) {
        Words words = Words.of(args);
        List<String> channels = TargetList.split(words.first()).stream()
                .map(c -> Names.isChannel(c) ? c : "#" + c)
                .toList();
        if (channels.isEmpty()) return usage("join");
        String list = String.join(",", channels);
        String key = words.rest().strip();
        IrcMessage join = key.isEmpty() ? IrcMessage.of("JOIN", list) : IrcMessage.of("JOIN", list, key);
        return new Input.Send(List.of(join), channels.get(channels.size() - 1));
    }

    // /switch [channel|nick]
    private static Input switchTo(String args, String current) {
        Words words = Words.of(args);
        if (!words.rest().isBlank()) return usage("switch");
        if (words.first().isEmpty()) return new Input.Switch(null, 0);
        String target = words.first();
        if (!Names.isChannel(target) && !Names.isValidNick(target)) return usage("switch");
        return new Input.Switch(target, 0);
    }

    // /query <nick>
    private static Input query(String args, String current) {
        Words words = Words.of(args);
        if (!Names.isValidNick(words.first()) || !words.rest().isBlank()) return usage("query");
        return new Input.Switch(words.first(), 0);
    }

    // /part [channel] [reason]
    private static Input part(String args, String current) {
        return channelCommand("PART", args, current);
    }

    // /me <action>
    private static Input me(String args, String current) {
        if (args.isBlank()) return usage("me");
        if (current == null) return new Input.Problem(NO_CHANNEL);
        return new Input.Send(privmsgs(current, args, ACTION_START, ACTION_END), null);
    }

    // /nick <newnick>
    private static Input nick(String args, String current) {
        Words words = Words.of(args);
        if (words.first().isEmpty() || !words.rest().isBlank()) return usage("nick");
        return new Input.Send(List.of(IrcMessage.of("NICK", words.first())), null);
    }

    // /names [channel]
    private static Input names(String args, String current) {
        Words words = Words.of(args);
        String channel = words.first().isEmpty() ? current : words.first();
        if (channel == null) return new Input.Problem(NO_CHANNEL);
        return new Input.Send(List.of(IrcMessage.of("NAMES", channel)), null);
    }

    // /topic [channel] [text]
    private static Input topic(String args, String current) {
        return channelCommand("TOPIC", args, current);
    }

    /** {@code VERB channel [text]}, the channel named first in {@code args} or else the current one. */
    private static Input channelCommand(String verb, String args, String current) {
        Words words = Words.of(args);
        String channel = current;
        String text = args.strip();
        if (Names.isChannel(words.first())) {
            channel = words.first();
            text = words.rest().strip();
        }
        if (channel == null) return new Input.Problem(NO_CHANNEL);
        IrcMessage line = text.isEmpty() ? IrcMessage.of(verb, channel) : IrcMessage.of(verb, channel, text);
        return new Input.Send(List.of(line), null);
    }

    // /register <password> [email]
    private static Input register(String args, String current) {
        Words words = Words.of(args);
        if (words.first().isEmpty()) return usage("register");
        String email = words.rest().strip();
        return new Input.Send(List.of(IrcMessage.of("REGISTER", "*", email.isEmpty() ? "*" : email, words.first())), null);
    }

    // /login [account] <password>: through NickServ, so that it works on servers without SASL after connecting too
    private static Input login(String args, String current) {
        Words words = Words.of(args);
        if (words.first().isEmpty()) return usage("login");
        String rest = words.rest().strip();
        IrcMessage identify = rest.isEmpty() ? IrcMessage.of("NICKSERV", "IDENTIFY", words.first())
                : IrcMessage.of("NICKSERV", "IDENTIFY", words.first(), rest);
        return new Input.Send(List.of(identify), null);
    }

    /** Messages /history shows when no number is given. */
    static final int HISTORY_DEFAULT = 20;

    // /history [nick|#channel] [n]
    private static Input history(String args, String current) {
        Words words = Words.of(args);
        String target = current;
        String count = words.first();
        if (!words.first().isEmpty() && !words.first().chars().allMatch(Character::isDigit)) {
            target = words.first();
            count = words.rest().strip();
        }
        if (target == null) return new Input.Problem(NO_CHANNEL);
        if (!count.isEmpty() && !count.chars().allMatch(Character::isDigit)) return usage("history");
        String n = count.isEmpty() ? Integer.toString(HISTORY_DEFAULT) : count;
        return new Input.Send(List.of(IrcMessage.of("CHATHISTORY", "LATEST", target, "*", n)), null);
    }

    // /raw <line>
    private static Input raw(String args, String current) {
        if (args.isBlank()) return usage("raw");
        return switch (LineParser.parse(args)) {
            case ParseResult.Parsed parsed when parsed.message().command().equals("QUIT") ->
                    new Input.Quit(parsed.message());
            case ParseResult.Parsed parsed -> new Input.Send(List.of(parsed.message()), null);
            case ParseResult.Rejected rejected -> new Input.Problem("cannot send that line ("
                    + rejected.error().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        };
    }

    // /quit [reason]
    private static Input quit(String args, String current) {
        String reason = args.strip();
        return new Input.Quit(reason.isEmpty() ? IrcMessage.of("QUIT") : IrcMessage.of("QUIT", reason));
    }

    // /help
    private static Input help(String args, String current) {
        return new Input.Help(HELP);
    }

    /** {@code PRIVMSG target :text}, several of them when the text is too long for one. */
    private static List<IrcMessage> privmsgs(String target, String text, String before, String after) {
        int wrapper = (before + after).getBytes(StandardCharsets.UTF_8).length;
        return TextChunks.split(text, TextChunks.budget("PRIVMSG", target, wrapper)).stream()
                .map(piece -> IrcMessage.of("PRIVMSG", target, before + piece + after))
                .toList();
    }

    /** The problem of a command typed the wrong way: its syntax. */
    static Input usage(String name) {
        for (Command command : COMMANDS) {
            if (command.name().equals(name)) return new Input.Problem("usage: " + command.syntax());
        }
        throw new IllegalArgumentException(name);
    }
}
