package chat.server.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Server bans that survive restarts. */
public interface BanStore {

    /** Every ban not yet expired. */
    List<ServerBan> all();

    /** Inserts or replaces the ban of that kind and mask. */
    CompletableFuture<Void> add(ServerBan ban);

    /** Completes with false when there was no such ban. */
    CompletableFuture<Boolean> remove(String kind, String mask);
}
