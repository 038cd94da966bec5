package chat.server.spi;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Message history by conversation. Retention (age, count) is the store's own job. */
public interface HistoryStore {

    /**
     * Queues a message; the future completes once it is committed. {@code parties} are the private parties
     * the conversation belongs to (two keys for a private message, none for a channel), for {@link #targets}.
     */
    CompletableFuture<Void> append(StoredMessage message, List<String> parties);

    /** Where the message with this msgid sits in the conversation, if it is there. */
    Optional<Position> position(String conversation, String msgid);

    /**
     * Messages strictly between {@code after} and {@code before} (either may be null for no bound), oldest
     * first: the {@code limit} newest of them when {@code newest}, else the {@code limit} oldest.
     */
    List<StoredMessage> range(String conversation, Position after, Position before, int limit, boolean newest);

    /**
     * The conversations of {@code party} and of {@code channels} whose latest message is strictly between the two
     * times, each with that time, oldest activity first, at most {@code limit}.
     */
    List<Activity> targets(String party, Collection<String> channels, long fromMillis, long toMillis, int limit);

    /** Up to {@code limit} messages with a seq above {@code afterSeq}, in commit order (for copying a store). */
    List<StoredMessage> afterSeq(long afterSeq, int limit);

    /** Deletes the message with this msgid from the conversation (REDACT); completes with whether there was one. */
    CompletableFuture<Boolean> delete(String conversation, String msgid);

    /**
     * Deletes every private conversation {@code party} is a party to, for both parties (#10: what a dropped
     * account said and was told must never reach whoever registers its name next); completes with the
     * messages deleted.
     */
    CompletableFuture<Integer> forget(String party);

    /** Deletes by age and count now (the store also does this on its own, periodically); completes with rows deleted. */
    CompletableFuture<Integer> expire();
}
