package chat.server.spi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Settings and mask lists of registered channels. */
public interface ChannelStore {

    /** Every registered channel, to restore at start. */
    List<ChannelSettings> all();

    Optional<ChannelSettings> find(String key);

    /** Inserts or replaces. */
    CompletableFuture<Void> save(ChannelSettings settings);

    /** Forgets the channel and its masks; completes with false when it was not registered. */
    CompletableFuture<Boolean> delete(String key);

    List<ChannelMask> masks(String key);

    /** Completes with false when the mask was on that list already. */
    CompletableFuture<Boolean> addMask(String key, ChannelMask mask);

    /** Completes with false when the mask was not on that list. */
    CompletableFuture<Boolean> removeMask(String key, char list, String mask);
}
