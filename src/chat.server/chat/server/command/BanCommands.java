package chat.server.command;

import chat.server.service.ServerInfo;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.limit.BanEntry;
import chat.server.limit.BanList;
import chat.server.limit.Cidr;
import chat.server.limit.UserHostMask;
import chat.server.reply.ReplyBuffer;
import chat.server.change.Identity;
import chat.server.state.User;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Server bans: KLINE, UNKLINE, DLINE, UNDLINE (operators only), and the check that refuses a banned client
 * as it registers. D-lines are also checked right after accept, by the listener.
 */
final class BanCommands {

    private static final System.Logger LOG = System.getLogger("chat.server");
    private static final String NO_REASON = "No reason given";

    // KLINE [<duration>] <user@host> [<reason>]
    void kline(Context ctx, IrcMessage m) {
        add(ctx, m, BanEntry.Kind.KLINE);
    }

    // DLINE [<duration>] <ip-or-cidr> [<reason>]
    void dline(Context ctx, IrcMessage m) {
        add(ctx, m, BanEntry.Kind.DLINE);
    }

    // UNKLINE <user@host>
    void unkline(Context ctx, IrcMessage m) {
        remove(ctx, m, BanEntry.Kind.KLINE);
    }

    // UNDLINE <ip-or-cidr>
    void undline(Context ctx, IrcMessage m) {
        remove(ctx, m, BanEntry.Kind.DLINE);
    }

    private void add(Context ctx, IrcMessage m, BanEntry.Kind kind) {
        String verb = m.command();
        List<String> p = m.params();
        int at = 0;
        long duration = 0;
        // A first parameter that reads as a duration is one: a mask never does (it has '@', or is an address).
        if (p.size() >= 2 && BanEntry.parseDuration(p.get(0)) >= 0) {
            duration = BanEntry.parseDuration(p.get(0));
            at = 1;
        }
        String text = p.get(at);
        String reason = p.size() > at + 1 && !p.get(at + 1).isBlank() ? p.get(at + 1) : NO_REASON;
        String mask;
        boolean everyone;
        try {
            if (kind == BanEntry.Kind.KLINE) {
                UserHostMask hostMask = UserHostMask.parse(text);
                mask = hostMask.toString();
                everyone = hostMask.matchesEveryone();
            } else {
                Cidr network = Cidr.parse(text);
                mask = network.toString();
                everyone = network.prefixLength() == 0;
            }
        } catch (IllegalArgumentException e) {
            ctx.reply().standard("FAIL", verb, "INVALID_MASK", text, "Invalid " + kind.label() + " mask: " + e.getMessage());
            return;
        }
        if (everyone) {
            // InspIRCd refuses lines that would match (nearly) everyone; we refuse the ones that match all.
            ctx.reply().standard("FAIL", verb, "MASK_TOO_WIDE", mask, "That " + kind.label() + " would ban everyone");
            return;
        }
        User oper = ctx.user();
        long now = ctx.server().clock().millis() / 1000;
        BanEntry entry = new BanEntry(kind, mask, reason, oper.nick(), now, duration == 0 ? 0 : now + duration);
        BanList bans = ctx.server().bans();
        BanEntry replaced = bans.add(entry);
        LOG.log(Level.INFO, oper.identity().prefix() + (replaced == null ? " added " : " updated ") + entry.describe());
        ctx.reply().fromServer("NOTICE", oper.nick(), (replaced == null ? "Added " : "Updated ")
                + (duration == 0 ? "permanent " : "temporary (" + duration + " s) ") + kind.label() + " on " + mask
                + ": " + entry.reason());
        save(ctx, bans.persistAdded(entry), bans);
        disconnectMatching(ctx, entry);
    }

    private void remove(Context ctx, IrcMessage m, BanEntry.Kind kind) {
        String verb = m.command();
        String mask;
        try {
            mask = BanEntry.canonicalMask(kind, m.param(0));
        } catch (IllegalArgumentException e) {
            ctx.reply().standard("FAIL", verb, "INVALID_MASK", m.param(0), "Invalid " + kind.label() + " mask: " + e.getMessage());
            return;
        }
        BanList bans = ctx.server().bans();
        BanEntry removed = bans.remove(kind, mask);
        if (removed == null) {
            ctx.reply().standard("FAIL", verb, "NO_SUCH_BAN", mask, "There is no " + kind.label() + " on " + mask);
            return;
        }
        LOG.log(Level.INFO, ctx.user().identity().prefix() + " removed " + removed.describe());
        ctx.reply().fromServer("NOTICE", ctx.user().nick(), "Removed " + kind.label() + " on " + removed.mask());
        save(ctx, bans.persistRemoved(removed), bans);
    }

    // File or store I/O here is outside every lock but the ban list's own save lock (#opers: never under the
    // registry's). Waiting for the commit keeps the operator's warning in order with the NOTICE before it.
    private static void save(Context ctx, CompletableFuture<Void> saved, BanList bans) {
        try {
            saved.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.log(Level.ERROR, "cannot save the ban list to " + bans.where() + ": " + cause);
            ctx.reply().fromServer("NOTICE", ctx.user().nick(),
                    "The change is in force but could not be saved, it will not survive a restart: " + cause.getMessage());
        }
    }

    /** Disconnects every registered client the new ban covers, the operator included if it does. */
    private static void disconnectMatching(Context ctx, BanEntry ban) {
        UserHostMask hostMask = ban.kind() == BanEntry.Kind.KLINE ? UserHostMask.parse(ban.mask()) : null;
        Cidr network = ban.kind() == BanEntry.Kind.DLINE ? Cidr.parse(ban.mask()) : null;
        for (User s : ctx.registry().everyone()) {
            Identity id = s.identity();
            boolean hit = hostMask != null ? hostMask.matches(id.user(), id.host()) : network.matches(id.host());
            if (hit) banish(ctx.server(), s, ban);
        }
    }

    /** 465 and {@code ERROR :Banned (reason)} to a connected client, then close; its peers see the QUIT. */
    static void banish(ServerInfo server, User s, BanEntry ban) {
        LOG.log(Level.INFO, "disconnecting " + s.identity().prefix() + ": " + ban.describe());
        ReplyBuffer notice = new ReplyBuffer(server.name(), s);
        notice.numeric(Numeric.ERR_YOUREBANNEDCREEP, "You are banned from this server (" + ban.reason() + ")");
        s.delivery().send(notice.drain());
        s.delivery().close("Banned (" + ban.reason() + ")");
    }
}
