package chat.server.command;

import chat.protocol.IrcMessage;
import chat.server.service.ServerInfo;
import chat.server.StoreConfig;
import chat.server.spi.Account;
import chat.server.spi.StoreUnavailableException;
import chat.server.state.Registry;
import chat.server.state.Link;
import chat.server.state.User;
import chat.server.storage.Storage;
import java.util.Optional;

/**
 * A registered account owns its nickname. Someone else using it is asked to log in and, after the claim
 * timeout, renamed to a guest nickname (as Ergo's "timeout" enforcement); or, in refuse mode, never gets it.
 */
final class NickOwnership {

    /** Guest nicknames: this prefix and digits. */
    static final String GUEST_PREFIX = "Guest";
    /** Tries to find a free guest nickname. */
    static final int GUEST_TRIES = 20;

    private NickOwnership() {
    }

    /** The account that owns {@code nick} if it is not the session's own, when ownership is enforced. */
    static Optional<Account> ownedByAnother(Storage storage, User s, String nick) {
        if (storage.config().nickEnforcement() == StoreConfig.NickEnforcement.NONE || !storage.accounts().enabled()) {
            return Optional.empty();
        }
        String mine = s.account();
        if (mine != null && storage.accounts().key(mine).equals(storage.accounts().key(nick))) return Optional.empty();
        try {
            return storage.accounts().find(nick);
        } catch (StoreUnavailableException e) {
            return Optional.empty(); // #11: while the store is down nicknames go unguarded rather than nobody connecting
        }
    }

    /** Whether NICK must be refused (refuse mode, someone else's nickname). */
    static boolean refuses(Context ctx, String nick) {
        Storage storage = ctx.server().storage();
        return storage.config().nickEnforcement() == StoreConfig.NickEnforcement.REFUSE
                && ownedByAnother(storage, ctx.user(), nick).isPresent();
    }

    /** After the command's client took a nickname: if it is someone else's, asks it to log in, sets the deadline. */
    static void claim(Context ctx) {
        claim(ctx.registry(), ctx.server(), ctx.user(), ctx);
    }

    /** The same for {@code s}; the notice goes through {@code ctx}'s replies when it is the command's client. */
    static void claim(Registry registry, ServerInfo server, User s, Context ctx) {
        Storage storage = server.storage();
        if (storage.claims() == null || storage.config().nickEnforcement() != StoreConfig.NickEnforcement.GUEST) return;
        // #12: a user of another cluster node is asked, and renamed through the log, by its own node only.
        Replication replication = ctx == null ? Replication.NONE : ctx.replication();
        if (replication.remote(s)) return;
        String nick = s.nick();
        if (nick == null || !s.registered() || ownedByAnother(storage, s, nick).isEmpty()) return;
        // #10: the deadline is the nickname's: changing away and back does not start it again
        long deadline = storage.claims().deadline(registry.caseMapping().fold(nick), s);
        long seconds = (storage.claims().remainingMillis(deadline) + 999) / 1000;
        String text = seconds > 0
                ? "This nickname is registered. Log in within " + seconds
                        + " seconds (/msg NickServ IDENTIFY password) or it will be changed."
                : "This nickname is registered and its time to log in has run out: it will be changed.";
        if (ctx != null && ctx.user() == s) NickServ.reply(ctx, text);
        else NickServ.notice(server, s, text);
        storage.claims().at(deadline, () -> enforce(registry, server, replication, nick));
    }

    /** A claim deadline: whoever holds the nickname now, if its claim is due and it is not the owner, gets a guest nickname. */
    private static void enforce(Registry registry, ServerInfo server, Replication replication, String nick) {
        User holder = registry.findNick(nick);
        Link link = holder == null ? null : Link.of(holder);
        if (link == null || link.quitting() || !holder.registered()) return;
        if (!server.storage().claims().due(registry.caseMapping().fold(nick), holder)) return;
        if (ownedByAnother(server.storage(), holder, nick).isEmpty()) return;
        // On a cluster node the rename is the holder's NICK through the log, so every node makes it at one place.
        String guest = GUEST_PREFIX + (10_000 + server.messageIds().pick(90_000));
        if (replication.publish(link, IrcMessage.of("NICK", guest))) return;
        renameToGuest(registry, server, holder);
    }

    /**
     * #10: the owner takes the nickname back (NICK, NickServ REGAIN): the client holding it, if it is not logged
     * in to the owning account, gets a guest nickname. False when someone else holds it and could not be renamed.
     */
    static boolean regain(Context ctx, String nick) {
        Storage storage = ctx.server().storage();
        User s = ctx.user();
        if (s.account() == null || !storage.accounts().enabled()
                || !storage.accounts().key(s.account()).equals(storage.accounts().key(nick))) return false;
        User holder = ctx.registry().findNick(nick);
        if (holder == null || holder == s) return true;
        String theirs = holder.account();
        if (theirs != null && storage.accounts().key(theirs).equals(storage.accounts().key(nick))) return false;
        NickServ.notice(ctx.server(), holder, "This nickname's owner has taken it back.");
        return renameToGuest(ctx.registry(), ctx.server(), holder);
    }

    /** Renames {@code s} to a free guest nickname and tells it and those who share a channel with it. */
    static boolean renameToGuest(Registry registry, ServerInfo server, User s) {
        for (int i = 0; i < GUEST_TRIES; i++) {
            // The same on every node when applied from a cluster's log (REGAIN, NICK taking a nickname back).
            String guest = GUEST_PREFIX + (10_000 + server.messageIds().pick(90_000));
            // No command of the user made this change: its own NICK goes after its pending replies.
            if (registry.changeNick(s, guest, null).outcome() == Registry.NickOutcome.CHANGED) return true;
        }
        return false;
    }
}
