package chat.server.storage;

import chat.server.history.History;
import chat.server.spi.Account;
import chat.server.spi.ChannelMask;
import chat.server.spi.ChannelSettings;
import chat.server.spi.ServerBan;
import chat.server.spi.Store;
import chat.server.spi.StoredMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code chat-server --copy-store}: copies one store into another through the store SPI (so any two store
 * modules work): accounts, history in commit order, server bans, registered channels and their lists. The
 * target must be empty: a copy is a move to a new store, not a merge.
 */
public final class StoreCopy {

    /** Messages read and queued at a time. */
    static final int PAGE = 2000;

    /**
     * What was copied.
     *
     * @param accounts accounts
     * @param messages history messages
     * @param bans     server bans
     * @param channels registered channels
     */
    public record Counts(int accounts, long messages, int bans, int channels) {
    }

    private StoreCopy() {
    }

    /** Copies everything in {@code from} into {@code to}, waiting for each page's commit. */
    public static Counts copy(Store from, Store to) throws IOException {
        if (!to.accounts().all().isEmpty() || !to.history().afterSeq(0, 1).isEmpty() || !to.channels().all().isEmpty()) {
            throw new IOException("the target store is not empty: copy into a new database");
        }
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<Account> accounts = from.accounts().all();
        for (Account a : accounts) pending.add(to.accounts().create(a));
        List<ServerBan> bans = from.bans().all();
        for (ServerBan b : bans) pending.add(to.bans().add(b));
        List<ChannelSettings> channels = from.channels().all();
        for (ChannelSettings c : channels) {
            pending.add(to.channels().save(c));
            for (ChannelMask m : from.channels().masks(c.key())) pending.add(to.channels().addMask(c.key(), m));
        }
        await(pending);
        long messages = 0;
        long after = 0;
        while (true) {
            List<StoredMessage> page = from.history().afterSeq(after, PAGE);
            if (page.isEmpty()) break;
            for (StoredMessage m : page) pending.add(to.history().append(m, accountParties(m.conversation())));
            await(pending);
            messages += page.size();
            after = page.getLast().seq();
        }
        return new Counts(accounts.size(), messages, bans.size(), channels.size());
    }

    /** The logged-in parties of a private conversation (those that can read it back), none for a channel. */
    static List<String> accountParties(String conversation) {
        if (!conversation.startsWith("dm:")) return List.of();
        List<String> parties = new ArrayList<>(2);
        for (String party : conversation.substring(3).split(" ")) {
            if (History.isAccountParty(party) && !parties.contains(party)) parties.add(party);
        }
        return parties;
    }

    private static void await(List<CompletableFuture<?>> pending) {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        pending.clear();
    }
}
