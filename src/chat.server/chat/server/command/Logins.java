package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.protocol.Numeric;
import chat.server.account.Accounts;
import chat.server.account.LoginGuard;
import chat.server.state.User;
import java.time.Instant;

/** What logging in and out changes: the session's account, 900/901, account-notify to those who share a channel. */
final class Logins {

    private Logins() {
    }

    /** Logs the command's client in to {@code account} (as registered). */
    static void loggedIn(Context ctx, String account) {
        User s = ctx.user();
        ctx.registry().settings().changeAccount(s, account);
        ctx.replication().accountChanged(s, account);
        ctx.link().authentication().nextClaim();
        String prefix = s.nick() == null ? "*" : s.identity().prefix();
        ctx.reply().numeric(Numeric.RPL_LOGGEDIN, prefix, account, "You are now logged in as " + account);

    }

    /**
     * #10: tells the owner who just logged in how many wrong passwords were tried on the account since the last
     * login, and from where the last came (a NickServ notice), so that an attack is noticed.
     */
    static void reportEarlierFailures(Context ctx, Accounts.Login login) {
        LoginGuard.Failures f = login.earlierFailures();
        if (f == null) return;
        NickServ.reply(ctx, f.count() + (f.count() == 1 ? " failed attempt" : " failed attempts")
                + " to log in to your account since your last login, the last from " + f.lastAddress() + " at "
                + Instant.ofEpochMilli(f.lastMillis()) + ".");
    }

    /** Logs {@code session} out (its account was dropped), from whichever client's command did it. */
    static void loggedOut(Context ctx, User session) {
        ctx.registry().settings().changeAccount(session, null);
        ctx.replication().accountChanged(session, null);
        IrcMessage out = IrcMessage.from(ctx.server().name(), Numeric.RPL_LOGGEDOUT.code(), session.target(),
                session.identity().prefix(), "You are now logged out");
        if (session == ctx.user()) {
            ctx.reply().add(out);
        } else {
            session.delivery().reply(LineWriter.encodeWithin(out));
        }
        NickOwnership.claim(ctx.registry(), ctx.server(), session, ctx);
    }
}
