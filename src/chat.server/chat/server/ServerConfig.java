package chat.server;

import chat.protocol.CaseMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the server is told at start: a value for every declared {@link Option} (see {@link Options}) and the
 * operator blocks. Immutable and validated once, when built; {@link #defaults()} gives the documented defaults,
 * {@link #with} and the {@code with...} methods a changed copy. The accessors below are views of the option values
 * that the server reads often; any option can be read with {@link #get}.
 */
public final class ServerConfig {

    /** Default listening port, from the source document. */
    public static final int DEFAULT_PORT = 12345;
    /** Default description of the server in LINKS and WHOIS. */
    public static final String SERVER_DESCRIPTION = "chat IRC server";
    /** Longest server description: it shares RPL_LINKS's line with two server names and the hop count. */
    public static final int MAX_SERVER_DESCRIPTION_CHARS = 200;
    /** Default time to register. */
    public static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);
    /** Default idle time before a PING. */
    public static final Duration PING_INTERVAL = Duration.ofSeconds(90);
    /** Default time to answer a PING. */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(60);
    /** Default send queue per client: 1 MiB, as InspIRCd's hard sendq. */
    public static final int SENDQ_BYTES = 1 << 20;
    /** Default budget of all send queues together: the JVM's maximum heap divided by this. */
    public static final int SENDQ_TOTAL_HEAP_DIVISOR = 2;
    /** Default receive limit for one unterminated line: 64 KiB. */
    public static final int RECVQ_BYTES = 64 << 10;
    /** Default targets per message. */
    public static final int MAX_TARGETS = 10;
    /** Default resource report period. */
    public static final Duration MONITOR_INTERVAL = Duration.ofSeconds(5);
    /** Default directory for the ban list (and, by default, the store's database). */
    public static final Path DATA_DIR = Path.of("data");
    /** The message of the day when none is configured. */
    public static final List<String> MOTD =
            List.of("Welcome to chat.", "Everyone is in #lobby: just type to talk, /msg nick text to whisper.");

    /**
     * The {@code --data-dir} setting: where the ban list is kept and whether the store (accounts, history) is
     * opened there ({@code --data-dir none}: no store, the ban list stays in the default directory).
     *
     * @param path  the directory
     * @param store whether the store's database is opened in it
     */
    public record DataDirectory(Path path, boolean store) {
        /** {@code ./data} with a store. */
        public static final DataDirectory DEFAULT = new DataDirectory(DATA_DIR, true);
        /** {@code --data-dir none}. */
        public static final DataDirectory NO_STORE = new DataDirectory(DATA_DIR, false);

        public DataDirectory {
            Objects.requireNonNull(path, "data directory");
        }
    }

    private final Map<Option<?>, Object> values; // every declared option; null values where the option allows none
    private final Map<String, OperatorBlock> operators;
    private final Map<String, Map<String, String>> botSettings; // bot.NAME.KEY from the config file, by bot
    private final AbuseLimits limits;
    private final TlsSettings tls;
    private final Admin admin;
    private final StoreConfig store;
    private final WebSettings web;

    private ServerConfig(Map<Option<?>, Object> values, Map<String, OperatorBlock> operators,
                         Map<String, Map<String, String>> botSettings) {
        Map<Option<?>, Object> all = new HashMap<>();
        for (Option<?> option : Options.all()) {
            all.put(option, option.check(values.containsKey(option) ? values.get(option) : option.defaultValue()));
        }
        this.values = Collections.unmodifiableMap(all);
        this.operators = Map.copyOf(operators);
        this.botSettings = new BotConfig(null, botSettings).settings();
        this.operators.forEach((name, block) -> {
            if (!name.equals(block.name())) throw new IllegalArgumentException("operator block " + block.name() + " filed as " + name);
        });
        // The composite views validate what involves more than one option (a PEM certificate needs its key...).
        this.limits = new AbuseLimits(get(Options.MAX_CLIENTS), get(Options.PER_IP_CONNECTIONS),
                get(Options.PER_IP_UNREGISTERED), get(Options.CONNECT_BURST), get(Options.CONNECT_WINDOW),
                get(Options.CONNECT_BAN_AFTER), get(Options.CONNECT_BAN_DURATION), get(Options.EXEMPT),
                get(Options.DENY), get(Options.ALLOW), get(Options.FLOOD_BURST), get(Options.FLOOD_RATE),
                get(Options.FLOOD_MAX_PENDING));
        this.tls = new TlsSettings(get(Options.TLS_PORT), get(Options.TLS_CERT), get(Options.TLS_KEY),
                get(Options.TLS_PASSWORD), get(Options.TLS_SELF_SIGNED));
        this.admin = new Admin(get(Options.ADMIN_LOCATION), get(Options.ADMIN_INFO), get(Options.ADMIN_EMAIL));
        DataDirectory data = get(Options.DATA_DIR);
        this.store = new StoreConfig(get(Options.STORE), data.store() ? data.path() : null, get(Options.STORE_PASSWORD_FILE),
                get(Options.HISTORY), get(Options.STORE_SYNC),
                get(Options.HISTORY_MAX_AGE), get(Options.HISTORY_MAX_PER_TARGET), get(Options.JOIN_REPLAY),
                get(Options.JOIN_REPLAY_DEFAULT_CHANNEL), get(Options.PASSWORD_ITERATIONS),
                get(Options.NICK_CLAIM_TIMEOUT), get(Options.NICK_ENFORCEMENT), get(Options.REGISTRATION));
        this.web = new WebSettings(get(Options.HTTP_PORT), get(Options.HTTPS_PORT), get(Options.WEB_ORIGINS),
                get(Options.WEB_PROXIES), get(Options.METRICS_FROM));
    }

    /** The documented defaults: 127.0.0.1:12345, #lobby, rfc1459 casemapping. */
    public static ServerConfig defaults() {
        return new ServerConfig(Map.of(), Map.of(), Map.of());
    }

    /** A config with these option values (the rest at their defaults) and operator blocks; validated. */
    static ServerConfig of(Map<Option<?>, Object> values, Map<String, OperatorBlock> operators,
                           Map<String, Map<String, String>> botSettings) {
        return new ServerConfig(values, operators, botSettings);
    }

    /** The value of {@code option}. */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        return (T) values.get(option);
    }

    /** A copy with {@code option} set to {@code value}, validated like any config. */
    public <T> ServerConfig with(Option<T> option, T value) {
        Map<Option<?>, Object> changed = new HashMap<>(values);
        changed.put(option, value);
        return new ServerConfig(changed, operators, botSettings);
    }

    public String host() {
        return get(Options.HOST);
    }

    /** TCP port; 0 picks a free one. */
    public int port() {
        return get(Options.PORT);
    }

    /** The name the server uses as the source of its own messages. */
    public String serverName() {
        return get(Options.SERVER_NAME);
    }

    /** The server's description in LINKS and WHOIS (RPL_WHOISSERVER). */
    public String serverDescription() {
        return get(Options.SERVER_DESCRIPTION);
    }

    /** ISUPPORT NETWORK. */
    public String networkName() {
        return get(Options.NETWORK_NAME);
    }

    /** The channel every client joins on registration; null for none. */
    public String defaultChannel() {
        return get(Options.DEFAULT_CHANNEL);
    }

    /** Message-of-the-day lines; empty for none (422). */
    public List<String> motd() {
        return get(Options.MOTD);
    }

    public CaseMapping caseMapping() {
        return get(Options.CASEMAPPING);
    }

    public Duration registrationTimeout() {
        return get(Options.REGISTRATION_TIMEOUT);
    }

    public Duration pingInterval() {
        return get(Options.PING_INTERVAL);
    }

    public Duration pingTimeout() {
        return get(Options.PING_TIMEOUT);
    }

    /** Bytes that may wait for a slow client before it is dropped ({@code SendQ exceeded}). */
    public int sendQueueBytes() {
        return get(Options.SENDQ);
    }

    /**
     * #17: bytes all send queues may hold together ({@code --sendq-total}); by default half the JVM's maximum heap,
     * so that clients that do not read cannot fill it.
     */
    public long sendQueueTotalBytes() {
        long set = get(Options.SENDQ_TOTAL);
        return set > 0 ? set : Runtime.getRuntime().maxMemory() / SENDQ_TOTAL_HEAP_DIVISOR;
    }

    /** Bytes of one line without an ending after which the client is dropped. */
    public int receiveQueueBytes() {
        return get(Options.RECVQ);
    }

    /** Targets one PRIVMSG/NOTICE may name (ISUPPORT TARGMAX). */
    public int maxTargets() {
        return get(Options.MAX_TARGETS);
    }

    /** Resource report period; zero turns the monitor off. */
    public Duration monitorInterval() {
        return get(Options.MONITOR_INTERVAL);
    }

    /** Admission and flood limits. */
    public AbuseLimits limits() {
        return limits;
    }

    /** The TLS listener. */
    public TlsSettings tls() {
        return tls;
    }

    /** What ADMIN tells about the server and its administrator. */
    public Admin admin() {
        return admin;
    }

    /** Accounts and history: the data directory and their rules. */
    public StoreConfig store() {
        return store;
    }

    /** The web module's HTTP listener. */
    public WebSettings web() {
        return web;
    }

    /** Operator blocks by name (OPER). */
    public Map<String, OperatorBlock> operators() {
        return operators;
    }

    /** Where the server keeps what must outlive it (the ban list); created on demand. */
    public Path dataDir() {
        return get(Options.DATA_DIR).path();
    }

    public ServerConfig withHost(String v) {
        return with(Options.HOST, v);
    }

    public ServerConfig withPort(int v) {
        return with(Options.PORT, v);
    }

    public ServerConfig withDefaultChannel(String v) {
        return with(Options.DEFAULT_CHANNEL, v);
    }

    public ServerConfig withMotd(List<String> v) {
        return with(Options.MOTD, List.copyOf(v));
    }

    public ServerConfig withCaseMapping(CaseMapping v) {
        return with(Options.CASEMAPPING, v);
    }

    public ServerConfig withTimeouts(Duration registration, Duration pingEvery, Duration pingWait) {
        return with(Options.REGISTRATION_TIMEOUT, registration).with(Options.PING_INTERVAL, pingEvery)
                .with(Options.PING_TIMEOUT, pingWait);
    }

    public ServerConfig withQueues(int sendQueue, int receiveQueue) {
        return with(Options.SENDQ, sendQueue).with(Options.RECVQ, receiveQueue);
    }

    public ServerConfig withMonitorInterval(Duration v) {
        return with(Options.MONITOR_INTERVAL, v);
    }

    public ServerConfig withLimits(AbuseLimits v) {
        return with(Options.MAX_CLIENTS, v.maxClients()).with(Options.PER_IP_CONNECTIONS, v.perIpConnections())
                .with(Options.PER_IP_UNREGISTERED, v.perIpUnregistered()).with(Options.CONNECT_BURST, v.connectBurst())
                .with(Options.CONNECT_WINDOW, v.connectWindow()).with(Options.CONNECT_BAN_AFTER, v.connectBanAfter())
                .with(Options.CONNECT_BAN_DURATION, v.connectBanDuration()).with(Options.EXEMPT, v.exempt())
                .with(Options.DENY, v.deny()).with(Options.ALLOW, v.allow()).with(Options.FLOOD_BURST, v.floodBurst())
                .with(Options.FLOOD_RATE, v.floodLinesPerSecond())
                .with(Options.FLOOD_MAX_PENDING, v.floodMaxPendingBytes());
    }

    public ServerConfig withTls(TlsSettings v) {
        return with(Options.TLS_PORT, v.port()).with(Options.TLS_CERT, v.certificate())
                .with(Options.TLS_KEY, v.privateKey()).with(Options.TLS_PASSWORD, v.password())
                .with(Options.TLS_SELF_SIGNED, v.generatedKeyStore());
    }

    public ServerConfig withAdmin(Admin v) {
        Objects.requireNonNull(v, "admin");
        return with(Options.ADMIN_LOCATION, v.location()).with(Options.ADMIN_INFO, v.info())
                .with(Options.ADMIN_EMAIL, v.email());
    }

    /** A copy with these store rules; a store config without a directory turns the store off (the ban list stays). */
    public ServerConfig withStore(StoreConfig v) {
        DataDirectory data = v.dataDirectory() != null ? new DataDirectory(v.dataDirectory(), true)
                : new DataDirectory(dataDir(), false);
        return with(Options.DATA_DIR, data).with(Options.STORE, v.url()).with(Options.STORE_PASSWORD_FILE, v.passwordFile())
                .with(Options.HISTORY, v.history())
                .with(Options.STORE_SYNC, v.syncEveryCommit()).with(Options.HISTORY_MAX_AGE, v.historyMaxAge())
                .with(Options.HISTORY_MAX_PER_TARGET, v.historyMaxPerTarget())
                .with(Options.JOIN_REPLAY, v.joinReplayLines())
                .with(Options.JOIN_REPLAY_DEFAULT_CHANNEL, v.replayDefaultChannel())
                .with(Options.PASSWORD_ITERATIONS, v.passwordIterations())
                .with(Options.NICK_CLAIM_TIMEOUT, v.nickClaimTimeout())
                .with(Options.NICK_ENFORCEMENT, v.nickEnforcement()).with(Options.REGISTRATION, v.registrationOpen());
    }

    public ServerConfig withWeb(WebSettings v) {
        return with(Options.HTTP_PORT, v.httpPort()).with(Options.HTTPS_PORT, v.httpsPort())
                .with(Options.WEB_ORIGINS, v.origins()).with(Options.WEB_PROXIES, v.proxies())
                .with(Options.METRICS_FROM, v.metricsFrom());
    }

    public ServerConfig withOperators(Map<String, OperatorBlock> v) {
        return new ServerConfig(values, v, botSettings);
    }

    /** Which built-in bots run ({@code --bots}) and their {@code bot.NAME.*} settings (#14). */
    public BotConfig bots() {
        return new BotConfig(get(Options.BOTS), botSettings);
    }

    public ServerConfig withBots(BotConfig v) {
        Map<Option<?>, Object> changed = new HashMap<>(values);
        changed.put(Options.BOTS, v.enabled());
        return new ServerConfig(changed, operators, v.settings());
    }

    /** A copy whose ban list (and store, if there is one) is kept in {@code v}. */
    public ServerConfig withDataDir(Path v) {
        return with(Options.DATA_DIR, new DataDirectory(v, get(Options.DATA_DIR).store()));
    }

    /**
     * The options a running server cannot take over from {@code next} (REHASH keeps the running value and names
     * them): those declared {@code fixed()} in {@link Options}. Every other option is read where it is used, so a
     * new value applies from then on (timeouts and queue sizes to connections as they are checked or opened; the
     * TLS certificate is loaded again).
     */
    public List<String> fixedSettingsChangedIn(ServerConfig next) {
        List<String> changed = new ArrayList<>();
        for (Option<?> option : Options.all()) {
            if (!option.reloadable() && !Objects.equals(values.get(option), next.values.get(option))) {
                changed.add(option.name());
            }
        }
        return changed;
    }

    /** {@code next} with the options a running server cannot change taken from this one. */
    public ServerConfig keepingFixedSettings(ServerConfig next) {
        Map<Option<?>, Object> kept = new HashMap<>(next.values);
        for (Option<?> option : Options.all()) {
            if (!option.reloadable()) kept.put(option, values.get(option));
        }
        return new ServerConfig(kept, next.operators, next.botSettings);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerConfig c && values.equals(c.values) && operators.equals(c.operators)
                && botSettings.equals(c.botSettings);
    }

    @Override
    public int hashCode() {
        return (values.hashCode() * 31 + operators.hashCode()) * 31 + botSettings.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("ServerConfig[");
        for (Option<?> option : Options.all()) {
            if (option != Options.MOTD && option != Options.TLS_PASSWORD) {
                out.append(option.name()).append('=').append(values.get(option)).append(", ");
            }
        }
        return out.append("operators=").append(operators.values()).append(']').toString();
    }

    /**
     * What ADMIN answers: RPL_ADMINLOC1, RPL_ADMINLOC2 and RPL_ADMINEMAIL.
     *
     * @param location where the server is, e.g. a city and country
     * @param info     who runs it, e.g. an organisation or a person
     * @param email    how to reach its administrator
     */
    public record Admin(String location, String info, String email) {

        /** What ADMIN says when nothing was configured. */
        public static final Admin DEFAULT = new Admin("Location not configured", "Administrator not configured",
                "No contact address configured");

        public Admin {
            Objects.requireNonNull(location, "admin location");
            Objects.requireNonNull(info, "admin info");
            Objects.requireNonNull(email, "admin email");
        }
    }
}
