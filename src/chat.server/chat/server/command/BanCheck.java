package chat.server.command;

import chat.protocol.Numeric;
import chat.server.change.Identity;
import chat.server.limit.BanEntry;
import chat.server.state.User;
import java.lang.System.Logger.Level;

/** The K-line and D-line check at the end of registration. */
final class BanCheck {

    private static final System.Logger LOG = System.getLogger("chat.server");

    private BanCheck() {
    }

    /**
     * Refuses a client that falls under a K-line or D-line as it completes registration (its user name is
     * known only now): 465, then {@code ERROR :Banned (reason)} and close. Returns whether it was refused.
     */
    static boolean refuseIfBanned(Context ctx) {
        User s = ctx.user();
        Identity id = s.identity();
        BanEntry ban = ctx.server().bans().find(id.user(), id.host());
        if (ban == null) return false;
        LOG.log(Level.INFO, "refused " + id.prefix() + ": " + ban.describe());
        ctx.reply().numeric(Numeric.ERR_YOUREBANNEDCREEP, "You are banned from this server (" + ban.reason() + ")");
        // The replies must be queued before the close, which ends the queue with the ERROR line.
        s.delivery().send(ctx.reply().drain());
        s.delivery().close("Banned (" + ban.reason() + ")");
        return true;
    }
}
