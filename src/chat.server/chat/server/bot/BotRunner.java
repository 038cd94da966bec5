package chat.server.bot;

import chat.protocol.LineParser;
import chat.server.command.Dispatcher;
import chat.server.limit.TokenBucket;
import chat.server.spi.Bot;
import chat.server.spi.BotContext;
import chat.server.spi.BotEvent;
import chat.server.spi.BotSettings;
import chat.server.change.ModeChange;
import chat.server.state.Link;
import chat.server.state.User;
import chat.server.state.UserDirectory;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One bot at work: its session (a user without a socket), its bounded queue of events and tasks, and the
 * virtual thread that runs them one at a time. The bot's actions are IRC lines dispatched as its own, after
 * the same flood accounting a client gets; waiting for tokens delays only this bot.
 */
final class BotRunner implements BotContext {

    private static final System.Logger LOG = System.getLogger("chat.server");
    /** Events and tasks waiting for the bot; past this, events are dropped. */
    static final int QUEUE_CAPACITY = 1024;
    /** Longest text of one action, in characters (the line must stay within 512 bytes). */
    static final int MAX_TEXT_CHARS = 400;
    /** The capabilities a bot's session asks for, so its events carry accounts, bot tags and times. */
    private static final String CAPABILITIES = "message-tags account-tag extended-join server-time";

    private final Bot bot;
    private final BotHost host;
    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final StoredSettings settings;
    private final TokenBucket flood;
    private volatile Link link;
    private volatile Map<String, String> config;
    private volatile Thread thread;
    private volatile boolean stopping;
    // set when the bot's nickname was refused (433), cleared before each try
    private volatile boolean refused;
    private final CountDownLatch ready = new CountDownLatch(1);
    /** How often a bot waiting for its arrival to come back from a network's log looks. */
    static final Duration REGISTRATION_POLL = Duration.ofMillis(20);
    /** How long an action waits at most for the settings the bot changed before it to be stored. */
    static final Duration SETTINGS_WAIT = Duration.ofSeconds(2);
    /** A failing bot's stack trace is logged at most this often. */
    private static final long FAILURE_LOG_MILLIS = 60_000;
    // confined to the bot's thread
    private long failures;
    // confined to the bot's thread: bot.start was called (on a network, once this node hosts the bot)
    private boolean started;
    private long lastFailureLog = Long.MIN_VALUE / 2;

    BotRunner(Bot bot, BotHost host, StoredSettings settings, Map<String, String> config) {
        this.bot = bot;
        this.host = host;
        this.settings = settings;
        this.config = config;
        var limits = host.dispatcher().server().config().limits();
        this.flood = limits.floodLinesPerSecond() <= 0 ? null
                : new TokenBucket(limits.floodBurst(), limits.floodLinesPerSecond(), System.nanoTime());
    }

    /** Makes the bot's first session and reserves its nickname, before any client may take it. */
    void prepare() {
        link = newLink();
    }

    /** Starts the bot's thread, which registers its user and then lets the bot start. */
    void start() {
        thread = Thread.ofVirtual().name("bot-" + bot.name()).start(this::run);
    }

    /** Waits until the bot's user is registered (or failed to be), at most {@code timeout}. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Link newLink() {
        Link l = new Link(new BotLink(this, queue, host.clock()), host.dispatcher().server().name(), host.clock().millis());
        host.reserve(bot.name(), l.user());
        return l;
    }

    private void run() {
        // Set here, not from start(): the bot's first actions (its joins in start) run inside connect(), and must
        // see that they are on the bot's thread, so that they happen before the server accepts clients.
        thread = Thread.currentThread();
        connect();
        while (!stopping) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            runSafely(next);
        }
    }

    private void runSafely(Runnable next) {
        try {
            next.run();
        } catch (RuntimeException | Error e) {
            failed(e);
        }
    }

    /** Logs a failing bot with its stack trace once a minute at most, the failures in between counted. */
    private void failed(Throwable e) {
        failures++;
        long now = host.clock().millis();
        if (now - lastFailureLog < FAILURE_LOG_MILLIS) return;
        lastFailureLog = now;
        LOG.log(Level.ERROR, "bot " + bot.name() + " failed on an event (" + failures + " failures so far; it goes on "
                + "with the next event)", e);
    }

    /** Registers a fresh session as a client would, then lets the bot start. Runs on the bot's thread. */
    private void connect() {
        Link l = link;
        if (l == null || l.user().registered()) {
            l = newLink();
            link = l;
        }
        try {
            register(l);
        } finally {
            ready.countDown();
        }
    }

    private void register(Link l) {
        refused = false;
        dispatch("CAP REQ :" + CAPABILITIES);
        dispatch("NICK " + bot.name());
        dispatch("USER bot 0 * :" + clean(bot.description()));
        dispatch("CAP END");
        if (!awaitRegistered(l)) {
            if (inNetwork()) {
                standBy(l);
                return;
            }
            LOG.log(Level.ERROR, "bot " + bot.name() + " could not register (is its nickname valid and free?)");
            return;
        }
        begin();
    }

    private void begin() {
        started = true;
        dispatch("MODE " + bot.name() + " +B");
        try {
            bot.start(this);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "bot " + bot.name() + " failed to start", e);
        }
        // Its channel status is given here, not only when its own JOIN reaches it as an event: another bot can
        // answer that JOIN (Help greets every joiner) before the bot's own copy is queued, and a bot that blocks on
        // that earlier message would never be voiced. Giving it twice changes nothing.
        for (String channel : host.dispatcher().registry().channelDirectory().channelsOf(link.user())) {
            giveStatus(channel);
        }
        // What its start caused is handled before the server accepts clients: one connecting at once sees it.
        Runnable next;
        while ((next = queue.poll()) != null) runSafely(next);
    }

    /** Whether this server is a node of a network (#12), where the bot's registration goes through the log. */
    private boolean inNetwork() {
        return !host.dispatcher().replication().nodes().isEmpty();
    }

    /**
     * Waits until the session is registered: at once on a single server; on a network node when its arrival
     * comes back from the log (at most {@link BotHost#READY_TIMEOUT}). False if it was refused (its nickname is
     * another node's bot's, or a user's) or did not come back.
     */
    private boolean awaitRegistered(Link l) {
        long deadline = System.nanoTime() + BotHost.READY_TIMEOUT.toNanos();
        while (!l.user().registered() && !refused && inNetwork() && System.nanoTime() < deadline && !stopping) {
            LockSupport.parkNanos(REGISTRATION_POLL.toNanos());
        }
        return l.user().registered();
    }

    /**
     * On a network one instance of each bot runs: the first node whose bot's arrival is in the log hosts it. The
     * others' sessions stay unregistered and try the nickname again every {@link BotHost#RECONNECT_DELAY}, so that
     * one of them takes over once the hosting node is gone (its users split, the nickname free).
     */
    private void standBy(Link l) {
        if (stopping) return;
        host.later(BotHost.RECONNECT_DELAY, () -> enqueue(() -> {
            if (stopping || link != l) return;
            refused = false;
            dispatch("NICK " + bot.name());
            if (awaitRegistered(l)) {
                LOG.log(Level.INFO, "bot " + bot.name() + " runs on this node now");
                settings.reload();
                begin();
            } else {
                standBy(l);
            }
        }));
    }

    /** Runs on the bot's thread: the server gives a built-in bot its channel status, then the bot sees the event. */
    void deliver(BotEvent event) {
        // A network node's standby session hears its refusals (433) before its bot ever started: not the bot's.
        if (!started) return;
        if (event instanceof BotEvent.Joined j && j.nick().equalsIgnoreCase(nick())) giveStatus(j.channel());
        bot.onEvent(event);
    }

    /** The server gives the bot +o (a moderator) or +v on {@code channel}. */
    private void giveStatus(String channel) {
        List<ModeChange> status = List.of(new ModeChange(true, bot.moderator() ? 'o' : 'v', nick()));
        // On a network every node gives it, where the log says (the bot's moderation is checked on every node).
        if (!host.dispatcher().replication().serverModes(link, channel, status)) {
            host.dispatcher().registry().moderation().serverModes(link.user(), channel, status);
        }
    }

    /** The server answered the bot's NICK (or its arrival through a network's log) with 433. */
    void nickRefused() {
        refused = true;
    }

    /** Runs {@code task} on the bot's thread; false when the queue is full. */
    boolean enqueue(Runnable task) {
        return queue.offer(task);
    }

    /** The session was closed (KILL, shutdown): it leaves the state; unless stopping, the bot comes back. */
    void disconnected(String reason) {
        Link gone = link;
        enqueue(() -> {
            host.dispatcher().disconnected(gone.user(), reason);
            if (stopping) return;
            LOG.log(Level.WARNING, "bot " + bot.name() + " was disconnected (" + reason + "); back in "
                    + BotHost.RECONNECT_DELAY.toSeconds() + " s");
            host.later(BotHost.RECONNECT_DELAY, () -> enqueue(this::connect));
        });
    }

    void stop() {
        stopping = true;
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    void reconfigure(Map<String, String> newConfig) {
        config = newConfig;
        enqueue(() -> bot.onEvent(new BotEvent.Reconfigured(newConfig)));
    }

    Bot bot() {
        return bot;
    }

    /** Lifts the timed quiets and bans that are due; runs on the bot's thread. */
    void liftExpired() {
        Link l = link;
        if (l == null || !l.user().registered()) return; // a network node's standby: the hosting node lifts them
        long now = host.clock().millis();
        for (var e : settings.withPrefix(TimedMode.PREFIX).entrySet()) {
            TimedMode timed = TimedMode.fromSetting(e.getKey(), e.getValue());
            if (timed == null || timed.expiresMillis() > now) continue;
            settings.remove(e.getKey());
            dispatch("MODE " + timed.channel() + " -" + timed.mode() + " " + timed.mask());
        }
    }

    // --- BotContext -----------------------------------------------------------------------------------------

    @Override
    public String nick() {
        return bot.name();
    }

    @Override
    public Map<String, String> config() {
        return config;
    }

    @Override
    public BotSettings settings() {
        return settings;
    }

    @Override
    public Clock clock() {
        return host.clock();
    }

    @Override
    public void say(String target, String text) {
        act("PRIVMSG " + clean(target) + " :" + clean(text));
    }

    @Override
    public void notice(String target, String text) {
        act("NOTICE " + clean(target) + " :" + clean(text));
    }

    @Override
    public void join(String channel) {
        act("JOIN " + clean(channel));
    }

    @Override
    public void part(String channel, String reason) {
        act("PART " + clean(channel) + " :" + clean(reason));
    }

    @Override
    public void kick(String channel, String nick, String reason) {
        act("KICK " + clean(channel) + " " + clean(nick) + " :" + clean(reason));
    }

    @Override
    public void quiet(String channel, String mask, Duration duration) {
        timedMode(channel, 'q', mask, duration);
    }

    @Override
    public void ban(String channel, String mask, Duration duration) {
        timedMode(channel, 'b', mask, duration);
    }

    private void timedMode(String channel, char mode, String mask, Duration duration) {
        // Its expiry is stored before the mode is set: whichever node hosts the bot then lifts it in time.
        if (duration != null) {
            TimedMode timed = new TimedMode(channel, mode, mask, host.clock().millis() + duration.toMillis());
            settings.put(timed.key(), timed.value());
        }
        act("MODE " + clean(channel) + " +" + mode + " " + clean(mask));
    }

    @Override
    public void topic(String channel, String text) {
        act("TOPIC " + clean(channel) + " :" + clean(text));
    }

    @Override
    public MemberStatus status(String channel, String nick) {
        var fold = host.dispatcher().registry().caseMapping();
        String wanted = fold.fold(nick);
        for (UserDirectory.Member m : host.dispatcher().registry().directory().allMembers(channel)) {
            if (m.user().nick() != null && fold.fold(m.user().nick()).equals(wanted)) {
                return m.modes().indexOf('@') >= 0 ? MemberStatus.OPERATOR
                        : m.modes().indexOf('+') >= 0 ? MemberStatus.VOICED : MemberStatus.MEMBER;
            }
        }
        return MemberStatus.ABSENT;
    }

    @Override
    public Set<String> members(String channel) {
        Set<String> nicks = new HashSet<>();
        for (UserDirectory.Member m : host.dispatcher().registry().directory().allMembers(channel)) {
            if (m.user().nick() != null) nicks.add(m.user().nick().toLowerCase(java.util.Locale.ROOT));
        }
        return nicks;
    }

    @Override
    public boolean ircOperator(String nick) {
        User s = host.dispatcher().registry().findNick(nick);
        return s != null && s.operator();
    }

    @Override
    public String userHost(String nick) {
        User s = host.dispatcher().registry().findNick(nick);
        return s == null ? null : s.identity().user() + "@" + s.identity().host();
    }

    @Override
    public String account(String nick) {
        User s = host.dispatcher().registry().findNick(nick);
        return s == null ? null : s.account();
    }

    @Override
    public void log(String text) {
        LOG.log(Level.INFO, "bot " + bot.name() + ": " + text);
    }

    // --- the command path ------------------------------------------------------------------------------------

    /** An action of the bot's: on its own thread, after flood accounting (the bot waits, as fakelag makes a client). */
    private void act(String line) {
        if (Thread.currentThread() != thread) {
            if (!enqueue(() -> act(line))) LOG.log(Level.WARNING, "bot " + bot.name() + " is behind: action dropped");
            return;
        }
        try {
            // #12: what the bot changed before this action is stored first, so that it outlives its node.
            settings.awaitWritten(SETTINGS_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (flood != null) {
            long wait = flood.take(System.nanoTime());
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        dispatch(line);
    }

    private void dispatch(String line) {
        Link l = link;
        if (l == null) return;
        host.dispatcher().dispatch(l, LineParser.parse(line));
    }

    /** One line, no control characters that would end or split it, within the length limit. */
    private static String clean(String text) {
        String t = text == null ? "" : text.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
        return t.length() > MAX_TEXT_CHARS ? t.substring(0, MAX_TEXT_CHARS) : t;
    }
}
