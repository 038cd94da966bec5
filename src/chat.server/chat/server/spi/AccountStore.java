package chat.server.spi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Registered accounts, by case-folded name. */
public interface AccountStore {

    Optional<Account> find(String key);

    /** Every account, by key (for copying a store). */
    List<Account> all();

    /** Completes with false when an account with that key exists already. */
    CompletableFuture<Boolean> create(Account account);

    /** Replaces the password; completes with false when there is no such account. */
    CompletableFuture<Boolean> setCredentials(String key, ScramCredentials credentials);

    /** Deletes the account; completes with false when there was none. */
    CompletableFuture<Boolean> delete(String key);
}
