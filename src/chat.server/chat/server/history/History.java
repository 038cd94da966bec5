package chat.server.history;

import chat.protocol.CaseMapping;
import chat.server.spi.Activity;
import chat.server.spi.HistoryStore;
import chat.server.spi.Position;
import chat.server.spi.StoredMessage;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Message history as the server sees it: conversation keys and the store behind them. A channel's key is its
 * folded name. A private conversation's key names its two parties, each {@code ~account} when logged in or
 * {@code *nick} when not ('~' and '*' are never part of a nickname), so only a logged-in party can ever be
 * proven to be one of them and read it back.
 */
public final class History {

    /** Most messages one CHATHISTORY request returns (ISUPPORT CHATHISTORY). */
    public static final int MAX_LIMIT = 100;

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final HistoryStore store;
    private final CaseMapping caseMapping;

    /** History in {@code store}; null for none. */
    public History(HistoryStore store, CaseMapping caseMapping) {
        this.store = store;
        this.caseMapping = caseMapping;
    }

    public boolean enabled() {
        return store != null;
    }

    public String channelKey(String channel) {
        return caseMapping.fold(channel);
    }

    /** A party to a private conversation: its account if logged in, else its nickname. */
    public String partyKey(String account, String nick) {
        return account != null ? "~" + caseMapping.fold(account) : "*" + caseMapping.fold(nick);
    }

    /** Whether the party key is a proven (logged-in) identity. */
    public static boolean isAccountParty(String party) {
        return party.startsWith("~");
    }

    public static String privateKey(String partyA, String partyB) {
        return partyA.compareTo(partyB) <= 0 ? "dm:" + partyA + " " + partyB : "dm:" + partyB + " " + partyA;
    }

    /** The other party of a private conversation key, seen from {@code party}; null if it is not one of them. */
    public static String otherParty(String conversation, String party) {
        if (!conversation.startsWith("dm:")) return null;
        String[] two = conversation.substring(3).split(" ", 2);
        if (two.length != 2) return null;
        if (two[0].equals(party)) return two[1];
        if (two[1].equals(party)) return two[0];
        return null;
    }

    /** draft/message-redaction: deletes a message; completes with false when it was not stored (or history is off). */
    public CompletableFuture<Boolean> delete(String conversation, String msgid) {
        return store == null ? CompletableFuture.completedFuture(false) : store.delete(conversation, msgid);
    }

    /** The stored message with this msgid in the conversation, if it is there. */
    public Optional<StoredMessage> find(String conversation, String msgid) {
        if (store == null) return Optional.empty();
        Optional<Position> at = store.position(conversation, msgid);
        if (at.isEmpty()) return Optional.empty();
        Position p = at.get();
        List<StoredMessage> one = store.range(conversation, new Position(p.timeMillis(), p.seq() - 1),
                new Position(p.timeMillis(), p.seq() + 1), 1, false);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** Queues the message; completes when it is committed (at once when history is off). */
    public CompletableFuture<Void> append(StoredMessage message, List<String> parties) {
        return store == null ? DONE : store.append(message, parties);
    }

    public Optional<Position> position(String conversation, String msgid) {
        return store == null ? Optional.empty() : store.position(conversation, msgid);
    }

    public List<StoredMessage> range(String conversation, Position after, Position before, int limit, boolean newest) {
        return store == null ? List.of() : store.range(conversation, after, before, limit, newest);
    }

    public List<Activity> targets(String party, Collection<String> channels, long fromMillis, long toMillis, int limit) {
        return store == null ? List.of() : store.targets(party, channels, fromMillis, toMillis, limit);
    }
}
