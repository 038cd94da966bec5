package chat.server;

import chat.protocol.CaseMapping;
import chat.protocol.Names;
import chat.server.Option.Section;
import chat.server.account.Accounts;
import chat.server.limit.Cidr;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every server option, declared once. {@code --help}, the command line, the config-file keys, the defaults, the
 * validation and REHASH's refusals are all read from these declarations, and a test checks README's option tables
 * against them.
 *
 * <p>To add an option: declare it here (name, type, default, checks, {@code fixed()} if REHASH cannot apply it
 * while running, help text) and read it where it is used with {@code config.get(Options.THE_OPTION)}; then add its
 * row to README's "Server options" (or "Limits") table, which {@code OptionsReadmeTest} makes you do.
 */
public final class Options {

    private static final List<Option<?>> DECLARED = new ArrayList<>();
    /** Node names: one DNS-like label, so that they read well in LINKS and netsplit QUITs. */
    private static final String NODE_NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9.-]{0,62}";
    /** Default time a node may lose Redis before its clients are told to go elsewhere (past the others' 5 s death limit). */
    public static final Duration CLUSTER_CUTOFF_DEFAULT = Duration.ofSeconds(6);

    // Server

    public static final Option<String> HOST = declare(Option.text("host", "ADDR", "127.0.0.1").fixed()
            .help("address to listen on"));
    public static final Option<Integer> PORT = declare(Option.integer("port", "N", ServerConfig.DEFAULT_PORT)
            .between(0, 65535).fixed()
            .help("port (0 picks a free one)"));
    public static final Option<String> SERVER_NAME = declare(Option.text("server-name", "NAME", "chat.local")
            .must(n -> !n.isBlank() && !n.contains(" "), "must be one word").fixed()
            .help("the server's own name on the wire"));
    public static final Option<String> SERVER_DESCRIPTION = declare(Option.text("server-description", "TEXT",
                    ServerConfig.SERVER_DESCRIPTION)
            .must(d -> !d.isBlank() && d.length() <= ServerConfig.MAX_SERVER_DESCRIPTION_CHARS,
                    "must be 1 to " + ServerConfig.MAX_SERVER_DESCRIPTION_CHARS + " characters")
            .help("the server's description in LINKS and WHOIS"));
    public static final Option<String> NETWORK_NAME = declare(Option.text("network-name", "NAME", "chat")
            .must(n -> !n.isBlank() && !n.contains(" "), "must be one word")
            .help("the network's name (ISUPPORT NETWORK)"));
    public static final Option<String> DEFAULT_CHANNEL = declare(Option.of("default-channel", "CHAN",
                    s -> s.equalsIgnoreCase("none") ? null : s, "#lobby").shown("#lobby")
            .must(c -> c == null || Names.isValidChannel(c), "must be a valid channel name or none")
            .help("channel everyone joins on connect (none to disable)"));
    public static final Option<List<String>> MOTD = declare(Option.of("motd-file", "FILE",
                    s -> List.copyOf(Files.readAllLines(Path.of(s))), ServerConfig.MOTD).shown("built-in text")
            .help("message of the day, one line per line"));
    public static final Option<CaseMapping> CASEMAPPING = declare(Option.choice("casemapping",
                    orderedMap("rfc1459", CaseMapping.RFC1459, "ascii", CaseMapping.ASCII), CaseMapping.RFC1459).fixed()
            .help("nickname comparison: rfc1459 or ascii"));
    public static final Option<Duration> REGISTRATION_TIMEOUT = declare(Option.seconds("registration-timeout",
                    ServerConfig.REGISTRATION_TIMEOUT).positive()
            .help("time to send NICK and USER"));
    public static final Option<Duration> PING_INTERVAL = declare(Option.seconds("ping-interval",
                    ServerConfig.PING_INTERVAL).positive()
            .help("idle time before the server sends PING"));
    public static final Option<Duration> PING_TIMEOUT = declare(Option.seconds("ping-timeout",
                    ServerConfig.PING_TIMEOUT).positive()
            .help("time to answer it before being dropped"));
    public static final Option<Integer> SENDQ = declare(Option.integer("sendq", "BYTES", ServerConfig.SENDQ_BYTES)
            .atLeast(4096).shown("1 MiB")
            .help("bytes queued for a slow reader before it is dropped (SendQ exceeded)"));
    public static final Option<Long> SENDQ_TOTAL = declare(Option.of("sendq-total", "BYTES", Options::byteCount, 0L)
            .shown("half the heap").must(b -> b == 0 || b >= 4096, "must be 0 (the default) or at least 4096")
            .fixed()
            .help("bytes queued for all clients together; past half of it, commands wait for the writers and a client "
                    + "whose queue passes its fair share and that has read nothing for 5 s is dropped (SendQ exceeded); "
                    + "0: half the JVM's maximum heap"));
    public static final Option<Integer> RECVQ = declare(Option.integer("recvq", "BYTES", ServerConfig.RECVQ_BYTES)
            .atLeast(1024).shown("64 KiB")
            .help("bytes of one line without a line ending before the client is dropped"));
    public static final Option<Integer> MAX_TARGETS = declare(Option.integer("max-targets", "N",
                    ServerConfig.MAX_TARGETS).atLeast(1)
            .help("targets per PRIVMSG/NOTICE (ISUPPORT TARGMAX); more gets 407 and nothing is sent"));
    public static final Option<Duration> MONITOR_INTERVAL = declare(Option.seconds("monitor-interval",
                    ServerConfig.MONITOR_INTERVAL).notNegative().fixed()
            .help("resource report period; 0 turns the monitor off"));

    // ADMIN

    public static final Option<String> ADMIN_LOCATION = declare(Option.text("admin-location", "TEXT",
                    ServerConfig.Admin.DEFAULT.location()).in(Section.ADMIN).shown(null)
            .help("ADMIN: where the server is"));
    public static final Option<String> ADMIN_INFO = declare(Option.text("admin-info", "TEXT",
                    ServerConfig.Admin.DEFAULT.info()).in(Section.ADMIN).shown(null)
            .help("ADMIN: who runs it"));
    public static final Option<String> ADMIN_EMAIL = declare(Option.text("admin-email", "ADDRESS",
                    ServerConfig.Admin.DEFAULT.email()).in(Section.ADMIN).shown(null)
            .help("ADMIN: how to reach its administrator"));

    // TLS

    public static final Option<Integer> TLS_PORT = declare(Option.integer("tls-port", "N", TlsSettings.DEFAULT_PORT)
            .in(Section.TLS).between(-1, 65535).fixed()
            .help("TLS port (-1 turns TLS off; 0 picks a free one)"));
    public static final Option<Path> TLS_CERT = declare(Option.path("tls-cert", "FILE", null).in(Section.TLS)
            .shown("a self-signed one")
            .help("PKCS#12 (.p12) or PEM certificate chain"));
    public static final Option<Path> TLS_KEY = declare(Option.path("tls-key", "FILE", null).in(Section.TLS)
            .shown("none")
            .help("PEM PKCS#8 private key for a PEM certificate"));
    public static final Option<String> TLS_PASSWORD = declare(Option.text("tls-password", "PW", "").in(Section.TLS)
            .shown("empty")
            .help("PKCS#12 password"));
    public static final Option<Path> TLS_SELF_SIGNED = declare(Option.path("tls-self-signed", "FILE", null).in(Section.TLS)
            .shown("DATA-DIR/" + TlsSettings.GENERATED_KEY_STORE)
            .help("where the development certificate is made and kept when --tls-cert is not given (0600, its "
                    + "random password in FILE.password)"));

    // Abuse limits: admission keeps per-address state built from them, so they change only on restart.

    public static final Option<Integer> MAX_CLIENTS = declare(limit("max-clients", AbuseLimits.MAX_CLIENTS)
            .help("connections at most"));
    public static final Option<Integer> PER_IP_CONNECTIONS = declare(limit("per-ip-connections",
                    AbuseLimits.PER_IP_CONNECTIONS)
            .help("concurrent connections per address"));
    public static final Option<Integer> PER_IP_UNREGISTERED = declare(limit("per-ip-unregistered",
                    AbuseLimits.PER_IP_UNREGISTERED)
            .help("unregistered connections per address"));
    public static final Option<Integer> CONNECT_BURST = declare(limit("connect-burst", AbuseLimits.CONNECT_BURST)
            .help("new connections per address per window ..."));
    public static final Option<Duration> CONNECT_WINDOW = declare(Option.seconds("connect-window",
                    AbuseLimits.CONNECT_WINDOW).in(Section.LIMITS).positive().fixed()
            .help("... refilled over this window"));
    public static final Option<Integer> CONNECT_BAN_AFTER = declare(limit("connect-ban-after",
                    AbuseLimits.CONNECT_BAN_AFTER)
            .help("refusals of one address within a window before it is banned for a while"));
    public static final Option<Duration> CONNECT_BAN_DURATION = declare(Option.seconds("connect-ban-duration",
                    AbuseLimits.CONNECT_BAN_DURATION).in(Section.LIMITS).notNegative().fixed()
            .help("how long that ban lasts"));
    public static final Option<List<String>> EXEMPT = declare(cidrs("exempt")
            .help("exempt from the per-address and flood limits"));
    public static final Option<List<String>> DENY = declare(cidrs("deny")
            .help("refused at once"));
    public static final Option<List<String>> ALLOW = declare(cidrs("allow")
            .help("let in despite --deny"));
    public static final Option<List<String>> PROXY_FROM = declare(cidrs("proxy-from")
            .help("load balancers whose PROXY protocol v2 header (HAProxy send-proxy-v2) names the client"));
    public static final Option<Integer> FLOOD_BURST = declare(limit("flood-burst", AbuseLimits.FLOOD_BURST)
            .help("lines at once before fakelag"));
    public static final Option<Double> FLOOD_RATE = declare(Option.number("flood-rate", "N",
                    AbuseLimits.FLOOD_LINES_PER_SECOND).in(Section.LIMITS).notNegative().fixed()
            .help("lines per second after that (0 turns flood control off)"));
    public static final Option<Integer> FLOOD_MAX_PENDING = declare(Option.integer("flood-max-pending", "BYTES",
                    AbuseLimits.FLOOD_MAX_PENDING_BYTES).in(Section.LIMITS).atLeast(1024).fixed()
            .help("unprocessed input while slowed before \"Excess Flood\""));
    public static final Option<List<String>> FLOOD_EXEMPT_ACCOUNTS = declare(Option.list("flood-exempt-accounts",
                    "ACCOUNTS").in(Section.LIMITS)
            .help("accounts (e.g. of bots) whose clients flood control never slows, once logged in"));

    // Accounts and history: the store is opened once, with these rules.

    public static final Option<String> STORE = declare(Option.text("store", "URL", StoreConfig.DEFAULT_URL)
            .in(Section.STORE).must(u -> StoreConfig.urlProblem(u) == null,
                    "must be sqlite, sqlite:PATH, postgresql://USER@HOST:PORT/DB or none, with no password in it")
            .fixed()
            .help("where accounts and history live: sqlite (chat.db in the data directory), sqlite:PATH, "
                    + "postgresql://USER@HOST:PORT/DB, or none"));
    public static final Option<Path> STORE_PASSWORD_FILE = declare(Option.path("store-password-file", "FILE", null)
            .in(Section.STORE).shown("$CHAT_STORE_PASSWORD").fixed()
            .help("a file whose first line is the database password (never on the command line)"));

    public static final Option<ServerConfig.DataDirectory> DATA_DIR = declare(Option.of("data-dir", "DIR",
                    s -> s.equalsIgnoreCase("none") ? ServerConfig.DataDirectory.NO_STORE
                            : new ServerConfig.DataDirectory(Path.of(s), true),
                    ServerConfig.DataDirectory.DEFAULT).in(Section.STORE).shown("./data").fixed()
            .help("the ban list and the default SQLite store (chat.db); none: no SQLite store (the ban list stays in ./data)"));
    public static final Option<Boolean> HISTORY = declare(Option.onOff("history", true).in(Section.STORE).fixed()
            .help("store messages and answer CHATHISTORY"));
    public static final Option<Duration> HISTORY_MAX_AGE = declare(Option.days("history-max-age",
                    StoreConfig.HISTORY_MAX_AGE).in(Section.STORE).notNegative().fixed()
            .help("messages older than this are deleted (0 keeps them)"));
    public static final Option<Integer> HISTORY_MAX_PER_TARGET = declare(Option.integer("history-max-per-target", "N",
                    StoreConfig.HISTORY_MAX_PER_TARGET).in(Section.STORE).notNegative().fixed()
            .help("messages kept per channel or private chat (0: no limit)"));
    public static final Option<Integer> JOIN_REPLAY = declare(Option.integer("join-replay", "N",
                    StoreConfig.JOIN_REPLAY_LINES).in(Section.STORE).notNegative().fixed()
            .help("channel lines replayed on JOIN to clients without draft/chathistory (0: none)"));
    public static final Option<Boolean> JOIN_REPLAY_DEFAULT_CHANNEL = declare(Option.onOff(
                    "join-replay-default-channel", false).in(Section.STORE).fixed()
            .help("replay in the default channel too"));
    public static final Option<Boolean> STORE_SYNC = declare(Option.choice("store-sync",
                    orderedMap("full", true, "normal", false), true).in(Section.STORE).fixed()
            .help("full: each commit is fsynced (survives power loss); normal: survives a server crash only"));
    public static final Option<Integer> PASSWORD_ITERATIONS = declare(Option.integer("password-iterations", "N",
                    StoreConfig.PASSWORD_ITERATIONS).in(Section.STORE).atLeast(StoreConfig.MIN_PASSWORD_ITERATIONS)
            .fixed()
            .help("PBKDF2-HMAC-SHA256 iterations for new passwords"));
    public static final Option<Integer> PASSWORD_MIN_LENGTH = declare(Option.integer("password-min-length", "N",
                    Accounts.PASSWORD_MIN_CHARS).in(Section.STORE).atLeast(1).fixed()
            .help("shortest password accepted when an account is registered or its password changed"));
    public static final Option<Duration> NICK_CLAIM_TIMEOUT = declare(Option.seconds("nick-claim-timeout",
                    StoreConfig.NICK_CLAIM_TIMEOUT).in(Section.STORE).positive().fixed()
            .help("time a client using a registered nickname has to log in"));
    public static final Option<StoreConfig.NickEnforcement> NICK_ENFORCEMENT = declare(Option.choice(
                    "nick-enforcement", orderedMap("guest", StoreConfig.NickEnforcement.GUEST,
                            "refuse", StoreConfig.NickEnforcement.REFUSE, "none", StoreConfig.NickEnforcement.NONE),
                    StoreConfig.NickEnforcement.GUEST).in(Section.STORE).fixed()
            .help("what happens to others using it: guest renames them, refuse never grants it"));
    public static final Option<Boolean> REGISTRATION = declare(Option.onOff("registration", true).in(Section.STORE)
            .fixed()
            .help("let clients register accounts"));

    // Web: the HTTP listener is started once, with these.

    public static final Option<Integer> HTTP_PORT = declare(Option.integer("http-port", "N", WebSettings.HTTP_PORT)
            .in(Section.WEB).between(-1, 65535).fixed()
            .help("HTTP port on --host for the web client, /webirc, /metrics and /status (-1 turns it off)"));
    public static final Option<Integer> HTTPS_PORT = declare(Option.integer("https-port", "N", WebSettings.HTTPS_PORT)
            .in(Section.WEB).between(-1, 65535).fixed()
            .help("the same over HTTPS with the TLS certificate (-1 turns it off)"));
    public static final Option<List<String>> WEB_ORIGINS = declare(Option.list("web-origins", "ORIGINS")
            .in(Section.WEB).eachChecked(WebSettings::checkOrigin).fixed()
            .help("other sites (https://example.org, or *) whose pages may open /webirc; none: the server's own pages"));
    public static final Option<List<String>> WEB_PROXIES = declare(Option.list("web-proxies", "CIDRS")
            .in(Section.WEB).eachChecked(Cidr::parse).fixed()
            .help("reverse proxies whose X-Forwarded-For is believed"));
    public static final Option<List<String>> METRICS_FROM = declare(Option.list("metrics-from", "CIDRS")
            .in(Section.WEB).eachChecked(Cidr::parse).fixed()
            .help("who may read /metrics besides loopback"));

    // Bots (#14)

    public static final Option<java.util.Set<String>> BOTS = declare(Option.of("bots", "NAMES", BotConfig::parseEnabled,
                    (java.util.Set<String>) null).shown("all").fixed()
            .help("built-in bots to run: all, none, or names (Guard,Help,Fun); their settings are bot.NAME.* keys"));

    // Several nodes, one network (#12)

    public static final Option<URI> CLUSTER = declare(Option.of("cluster", "URL", Options::clusterUrl, null)
            .in(Section.CLUSTER).shown("off").fixed()
            .help("join the network whose log is on this Redis: redis://HOST:PORT (needs --node-name)"));
    public static final Option<String> NODE_NAME = declare(Option.text("node-name", "NAME", null)
            .in(Section.CLUSTER).shown("none").fixed()
            .must(n -> n == null || n.matches(NODE_NAME_PATTERN), "must be letters, digits, dots and dashes (at most 63)")
            .help("this node's name, unique in the network"));
    public static final Option<Duration> CLUSTER_CUTOFF = declare(Option.seconds("cluster-cutoff", CLUSTER_CUTOFF_DEFAULT)
            .in(Section.CLUSTER).positive().fixed()
            .help("time without Redis before this node tells its clients to reconnect (to another node)"));

    private static final Map<String, Option<?>> BY_KEY = byKey();

    private Options() {
    }

    private static long byteCount(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number of bytes, not '" + text + "'");
        }
    }

    private static URI clusterUrl(String text) {
        URI url = URI.create(text);
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("must be a URL like redis://HOST:PORT");
        }
        return url;
    }

    /** Every option, in declaration order (the order of {@code --help} within a section, and of REHASH's refusals). */
    public static List<Option<?>> all() {
        return Collections.unmodifiableList(DECLARED);
    }

    /** The option a config-file key or flag names (dashes optional), or null. */
    public static Option<?> byKey(String key) {
        return BY_KEY.get(Option.keyOf(key));
    }

    /** The {@code --help} lines of every option, by section. */
    static String usage() {
        StringBuilder out = new StringBuilder();
        for (Section section : Section.values()) {
            if (!section.heading.isEmpty()) out.append(section.heading).append('\n');
            for (Option<?> o : DECLARED) if (o.section() == section) out.append(o.usageLine()).append('\n');
        }
        return out.toString();
    }

    private static <T> Option<T> declare(Option.Builder<T> builder) {
        Option<T> option = builder.build();
        DECLARED.add(option);
        return option;
    }

    private static Option.Builder<Integer> limit(String name, int defaultValue) {
        return Option.integer(name, "N", defaultValue).in(Section.LIMITS).atLeast(1).fixed();
    }

    private static Option.Builder<List<String>> cidrs(String name) {
        return Option.list(name, "CIDRS").in(Section.LIMITS).eachChecked(Cidr::parse).fixed();
    }

    private static Map<String, Option<?>> byKey() {
        Map<String, Option<?>> map = new LinkedHashMap<>();
        for (Option<?> o : DECLARED) {
            if (map.put(o.key(), o) != null) throw new IllegalStateException("two options with the key " + o.key());
        }
        return Map.copyOf(map);
    }

    private static <T> Map<String, T> orderedMap(Object... wordsAndValues) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < wordsAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            T value = (T) wordsAndValues[i + 1];
            map.put((String) wordsAndValues[i], value);
        }
        return map;
    }
}
