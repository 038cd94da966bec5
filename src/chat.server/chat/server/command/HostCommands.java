package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.state.User;

/** Operators changing a user's shown user name and host (CHGHOST, as InspIRCd's), told with IRCv3 chghost. */
final class HostCommands {

    /** Longest host accepted, as a DNS name. */
    static final int HOSTLEN = 63;
    /** Longest user name accepted. */
    static final int USERLEN = RegistrationCommands.USERLEN + 1;

    // CHGHOST <nickname> <user> <host>
    void chghost(Context ctx, IrcMessage m) {
        User target = ctx.registry().findNick(m.param(0));
        if (target == null) {
            ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, m.param(0), "No such nick/channel");
            return;
        }
        String user = m.param(1);
        String host = m.param(2);
        if (!valid(user, USERLEN) || !valid(host, HOSTLEN) || host.startsWith(":")) {
            ctx.reply().standard("FAIL", "CHGHOST", "INVALID_PARAMS", "User and host must be 1 to " + HOSTLEN
                    + " printable characters without space, '!' or '@'");
            return;
        }
        ctx.registry().settings().changeHost(target, user, host);
        ctx.reply().fromServer("NOTICE", ctx.user().target(), "Changed the host of " + target.nick() + " to "
                + user + "@" + host);
    }

    private static boolean valid(String value, int max) {
        if (value.isEmpty() || value.length() > max) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '!' || c == '@' || c >= 127) return false;
        }
        return true;
    }
}
