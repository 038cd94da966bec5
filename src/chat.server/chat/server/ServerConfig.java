package chat.server;

import chat.protocol.CaseMapping;
import chat.protocol.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the server is told at start, validated once here. Immutable; {@link #defaults()} gives the
 * documented defaults and the {@code with...} methods a changed copy.
 *
 * @param host               address to listen on
 * @param port               TCP port; 0 picks a free one
 * @param serverName         the name the server uses as the source of its own messages
 * @param networkName        ISUPPORT NETWORK
 * @param defaultChannel     channel every client joins on registration; null for none
 * @param motd               message-of-the-day lines; empty for none (422)
 * @param caseMapping        nickname and channel comparison
 * @param registrationTimeout time a connection has to complete NICK/USER
 * @param pingInterval       idle time after which the server sends PING
 * @param pingTimeout        time a PING may stay unanswered before the client is dropped
 * @param sendQueueBytes     bytes that may wait for a slow client before it is dropped ({@code SendQ exceeded})
 * @param receiveQueueBytes  bytes of one line without an ending after which the client is dropped
 * @param maxTargets         targets one PRIVMSG/NOTICE may name (ISUPPORT TARGMAX)
 * @param monitorInterval    resource report period; zero turns the monitor off
 * @param limits             admission and flood limits
 * @param tls                the TLS listener
 * @param admin              what ADMIN tells about the server and its administrator
 * @param store              accounts and history: the data directory and their rules
 * @param operators          operator blocks by name (OPER)
 * @param dataDir            where the server keeps what must outlive it (the ban list); created on demand
 * @param web                the HTTP listener of the web module, when it is present
 */
public record ServerConfig(
        String host,
        int port,
        String serverName,
        String networkName,
        String defaultChannel,
        List<String> motd,
        CaseMapping caseMapping,
        Duration registrationTimeout,
        Duration pingInterval,
        Duration pingTimeout,
        int sendQueueBytes,
        int receiveQueueBytes,
        int maxTargets,
        Duration monitorInterval,
        AbuseLimits limits,
        TlsSettings tls,
        Admin admin,
        StoreConfig store,
        Map<String, OperatorBlock> operators,
        Path dataDir,
        WebSettings web) {

    /** Default listening port, from the source document. */
    public static final int DEFAULT_PORT = 12345;
    /** Default time to register. */
    public static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);
    /** Default idle time before a PING. */
    public static final Duration PING_INTERVAL = Duration.ofSeconds(90);
    /** Default time to answer a PING. */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(60);
    /** Default send queue per client: 1 MiB, as InspIRCd's hard sendq. */
    public static final int SENDQ_BYTES = 1 << 20;
    /** Default receive limit for one unterminated line: 64 KiB. */
    public static final int RECVQ_BYTES = 64 << 10;
    /** Default targets per message. */
    public static final int MAX_TARGETS = 10;
    /** Default resource report period. */
    public static final Duration MONITOR_INTERVAL = Duration.ofSeconds(5);
    /** Default directory for the ban list (and, by default, the store's database). */
    public static final Path DATA_DIR = Path.of("data");

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        if (serverName == null || serverName.isBlank() || serverName.contains(" ")) {
            throw new IllegalArgumentException("server name must be one word");
        }
        if (defaultChannel != null && !Names.isValidChannel(defaultChannel)) {
            throw new IllegalArgumentException("default channel is not a valid channel name: " + defaultChannel);
        }
        motd = List.copyOf(motd);
        Objects.requireNonNull(caseMapping, "caseMapping");
        requirePositive(registrationTimeout, "registration timeout");
        requirePositive(pingInterval, "ping interval");
        requirePositive(pingTimeout, "ping timeout");
        if (sendQueueBytes < 4096) throw new IllegalArgumentException("send queue must be at least 4096 bytes");
        if (receiveQueueBytes < 1024) throw new IllegalArgumentException("receive queue must be at least 1024 bytes");
        if (maxTargets < 1) throw new IllegalArgumentException("max targets must be at least 1");
        if (monitorInterval.isNegative()) throw new IllegalArgumentException("monitor interval must not be negative");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(store, "store");
        operators = Map.copyOf(operators);
        operators.forEach((name, block) -> {
            if (!name.equals(block.name())) throw new IllegalArgumentException("operator block " + block.name() + " filed as " + name);
        });
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(web, "web");
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) throw new IllegalArgumentException(what + " must be positive");
    }

    /** The documented defaults: 127.0.0.1:12345, #lobby, rfc1459 casemapping. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, "chat.local", "chat", "#lobby",
                List.of("Welcome to chat.", "Everyone is in #lobby: just type to talk, /msg nick text to whisper."),
                CaseMapping.RFC1459, REGISTRATION_TIMEOUT, PING_INTERVAL, PING_TIMEOUT, SENDQ_BYTES, RECVQ_BYTES,
                MAX_TARGETS, MONITOR_INTERVAL, AbuseLimits.defaults(), TlsSettings.defaults(),
                Admin.DEFAULT, StoreConfig.defaults(), Map.of(), DATA_DIR, WebSettings.defaults());
    }

    public ServerConfig withHost(String v) {
        return edit(b -> b.host = v);
    }

    public ServerConfig withPort(int v) {
        return edit(b -> b.port = v);
    }

    public ServerConfig withDefaultChannel(String v) {
        return edit(b -> b.defaultChannel = v);
    }

    public ServerConfig withMotd(List<String> v) {
        return edit(b -> b.motd = v);
    }

    public ServerConfig withCaseMapping(CaseMapping v) {
        return edit(b -> b.caseMapping = v);
    }

    public ServerConfig withTimeouts(Duration registration, Duration pingEvery, Duration pingWait) {
        return edit(b -> {
            b.registrationTimeout = registration;
            b.pingInterval = pingEvery;
            b.pingTimeout = pingWait;
        });
    }

    public ServerConfig withQueues(int sendQueue, int receiveQueue) {
        return edit(b -> {
            b.sendQueueBytes = sendQueue;
            b.receiveQueueBytes = receiveQueue;
        });
    }

    public ServerConfig withMonitorInterval(Duration v) {
        return edit(b -> b.monitorInterval = v);
    }

    public ServerConfig withLimits(AbuseLimits v) {
        return edit(b -> b.limits = v);
    }

    public ServerConfig withTls(TlsSettings v) {
        return edit(b -> b.tls = v);
    }

    public ServerConfig withAdmin(Admin v) {
        return edit(b -> b.admin = v);
    }

    public ServerConfig withStore(StoreConfig v) {
        return edit(b -> b.store = v);
    }

    public ServerConfig withOperators(Map<String, OperatorBlock> v) {
        return edit(b -> b.operators = v);
    }

    public ServerConfig withDataDir(Path v) {
        return edit(b -> b.dataDir = v);
    }

    public ServerConfig withWeb(WebSettings v) {
        return edit(b -> b.web = v);
    }

    /**
     * The settings a running server cannot take over from {@code next} (REHASH keeps the running value and
     * names them): the listening addresses, the server's name, the casemapping its tables are keyed by, the
     * monitor's period, the data directories, the store's rules and the abuse limits (admission keeps
     * per-address state built from them). Every other setting is read where it is used, so a new value applies
     * from then on (timeouts and queue sizes to connections as they are checked or opened; the TLS certificate
     * is loaded again).
     */
    public List<String> fixedSettingsChangedIn(ServerConfig next) {
        List<String> changed = new ArrayList<>();
        if (!host.equals(next.host)) changed.add("host");
        if (port != next.port) changed.add("port");
        if (tls.port() != next.tls.port()) changed.add("tls-port");
        if (!serverName.equals(next.serverName)) changed.add("server-name");
        if (caseMapping != next.caseMapping) changed.add("casemapping");
        if (!monitorInterval.equals(next.monitorInterval)) changed.add("monitor-interval");
        if (!dataDir.equals(next.dataDir)) changed.add("data-dir");
        if (!store.equals(next.store)) changed.add("store settings");
        if (!limits.equals(next.limits)) changed.add("abuse limits");
        if (!web.equals(next.web)) changed.add("web settings");
        return changed;
    }

    /** {@code next} with the settings a running server cannot change taken from this one. */
    public ServerConfig keepingFixedSettings(ServerConfig next) {
        return next.edit(b -> {
            b.host = host;
            b.port = port;
            b.serverName = serverName;
            b.caseMapping = caseMapping;
            b.monitorInterval = monitorInterval;
            b.limits = limits;
            b.tls = next.tls.withPort(tls.port());
            b.store = store;
            b.dataDir = dataDir;
            b.web = web;
        });
    }

    /** A copy with the changes {@code change} makes, validated like any config. */
    private ServerConfig edit(java.util.function.Consumer<Editable> change) {
        Editable b = new Editable(this);
        change.accept(b);
        return b.build();
    }

    /** The components as mutable fields, for {@link #edit}: confined to the call that builds a copy. */
    private static final class Editable {
        String host;
        int port;
        String serverName;
        String networkName;
        String defaultChannel;
        List<String> motd;
        CaseMapping caseMapping;
        Duration registrationTimeout;
        Duration pingInterval;
        Duration pingTimeout;
        int sendQueueBytes;
        int receiveQueueBytes;
        int maxTargets;
        Duration monitorInterval;
        AbuseLimits limits;
        TlsSettings tls;
        Admin admin;
        StoreConfig store;
        Map<String, OperatorBlock> operators;
        Path dataDir;
        WebSettings web;

        Editable(ServerConfig c) {
            host = c.host;
            port = c.port;
            serverName = c.serverName;
            networkName = c.networkName;
            defaultChannel = c.defaultChannel;
            motd = c.motd;
            caseMapping = c.caseMapping;
            registrationTimeout = c.registrationTimeout;
            pingInterval = c.pingInterval;
            pingTimeout = c.pingTimeout;
            sendQueueBytes = c.sendQueueBytes;
            receiveQueueBytes = c.receiveQueueBytes;
            maxTargets = c.maxTargets;
            monitorInterval = c.monitorInterval;
            limits = c.limits;
            tls = c.tls;
            admin = c.admin;
            store = c.store;
            operators = c.operators;
            dataDir = c.dataDir;
            web = c.web;
        }

        ServerConfig build() {
            return new ServerConfig(host, port, serverName, networkName, defaultChannel, motd, caseMapping,
                    registrationTimeout, pingInterval, pingTimeout, sendQueueBytes, receiveQueueBytes, maxTargets,
                    monitorInterval, limits, tls, admin, store, operators, dataDir, web);
        }
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
