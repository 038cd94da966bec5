package chat.server.storage;

import chat.server.service.RegisteredChannels;
import chat.protocol.CaseMapping;
import chat.server.StoreConfig;
import chat.server.account.Accounts;
import chat.server.account.NickClaims;
import chat.server.service.RegisteredChannels;
import chat.server.history.History;
import chat.server.spi.Store;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * What handlers use of the store: accounts, history, the store config, and a timer for nickname claims.
 * Without a store ({@code --store none}, {@code --data-dir none}) both parts are disabled and the server runs
 * as before.
 *
 * @param store    the open store, or null
 * @param config   the store config in force
 * @param accounts registered accounts
 * @param history  message history
 * @param claims   the deadlines of registered nicknames held by others, and their timer
 * @param channels settings of the channels registered accounts own
 */
public record Storage(Store store, StoreConfig config, Accounts accounts, History history, NickClaims claims,
                      RegisteredChannels channels)
        implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("chat.server");

    /** Disabled accounts and history. */
    public static Storage none(CaseMapping caseMapping) {
        Accounts none = new Accounts(null, caseMapping, StoreConfig.PASSWORD_ITERATIONS, Accounts.PASSWORD_MIN_CHARS,
                Clock.systemUTC());
        return new Storage(null, StoreConfig.off(), none, new History(null, caseMapping), null,
                RegisteredChannels.none(caseMapping));
    }

    /**
     * Opens the store the config names with the provider that serves its URL's scheme; new passwords must have at
     * least {@code minPasswordChars}.
     */
    public static Storage open(StoreConfig config, int minPasswordChars, CaseMapping caseMapping, Clock clock)
            throws StoreOpenException {
        if (!config.enabled()) return none(caseMapping);
        Store store;
        try {
            store = StoreProviders.open(config, clock);
        } catch (IOException | RuntimeException e) {
            throw new StoreOpenException("cannot open the store " + config.location() + ": " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "store: " + config.location() + (config.history() ? "" : " (history off)"));
        return new Storage(store, config, new Accounts(store.accounts(), caseMapping, config.passwordIterations(),
                minPasswordChars, clock),
                new History(config.history() ? store.history() : null, caseMapping),
                new NickClaims(config.nickClaimTimeout(), clock),
                RegisteredChannels.load(store.channels(), caseMapping));
    }

    /** Whether the store answers (true without one): a state to report, the store reconnects on its own. */
    public boolean available() {
        return store == null || store.available();
    }

    /** Commits what is queued and closes the store. */
    @Override
    public void close() {
        if (claims != null) claims.close();
        accounts.close();
        if (store != null) store.close();
    }
}
