package chat.server.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Every command the server knows, built once. */
public final class CommandTable {

    private final Map<String, Command> commands = new HashMap<>();

    private CommandTable() {
    }

    /** The table of this server's commands. */
    public static CommandTable standard() {
        ServerQueries queries = new ServerQueries();
        ChannelCommands channels = new ChannelCommands();
        UserQueries users = new UserQueries();
        AwayCommands away = new AwayCommands();
        ModeCommands modes = new ModeCommands();
        ModerationCommands moderation = new ModerationCommands();
        ListCommands listing = new ListCommands();
        RegistrationCommands registration = new RegistrationCommands(new Welcome(queries, channels));
        CapabilityCommands capabilities = new CapabilityCommands(registration);
        AccountCommands accounts = new AccountCommands();
        NickServ nickServ = new NickServ(accounts);
        MessageCommands messages = new MessageCommands(nickServ);
        HistoryCommands history = new HistoryCommands();
        OperCommands opers = new OperCommands(channels);
        BanCommands bans = new BanCommands();
        CommandTable table = new CommandTable();
        table.add("CAP", 1, true, capabilities::cap);
        table.add("PASS", 1, true, registration::pass);
        table.add("NICK", 0, true, registration::nick);
        table.add("USER", 4, true, registration::user);
        table.add("PING", 1, true, registration::ping);
        table.add("PONG", 0, true, registration::pong);
        table.add("QUIT", 0, true, registration::quit);
        MultilineBatches multiline = new MultilineBatches();
        table.add("PRIVMSG", 0, false, (ctx, m) -> {
            if (!multiline.intercepts(ctx, m)) messages.privmsg(ctx, m);
        });
        table.add("NOTICE", 0, false, (ctx, m) -> {
            if (!multiline.intercepts(ctx, m)) messages.notice(ctx, m);
        });
        table.add("BATCH", 1, false, multiline::batch);
        table.add("TAGMSG", 0, false, messages::tagmsg);
        table.add("SETNAME", 1, false, capabilities::setname);
        table.add("JOIN", 1, false, channels::join);
        table.add("PART", 1, false, channels::part);
        table.add("NAMES", 0, false, channels::names);
        table.add("TOPIC", 1, false, channels::topic);
        table.add("MOTD", 0, false, queries::motd);
        table.add("LUSERS", 0, false, queries::lusers);
        table.add("VERSION", 0, false, queries::version);
        table.add("LINKS", 0, false, queries::links);
        table.add("WHO", 0, false, users::who);
        table.add("WHOIS", 0, false, users::whois);
        table.add("WHOWAS", 0, false, users::whowas);
        table.add("ISON", 1, false, users::ison);
        table.add("USERHOST", 1, false, users::userhost);
        table.add("AWAY", 0, false, away::away);
        table.add("TIME", 0, false, queries::time);
        table.add("ADMIN", 0, false, queries::admin);
        table.add("INFO", 0, false, queries::info);
        table.add("HELP", 0, false, queries::help);
        table.add("MODE", 1, false, modes::mode);
        table.add("KICK", 2, false, moderation::kick);
        table.add("INVITE", 2, false, moderation::invite);
        table.add("LIST", 0, false, listing::list);
        table.add("AUTHENTICATE", 1, true, accounts::authenticate);
        table.add("REGISTER", 3, true, accounts::registerCommand);
        table.add("NICKSERV", 1, false, nickServ::command);
        table.add("NS", 1, false, nickServ::command);
        table.add("CHATHISTORY", 1, false, history::chathistory);
        table.add("MONITOR", 1, false, new MonitorCommands()::monitor);
        table.add("RENAME", 2, false, new RenameCommands()::rename);
        table.add("MARKREAD", 0, false, new ReadMarkerCommands()::markread);
        table.add("REDACT", 2, false, new RedactCommands()::redact);
        table.add("OPER", 1, false, opers::oper);
        table.addOperatorOnly("KILL", 1, opers::kill);
        table.addOperatorOnly("STATS", 1, new StatsCommands()::stats);
        table.addOperatorOnly("CHGHOST", 3, new HostCommands()::chghost);
        table.addOperatorOnly("REHASH", 0, opers::rehash);
        table.addOperatorOnly("WALLOPS", 1, opers::wallops);
        table.addOperatorOnly("SAJOIN", 2, opers::sajoin);
        table.addOperatorOnly("SAPART", 2, opers::sapart);
        table.addOperatorOnly("KLINE", 1, bans::kline);
        table.addOperatorOnly("UNKLINE", 1, bans::unkline);
        table.addOperatorOnly("DLINE", 1, bans::dline);
        table.addOperatorOnly("UNDLINE", 1, bans::undline);
        return table;
    }

    private void add(String verb, int minParams, boolean beforeRegistration, Handler handler) {
        commands.put(verb, new Command(verb, minParams, beforeRegistration, handler));
    }

    /** Every verb in the table. */
    public Set<String> verbs() {
        return Set.copyOf(commands.keySet());
    }

    /** A command only IRC operators may use (the dispatcher answers others 481). */
    private void addOperatorOnly(String verb, int minParams, Handler handler) {
        commands.put(verb, new Command(verb, minParams, false, handler, true));
    }

    /** The command for an upper-case verb, or null. */
    public Command find(String verb) {
        return commands.get(verb);
    }
}
