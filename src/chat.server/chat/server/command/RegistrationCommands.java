package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.server.state.Registry;
import chat.server.state.User;

/** Connection registration and keep-alive: CAP, PASS, NICK, USER, PING, PONG, QUIT. */
final class RegistrationCommands {

    /** Longest user name kept from USER, before the '~' is added. */
    static final int USERLEN = 10;
    /** #15: the user name of a client whose USER name has no character we keep (e.g. only emoji), as Ergo does. */
    static final String FALLBACK_USER = "u";

    private final Welcome welcome;

    RegistrationCommands(Welcome welcome) {
        this.welcome = welcome;
    }

    // PASS <password>
    void pass(Context ctx, IrcMessage m) {
        if (ctx.user().registered()) {
            ctx.reply().numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        // No server password is configured: PASS before registration is an account login (#store), else ignored.
        PassLogin.pass(ctx, m.param(0));
    }

    // NICK <nickname>
    void nick(Context ctx, IrcMessage m) {
        String nick = m.param(0);
        if (nick == null || nick.isEmpty()) {
            ctx.reply().numeric(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        if (!Names.isValidNick(nick)) {
            ctx.reply().numeric(Numeric.ERR_ERRONEUSNICKNAME, nick, "Erroneous nickname");
            return;
        }
        User s = ctx.user();
        if (NickServ.isService(ctx, nick)) {
            ctx.reply().numeric(Numeric.ERR_NICKNAMEINUSE, nick, "Nickname is reserved for a service");
            return;
        }
        if (NickOwnership.refuses(ctx, nick)) {
            if (!s.registered()) PassLogin.passLogin(ctx, nick);
            if (NickOwnership.refuses(ctx, nick)) {
                // as Ergo's strict enforcement: 433, with the reason
                ctx.reply().numeric(Numeric.ERR_NICKNAMEINUSE, nick, "Nickname is reserved by a different account");
                return;
            }
        }
        Registry.NickChange change = ctx.registry().changeNick(s, nick, ctx.echo());
        // #10: the logged-in owner takes a registered nickname back from whoever holds it
        if (change.outcome() == Registry.NickOutcome.IN_USE && NickOwnership.regain(ctx, nick)) {
            change = ctx.registry().changeNick(s, nick, ctx.echo());
        }
        switch (change.outcome()) {
            case IN_USE -> ctx.reply().numeric(Numeric.ERR_NICKNAMEINUSE, nick, "Nickname is already in use");
            case UNCHANGED -> { }
            case CHANGED -> {
                if (s.registered()) {
                    NickOwnership.claim(ctx);
                } else {
                    PassLogin.passLogin(ctx, nick);
                    completeRegistration(ctx);
                }
            }
        }
    }

    // USER <username> <mode> <unused> :<realname>
    void user(Context ctx, IrcMessage m) {
        User s = ctx.user();
        if (s.registered() || s.identity().user() != null) {
            ctx.reply().numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        String user = cleanUser(m.param(0));
        if (user.isEmpty() && !m.param(0).isEmpty()) user = FALLBACK_USER;
        String realname = m.param(3);
        if (user.isEmpty() || realname.isEmpty()) {
            ctx.reply().numeric(Numeric.ERR_NEEDMOREPARAMS, "USER", "Not enough parameters");
            return;
        }
        // #10: cut to NAMELEN as servers cut USER's fields; SETNAME refuses what is longer
        ctx.registry().settings().setUserName(s, "~" + user, Utf8Text.truncate(realname, Names.NAMELEN));
        completeRegistration(ctx);
    }

    // PING <token>
    void ping(Context ctx, IrcMessage m) {
        ctx.reply().fromServer("PONG", ctx.server().name(), m.param(0));
    }

    // PONG [<server>] <token>
    void pong(Context ctx, IrcMessage m) {
        // Any line already counts as an answer to our PING (Link.touch), so there is nothing more to do.
    }

    // QUIT [<reason>]
    void quit(Context ctx, IrcMessage m) {
        String reason = m.param(0);
        ctx.link().markQuitting();
        ctx.user().delivery().close(reason == null || reason.isEmpty() ? "Quit" : "Quit: " + reason);
    }

    /** Sends the welcome once NICK, USER and any CAP negotiation are all done. */
    void completeRegistration(Context ctx) {
        User s = ctx.user();
        if (s.registered() || ctx.link().capNegotiating() || s.nick() == null || s.identity().user() == null) return;
        if (BanCheck.refuseIfBanned(ctx)) return;
        PassLogin.passLogin(ctx, s.nick());
        // #12: on a cluster node the nickname is granted where the arrival lands in the log, first come first served.
        if (ctx.replication().arrive(ctx.link(), this::welcome)) return;
        if (!ctx.registry().register(s)) return;
        welcome(ctx);
    }

    private void welcome(Context ctx) {
        welcome.greet(ctx);
        NickOwnership.claim(ctx);
    }

    private static String cleanUser(String raw) {
        StringBuilder user = new StringBuilder(USERLEN);
        for (int i = 0; i < raw.length() && user.length() < USERLEN; i++) {
            char c = raw.charAt(i);
            if (c > ' ' && c != '@' && c != '!' && c != ':' && c < 127) user.append(c);
        }
        return user.toString();
    }
}
