package chat.server.command;

import chat.server.service.RegisteredChannels;
import chat.protocol.CaseMapping;
import chat.server.StoreConfig;
import chat.server.account.Accounts;
import chat.server.account.NickClaims;
import chat.server.history.History;
import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoreProvider;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * What handlers use of the store: accounts, history, the store config, and a timer for nickname claims.
 * Without a store provider (or with {@code --data-dir none}) both parts are disabled and the server runs as
 * before.
 *
 * @param store    the open store, or null
 * @param config   the store config in force (data directory null when there is no store)
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
        return new Storage(null, StoreConfig.off(), new Accounts(null, caseMapping, StoreConfig.PASSWORD_ITERATIONS,
                Clock.systemUTC()), new History(null, caseMapping), null, RegisteredChannels.none(caseMapping));
    }

    /** Opens the store the config asks for with the first provider found; disabled when there is none. */
    public static Storage open(StoreConfig config, CaseMapping caseMapping, Clock clock) throws IOException {
        if (!config.enabled()) return none(caseMapping);
        Iterator<StoreProvider> providers = ServiceLoader.load(StoreProvider.class).iterator();
        if (!providers.hasNext()) {
            LOG.log(Level.WARNING, "no store module found: running without accounts and history");
            return none(caseMapping);
        }
        StoreProvider provider = providers.next();
        Store store = provider.open(new StoreOptions(config.dataDirectory(), config.syncEveryCommit(),
                config.historyMaxAge(), config.historyMaxPerTarget(), clock));
        LOG.log(Level.INFO, "store: " + provider.name() + " in " + config.dataDirectory().toAbsolutePath()
                + (config.history() ? "" : " (history off)"));
        return new Storage(store, config, new Accounts(store.accounts(), caseMapping, config.passwordIterations(), clock),
                new History(config.history() ? store.history() : null, caseMapping),
                new NickClaims(config.nickClaimTimeout(), clock),
                RegisteredChannels.load(store.channels(), caseMapping));
    }

    /** Commits what is queued and closes the store. */
    @Override
    public void close() {
        if (claims != null) claims.close();
        accounts.close();
        if (store != null) store.close();
    }
}
