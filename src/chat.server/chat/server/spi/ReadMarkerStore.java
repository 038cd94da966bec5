package chat.server.spi;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** draft/read-marker positions: for each account and conversation, the time up to which it has read. */
public interface ReadMarkerStore {

    /** The read time (epoch milliseconds) of {@code target} for {@code account}, both case-folded; empty when none. */
    OptionalLong find(String account, String target);

    /** Raises the read time to {@code timeMillis}; a later time already stored is kept (it only ever increases). */
    CompletableFuture<Void> raise(String account, String target, long timeMillis);
}
