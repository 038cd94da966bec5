package chat.server.command;

import chat.server.service.ServerInfo;
import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.account.Accounts;
import chat.server.spi.Account;
import chat.server.state.User;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The NickServ service nickname, for clients without SASL or draft/account-registration: REGISTER, IDENTIFY,
 * INFO, DROP, SET PASSWORD, REGAIN, GHOST, HELP, sent as {@code PRIVMSG NickServ :...} or {@code NICKSERV ...}/{@code NS ...}.
 * It answers with NOTICEs. Its messages are never relayed, echoed or stored.
 */
final class NickServ {

    /** The service's nickname; no client may take it. */
    static final String NAME = "NickServ";

    private final AccountCommands accounts;

    NickServ(AccountCommands accounts) {
        this.accounts = accounts;
    }

    static boolean isService(Context ctx, String target) {
        return ctx.registry().caseMapping().equal(target, NAME);
    }

    // NICKSERV <command> [<arguments>...] | NS <command> [<arguments>...]
    void command(Context ctx, IrcMessage m) {
        handle(ctx, String.join(" ", m.params()));
    }

    /** One command line sent to the service. */
    void handle(Context ctx, String text) {
        String[] words = text.trim().split(" +");
        String verb = words[0].toUpperCase(Locale.ROOT);
        if (!ctx.server().storage().accounts().enabled()) {
            reply(ctx, "Accounts are not enabled on this server.");
            return;
        }
        switch (verb) {
            case "REGISTER" -> register(ctx, words);
            case "IDENTIFY", "LOGIN" -> identify(ctx, words);
            case "INFO" -> info(ctx, words);
            case "DROP" -> drop(ctx, words);
            case "SET" -> set(ctx, words);
            case "REGAIN", "RECOVER" -> regain(ctx, words);
            case "GHOST" -> ghost(ctx, words);
            default -> help(ctx);
        }
    }

    // REGISTER <password> [<email>]
    private void register(Context ctx, String[] w) {
        if (w.length < 2) {
            reply(ctx, "Syntax: REGISTER <password> [email]");
            return;
        }
        accounts.register(ctx, ctx.user().nick(), w.length > 2 ? w[2] : null, w[1], false);
    }

    // IDENTIFY [<account>] <password>
    private void identify(Context ctx, String[] w) {
        if (w.length < 2) {
            reply(ctx, "Syntax: IDENTIFY [account] <password>");
            return;
        }
        User s = ctx.user();
        if (s.account() != null) {
            reply(ctx, "You are already logged in as " + s.account() + ".");
            return;
        }
        String name = w.length > 2 ? w[1] : s.nick();
        String password = w.length > 2 ? w[2] : w[1];
        Accounts.Login login = ctx.server().storage().accounts().login(name, password, s.identity().host());
        switch (login.outcome()) {
            case OK -> {
                Logins.loggedIn(ctx, login.account());
                reply(ctx, "You are now logged in as " + login.account() + ".");
                Logins.reportEarlierFailures(ctx, login);
            }
            case THROTTLED -> reply(ctx, "Too many failed logins from your address: try again in "
                    + login.retryAfterSeconds() + " seconds.");
            default -> reply(ctx, "Invalid account name or password.");
        }
    }

    // INFO [<account>]
    private void info(Context ctx, String[] w) {
        User s = ctx.user();
        String name = w.length > 1 ? w[1] : s.account() != null ? s.account() : s.nick();
        Optional<Account> account = ctx.server().storage().accounts().find(name);
        if (account.isEmpty()) {
            reply(ctx, "No account is registered as " + name + ".");
            return;
        }
        reply(ctx, "Account " + account.get().name() + " was registered on " + Instant.ofEpochMilli(account.get().createdMillis()) + ".");
    }

    // DROP [<account>]
    private void drop(Context ctx, String[] w) {
        User s = ctx.user();
        String mine = s.account();
        if (mine == null) {
            reply(ctx, "You must be logged in to drop your account.");
            return;
        }
        Accounts accounts = ctx.server().storage().accounts();
        if (w.length > 1 && !accounts.key(w[1]).equals(accounts.key(mine))) {
            reply(ctx, "You can only drop your own account.");
            return;
        }
        if (!accounts.drop(mine)) {
            reply(ctx, "Could not drop " + mine + ": try again.");
            return;
        }
        for (User other : ctx.registry().everyone()) {
            String theirs = other.account();
            if (theirs != null && accounts.key(theirs).equals(accounts.key(mine))) Logins.loggedOut(ctx, other);
        }
        // #10: after every client is logged out of it, so that nothing is stored under it meanwhile
        AccountTraces.Removed removed;
        try {
            removed = AccountTraces.remove(ctx, mine).join();
        } catch (java.util.concurrent.CompletionException e) {
            reply(ctx, "Account " + mine + " was dropped, but its private conversations and channels could not be "
                    + "deleted yet; they will be when the name is registered again.");
            return;
        }
        reply(ctx, "Account " + mine + " was dropped. Deleted with it: its private conversations (" + removed.messages()
                + " messages, for both parties) and the channels it registered"
                + (removed.channels().isEmpty() ? " (none)" : " (" + String.join(", ", removed.channels()) + ")") + ".");
    }

    // REGAIN [<nickname>]: #10, the owner takes the nickname back; its holder gets a guest nickname
    private void regain(Context ctx, String[] w) {
        User s = ctx.user();
        if (s.account() == null) {
            reply(ctx, "You must be logged in to take your nickname back.");
            return;
        }
        String nick = w.length > 1 ? w[1] : s.account();
        if (!NickOwnership.regain(ctx, nick)) {
            reply(ctx, nick + " is not registered to your account, or is in use by it.");
            return;
        }
        ctx.registry().changeNick(s, nick, ctx.echo());
        reply(ctx, "You have your nickname " + nick + " back.");
    }

    // GHOST <nickname>: #10, the owner disconnects whoever holds the nickname
    private void ghost(Context ctx, String[] w) {
        User s = ctx.user();
        Accounts accounts = ctx.server().storage().accounts();
        String nick = w.length > 1 ? w[1] : s.account();
        User holder = nick == null ? null : ctx.registry().findNick(nick);
        if (s.account() == null || !accounts.key(s.account()).equals(accounts.key(nick))) {
            reply(ctx, "You can only ghost a nickname registered to your account, once logged in.");
        } else if (holder == null || holder == s) {
            reply(ctx, nick + " is not in use by anyone else.");
        } else {
            holder.delivery().close("GHOST command used by " + s.nick());
            reply(ctx, nick + " has been disconnected.");
        }
    }

    // SET PASSWORD <new password>
    private void set(Context ctx, String[] w) {
        if (w.length < 3 || !w[1].equalsIgnoreCase("PASSWORD")) {
            reply(ctx, "Syntax: SET PASSWORD <new password>");
            return;
        }
        String mine = ctx.user().account();
        if (mine == null) {
            reply(ctx, "You must be logged in to change your password.");
            return;
        }
        if (ctx.server().storage().accounts().setPassword(mine, w[2])) {
            reply(ctx, "Password changed.");
        } else {
            reply(ctx, "Password not changed: it must be " + ctx.server().storage().accounts().minPasswordChars() + " to "
                    + Accounts.PASSWORD_MAX_CHARS + " characters.");
        }
    }

    private static void help(Context ctx) {
        reply(ctx, "NickServ commands: REGISTER <password> [email], IDENTIFY [account] <password>, INFO [account], "
                + "DROP, SET PASSWORD <new password>, REGAIN [nick], GHOST [nick]");
    }

    /** A NOTICE from the service to the command's client. */
    static void reply(Context ctx, String text) {
        ctx.reply().add(IrcMessage.from(source(ctx.server()), "NOTICE", ctx.user().target(), text));
    }

    /** A NOTICE from the service to {@code s}, outside any command. */
    static void notice(ServerInfo server, User s, String text) {
        s.delivery().reply(LineWriter.encodeWithin(IrcMessage.from(source(server), "NOTICE", s.target(), text)));
    }

    private static String source(ServerInfo server) {
        return NAME + "!" + NAME + "@" + server.name();
    }
}
