package chat.e2e;

import chat.server.spi.Account;
import chat.server.spi.AccountStore;
import chat.server.spi.Activity;
import chat.server.spi.BanStore;
import chat.server.spi.BotStore;
import chat.server.spi.ChannelMask;
import chat.server.spi.ChannelSettings;
import chat.server.spi.ChannelStore;
import chat.server.spi.HistoryStore;
import chat.server.spi.Position;
import chat.server.spi.ReadMarkerStore;
import chat.server.spi.ScramCredentials;
import chat.server.spi.ServerBan;
import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoreProvider;
import chat.server.spi.StoreUnavailableException;
import chat.server.spi.StoredMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code faulty:PATH}: the SQLite store at PATH behind a switch that makes every operation fail as a store
 * whose database went away does ({@link StoreUnavailableException}), for the outage tests.
 */
public final class FaultyStoreProvider implements StoreProvider {

    /** While true, every open faulty store fails. */
    static final AtomicBoolean FAILING = new AtomicBoolean();

    @Override
    public String name() {
        return "faulty";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("faulty");
    }

    @Override
    public Store open(StoreOptions o) throws IOException {
        StoreOptions sqlite = new StoreOptions("sqlite:" + o.location(), null, o.syncEveryCommit(), o.historyMaxAge(),
                o.historyMaxPerTarget(), o.clock());
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class)) {
            if (p.schemes().contains("sqlite")) return new Faulty(p.open(sqlite));
        }
        throw new IOException("no sqlite store module");
    }

    private static <T> T check(Supplier<T> read) {
        if (FAILING.get()) throw new StoreUnavailableException("database gone (test)", null);
        return read.get();
    }

    private static <T> CompletableFuture<T> checkWrite(Supplier<CompletableFuture<T>> write) {
        if (FAILING.get()) return CompletableFuture.failedFuture(new StoreUnavailableException("database gone (test)", null));
        return write.get();
    }

    private record Faulty(Store s) implements Store {

        @Override
        public AccountStore accounts() {
            AccountStore a = s.accounts();
            return new AccountStore() {
                public Optional<Account> find(String key) {
                    return check(() -> a.find(key));
                }

                public List<Account> all() {
                    return check(a::all);
                }

                public CompletableFuture<Boolean> create(Account account) {
                    return checkWrite(() -> a.create(account));
                }

                public CompletableFuture<Boolean> setCredentials(String key, ScramCredentials c) {
                    return checkWrite(() -> a.setCredentials(key, c));
                }

                public CompletableFuture<Boolean> delete(String key) {
                    return checkWrite(() -> a.delete(key));
                }
            };
        }

        @Override
        public HistoryStore history() {
            HistoryStore h = s.history();
            return new HistoryStore() {
                public CompletableFuture<Void> append(StoredMessage m, List<String> parties) {
                    return checkWrite(() -> h.append(m, parties));
                }

                public Optional<Position> position(String conversation, String msgid) {
                    return check(() -> h.position(conversation, msgid));
                }

                public List<StoredMessage> range(String c, Position after, Position before, int limit, boolean newest) {
                    return check(() -> h.range(c, after, before, limit, newest));
                }

                public List<Activity> targets(String party, Collection<String> ch, long from, long to, int limit) {
                    return check(() -> h.targets(party, ch, from, to, limit));
                }

                public List<StoredMessage> afterSeq(long afterSeq, int limit) {
                    return check(() -> h.afterSeq(afterSeq, limit));
                }

                public CompletableFuture<Boolean> delete(String conversation, String msgid) {
                    return checkWrite(() -> h.delete(conversation, msgid));
                }

                public CompletableFuture<Integer> forget(String party) {
                    return checkWrite(() -> h.forget(party));
                }

                public CompletableFuture<Integer> expire() {
                    return checkWrite(h::expire);
                }
            };
        }

        @Override
        public ChannelStore channels() {
            ChannelStore c = s.channels();
            return new ChannelStore() {
                public List<ChannelSettings> all() {
                    return check(c::all);
                }

                public Optional<ChannelSettings> find(String key) {
                    return check(() -> c.find(key));
                }

                public CompletableFuture<Void> save(ChannelSettings settings) {
                    return checkWrite(() -> c.save(settings));
                }

                public CompletableFuture<Boolean> delete(String key) {
                    return checkWrite(() -> c.delete(key));
                }

                public List<ChannelMask> masks(String key) {
                    return check(() -> c.masks(key));
                }

                public CompletableFuture<Boolean> addMask(String key, ChannelMask mask) {
                    return checkWrite(() -> c.addMask(key, mask));
                }

                public CompletableFuture<Boolean> removeMask(String key, char list, String mask) {
                    return checkWrite(() -> c.removeMask(key, list, mask));
                }
            };
        }

        @Override
        public BanStore bans() {
            BanStore b = s.bans();
            return new BanStore() {
                public List<ServerBan> all() {
                    return check(b::all);
                }

                public CompletableFuture<Void> add(ServerBan ban) {
                    return checkWrite(() -> b.add(ban));
                }

                public CompletableFuture<Boolean> remove(String kind, String mask) {
                    return checkWrite(() -> b.remove(kind, mask));
                }
            };
        }

        @Override
        public BotStore bots() {
            BotStore b = s.bots();
            return new BotStore() {
                public Map<String, String> load(String bot) {
                    return check(() -> b.load(bot));
                }

                public CompletableFuture<Void> put(String bot, String key, String value) {
                    return checkWrite(() -> b.put(bot, key, value));
                }

                public CompletableFuture<Void> remove(String bot, String key) {
                    return checkWrite(() -> b.remove(bot, key));
                }
            };
        }

        @Override
        public ReadMarkerStore readMarkers() {
            ReadMarkerStore r = s.readMarkers();
            return new ReadMarkerStore() {
                public OptionalLong find(String account, String target) {
                    return check(() -> r.find(account, target));
                }

                public CompletableFuture<Void> raise(String account, String target, long timeMillis) {
                    return checkWrite(() -> r.raise(account, target, timeMillis));
                }
            };
        }

        @Override
        public boolean available() {
            return !FAILING.get() && s.available();
        }

        @Override
        public CompletableFuture<Void> backup(Path file) {
            return checkWrite(() -> s.backup(file));
        }

        @Override
        public void close() {
            s.close();
        }
    }
}
