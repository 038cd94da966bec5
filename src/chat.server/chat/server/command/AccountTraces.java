package chat.server.command;

import chat.server.storage.Storage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * #10: what an account leaves behind when it goes: its private conversations (deleted for both parties) and
 * the channels it registered (forgotten: settings, lists, founder op). Done when the account is dropped, and
 * again when its name is registered anew (after a crash between the two, or a message stored while the drop
 * went on), so that a new account never inherits anything of an old one with the same name.
 */
final class AccountTraces {

    /**
     * What was removed.
     *
     * @param messages private messages deleted
     * @param channels the channels that no longer belong to the account
     */
    record Removed(int messages, List<String> channels) {
    }

    private AccountTraces() {
    }

    /** Removes what {@code account} left; completes once the store has deleted it. */
    static CompletableFuture<Removed> remove(Context ctx, String account) {
        Storage storage = ctx.server().storage();
        // the store's history even when history is off now: it may have been on when they were written
        CompletableFuture<Integer> messages = storage.store() == null ? CompletableFuture.completedFuture(0)
                : storage.store().history().forget(storage.history().partyKey(account, null));
        CompletableFuture<List<String>> channels = storage.channels().forgetOwnedBy(ctx.registry(), account);
        return messages.thenCombine(channels, Removed::new);
    }
}
