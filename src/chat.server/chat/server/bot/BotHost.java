package chat.server.bot;

import chat.server.command.Dispatcher;
import chat.server.spi.Bot;
import chat.server.spi.BotStore;
import chat.server.state.User;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The server's built-in bots (#14): finds them with {@link ServiceLoader}, starts the enabled ones each on its
 * own virtual thread, reserves their nicknames, writes their settings again when a write failed, lifts their timed
 * quiets and bans, and gives them the configuration again after REHASH.
 */
public final class BotHost implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("chat.server");
    /** How often failed settings writes are tried again and timed modes checked. */
    static final Duration TICK = Duration.ofSeconds(1);
    /** How long a disconnected (killed) bot stays away. */
    static final Duration RECONNECT_DELAY = Duration.ofSeconds(10);
    /** How long the server waits at start for its bots to be registered. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Dispatcher dispatcher;
    private final Clock clock;
    private final List<BotRunner> runners = new ArrayList<>();
    private final List<StoredSettings> settings = new ArrayList<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("bots-timer").factory());

    private BotHost(Dispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Starts every bot found whose name {@code enabled} accepts, with its {@code bot.NAME.*} settings from
     * {@code config}; {@code store} keeps their settings (null: in memory only).
     */
    public static BotHost start(Dispatcher dispatcher, Clock clock, BotStore store,
                                java.util.function.Predicate<String> enabled, Function<String, Map<String, String>> config) {
        BotHost host = new BotHost(dispatcher, clock);
        for (Bot bot : ServiceLoader.load(Bot.class)) {
            if (!enabled.test(bot.name())) continue;
            StoredSettings saved = new StoredSettings(bot.name(), store);
            host.settings.add(saved);
            host.runners.add(new BotRunner(bot, host, saved, config.apply(bot.name())));
        }
        for (BotRunner r : host.runners) r.prepare();
        for (BotRunner r : host.runners) r.start();
        try {
            for (BotRunner r : host.runners) {
                if (!r.awaitReady(READY_TIMEOUT)) LOG.log(Level.WARNING, "bot " + r.bot().name() + " is slow to start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!host.runners.isEmpty()) {
            LOG.log(Level.INFO, "bots: " + String.join(", ", host.runners.stream().map(r -> r.bot().name()).toList()));
        }
        host.timer.scheduleWithFixedDelay(host::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return host;
    }

    private void tick() {
        for (StoredSettings s : settings) s.flush();
        for (BotRunner r : runners) r.enqueue(r::liftExpired);
    }

    /** REHASH: each bot gets its settings as the new configuration has them. */
    public void reconfigure(Function<String, Map<String, String>> config) {
        for (BotRunner r : runners) r.reconfigure(config.apply(r.bot().name()));
    }

    /** The names of the running bots. */
    public List<String> names() {
        return runners.stream().map(r -> r.bot().name()).toList();
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    Clock clock() {
        return clock;
    }

    void reserve(String nick, User owner) {
        dispatcher.registry().reserveNick(nick, owner);
    }

    void later(Duration delay, Runnable task) {
        timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the bots and writes their settings. */
    @Override
    public void close() {
        for (BotRunner r : runners) r.stop();
        timer.shutdownNow();
        for (StoredSettings s : settings) s.flush();
    }
}
