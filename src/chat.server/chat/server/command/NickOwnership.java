package chat.server.command;

import chat.protocol.IrcMessage;
import chat.server.StoreConfig;
import chat.server.spi.Account;
import chat.server.spi.StoreUnavailableException;
import chat.server.state.Registry;
import chat.server.state.Session;
import chat.server.storage.Storage;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
    static Optional<Account> ownedByAnother(Storage storage, Session s, String nick) {
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
                && ownedByAnother(storage, ctx.session(), nick).isPresent();
    }

    /** After the command's client took a nickname: if it is someone else's, asks it to log in, sets the deadline. */
    static void claim(Context ctx) {
        claim(ctx.registry(), ctx.server(), ctx.session(), ctx);
    }

    /** The same for {@code s}; the notice goes through {@code ctx}'s replies when it is the command's client. */
    static void claim(Registry registry, ServerInfo server, Session s, Context ctx) {
        Storage storage = server.storage();
        if (storage.timers() == null || storage.config().nickEnforcement() != StoreConfig.NickEnforcement.GUEST) return;
        String nick = s.nick();
        if (nick == null || !s.registered() || ownedByAnother(storage, s, nick).isEmpty()) return;
        int claim = s.authentication().nextClaim();
        long seconds = Math.max(1, storage.config().nickClaimTimeout().toSeconds());
        String text = "This nickname is registered. Log in within " + seconds
                + " seconds (/msg NickServ IDENTIFY password) or it will be changed.";
        if (ctx != null && ctx.session() == s) NickServ.reply(ctx, text);
        else NickServ.notice(server, s, text);
        storage.timers().schedule(() -> enforce(registry, server, s, claim, nick),
                storage.config().nickClaimTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The claim deadline: still the same claim and nickname, still not its owner? Then a guest nickname. */
    private static void enforce(Registry registry, ServerInfo server, Session s, int claim, String nick) {
        if (s.authentication().claim() != claim || s.quitting() || !nick.equals(s.nick())) return;
        if (ownedByAnother(server.storage(), s, nick).isEmpty()) return;
        for (int i = 0; i < GUEST_TRIES; i++) {
            String guest = GUEST_PREFIX + ThreadLocalRandom.current().nextInt(10_000, 100_000);
            Registry.NickChange change = registry.changeNick(s, guest);
            if (change.outcome() == Registry.NickOutcome.CHANGED) {
                Outgoing rename = Outgoing.event(server, IrcMessage.from(change.oldPrefix(), "NICK", guest));
                Fanout.send(change.audience(), s, rename, server.stats());
                s.replies().send(rename.bytesFor(s));
                return;
            }
        }
    }
}
