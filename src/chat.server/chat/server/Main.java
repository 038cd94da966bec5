package chat.server;

import chat.protocol.CaseMapping;
import chat.server.auth.PasswordHash;
import chat.server.spi.Store;
import chat.server.storage.StoreCopy;
import chat.server.storage.StoreOpenException;
import chat.server.storage.StoreProviders;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** The {@code chat-server} command: parses flags and an optional config file, runs until SIGINT/SIGTERM. */
public final class Main {

    private static final String USAGE = """
            usage: chat-server [options]
              --host ADDR             address to listen on (default 127.0.0.1)
              --port N                port (default 12345; 0 picks a free one)
              --config FILE           a properties file with any of the keys below
              --server-name NAME      name the server uses for itself (default chat.local)
              --default-channel CHAN  channel everyone joins (default #lobby; "none" for none)
              --motd-file FILE        message of the day, one line per line
              --casemapping MAP       rfc1459 (default) or ascii
              --registration-timeout SECONDS   (default 30)
              --ping-interval SECONDS          idle time before PING (default 90)
              --ping-timeout SECONDS           time to answer PING (default 60)
              --sendq BYTES           bytes queued for a slow client before it is dropped (default 1048576)
              --recvq BYTES           bytes of one unterminated line before the client is dropped (default 65536)
              --max-targets N         targets per PRIVMSG/NOTICE (default 10)
              --monitor-interval SECONDS  resource report period, 0 for none (default 5)
            TLS:
              --tls-port N            TLS port (default 6697; -1 turns TLS off)
              --tls-cert FILE         PKCS#12 (.p12) or PEM certificate chain (default: a generated
                                      self-signed development certificate in data/tls/)
              --tls-key FILE          PEM PKCS#8 private key for a PEM certificate
              --tls-password PW       PKCS#12 password
              --generate-cert         make the development certificate (data/tls/self-signed.p12) and exit
            Abuse limits (CIDR lists are comma-separated, IPv4 or IPv6):
              --max-clients N         connections at most (default 15000)
              --per-ip-connections N  concurrent connections per address (default 10)
              --per-ip-unregistered N unregistered connections per address (default 5)
              --connect-burst N       new connections per address per window (default 5) ...
              --connect-window SECONDS  ... refilled over this window (default 10)
              --exempt CIDRS          exempt from per-address and flood limits (default none)
              --deny CIDRS            refused at once;  --allow CIDRS  let in despite --deny
              --flood-burst N         lines at once before fakelag (default 20)
              --flood-rate N          lines per second after that (default 4; 0 turns flood control off)
              --flood-max-pending BYTES  unprocessed input while slowed before "Excess Flood" (default 8192)
              --admin-location TEXT   ADMIN: where the server is
              --admin-info TEXT       ADMIN: who runs it
              --admin-email ADDRESS   ADMIN: how to reach its administrator
            Accounts and history:
              --store URL             where accounts and history live: sqlite (default: chat.db in the data
                                      directory), sqlite:PATH, postgresql://USER@HOST:PORT/DB, or none
              --store-password-file FILE  the database password (first line); else $CHAT_STORE_PASSWORD
              --data-dir DIR          the ban list and the default SQLite store (default ./data;
                                      "none": no SQLite store, the ban list stays in ./data)
              --history on|off        store messages and answer CHATHISTORY (default on)
              --history-max-age DAYS  delete messages older than this, 0 to keep (default 90)
              --history-max-per-target N  messages kept per channel or private chat, 0 for no limit (default 100000)
              --join-replay N         channel lines replayed on JOIN to clients without chathistory (default 20)
              --join-replay-default-channel on|off  replay in the default channel too (default off)
              --store-sync full|normal  fsync each commit (full, survives power loss) or not (normal, survives a crash)
              --password-iterations N PBKDF2 iterations for new passwords (default 600000, at least 4096)
              --nick-claim-timeout SECONDS  time to log in to a registered nickname (default 30)
              --nick-enforcement guest|refuse|none  what happens to others using it (default guest)
              --registration on|off   let clients register accounts (default on)
            Config file keys are the option names without dashes, e.g. port=6667.
            Operator blocks (config file only; REHASH re-reads them):
              oper.NAME.password = HASH            from: chat-server --hash-password
              oper.NAME.hosts = *@127.0.0.1,*@::1  user@host masks allowed to use it (default any)
              oper.NAME.account = ACCOUNT          only a client logged in to it may use the block
                                                   (then the password is optional)
            chat-server --hash-password  reads a password and prints its hash for oper.NAME.password.
            chat-server --copy-store --from sqlite:PATH --to postgresql://USER@HOST:PORT/DB  copies accounts,
                                      history, bans and registered channels into an empty store, then exits.
            SIGHUP does what an operator's REHASH does: reads the config file and the TLS certificate again,
            without dropping connections.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        if (Arrays.asList(args).contains("--hash-password")) {
            if (args.length > 1) {
                System.err.println("chat-server: --hash-password takes no other options");
                System.exit(2);
            }
            System.exit(hashPassword(System.console(), System.out, System.err));
            return;
        }
        if (Arrays.asList(args).contains("--copy-store")) {
            System.exit(copyStore(args, System.out, System.err));
            return;
        }
        ServerConfig config;
        try {
            config = parse(args, System.out);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("chat-server: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) return;
        ChatServer server;
        try {
            server = ChatServer.start(config, ConfigSource.ofArgs(args));
        } catch (StoreOpenException e) {
            System.err.println("chat-server: " + e.getMessage());
            System.exit(1);
            return;
        } catch (IOException e) {
            System.err.println("chat-server: cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("chat-server " + ChatServer.VERSION + " listening on " + server.address().getHostString()
                + ":" + server.port() + (server.tlsPort() >= 0 ? " (TLS on port " + server.tlsPort() + ")" : "")
                + " (Ctrl-C to stop)");
        HangupSignal.onHangup(() -> {
            try {
                server.rehash();
            } catch (IOException | IllegalArgumentException e) {
                System.getLogger("chat.server").log(System.Logger.Level.ERROR,
                        "SIGHUP: configuration not reloaded, nothing changed: " + e.getMessage());
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The config the arguments describe, or null when they only asked for help. */
    static ServerConfig parse(String[] args, PrintStream out) throws IOException {
        Properties props = new Properties();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return null;
            }
            if (arg.equals("--generate-cert")) {
                chat.server.net.TlsContexts.generateSelfSigned(TlsSettings.GENERATED_KEY_STORE);
                out.println("made " + TlsSettings.GENERATED_KEY_STORE.toAbsolutePath());
                return null;
            }
            if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + arg);
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException(arg + " needs a value");
                value = args[++i];
            }
            if (key.equals("config")) {
                try (Reader reader = Files.newBufferedReader(Path.of(value))) {
                    Properties file = new Properties();
                    file.load(reader);
                    file.forEach((k, v) -> props.putIfAbsent(normalizedKey((String) k), v));
                }
            } else {
                props.put(normalizedKey(key), value);
            }
        }
        return fromProperties(props);
    }

    private static ServerConfig fromProperties(Properties p) throws IOException {
        ServerConfig d = ServerConfig.defaults();
        for (String key : p.stringPropertyNames()) {
            if (!KNOWN_KEYS.contains(key) && !key.startsWith(OPER_PREFIX)) throw new IllegalArgumentException("unknown option: " + key);
        }
        String channel = p.getProperty("defaultchannel", d.defaultChannel());
        List<String> motd = d.motd();
        if (p.getProperty("motdfile") != null) motd = Files.readAllLines(Path.of(p.getProperty("motdfile")));
        CaseMapping mapping = d.caseMapping();
        if (p.getProperty("casemapping") != null) {
            mapping = CaseMapping.ofToken(p.getProperty("casemapping"));
            if (mapping == null) throw new IllegalArgumentException("casemapping must be rfc1459 or ascii");
        }
        return new ServerConfig(
                p.getProperty("host", d.host()),
                intValue(p, "port", d.port()),
                p.getProperty("servername", d.serverName()),
                p.getProperty("networkname", d.networkName()),
                channel.equalsIgnoreCase("none") ? null : channel,
                motd,
                mapping,
                seconds(p, "registrationtimeout", d.registrationTimeout()),
                seconds(p, "pinginterval", d.pingInterval()),
                seconds(p, "pingtimeout", d.pingTimeout()),
                intValue(p, "sendq", d.sendQueueBytes()),
                intValue(p, "recvq", d.receiveQueueBytes()),
                intValue(p, "maxtargets", d.maxTargets()),
                seconds(p, "monitorinterval", d.monitorInterval()),
                limits(p, d.limits()),
                tls(p, d.tls()),
                new ServerConfig.Admin(p.getProperty("adminlocation", d.admin().location()),
                        p.getProperty("admininfo", d.admin().info()), p.getProperty("adminemail", d.admin().email())),
                storeConfig(p, d.store()),
                operators(p),
                banDirectory(p, d.dataDir()));
    }

    private static AbuseLimits limits(Properties p, AbuseLimits d) {
        return new AbuseLimits(
                intValue(p, "maxclients", d.maxClients()),
                intValue(p, "peripconnections", d.perIpConnections()),
                intValue(p, "peripunregistered", d.perIpUnregistered()),
                intValue(p, "connectburst", d.connectBurst()),
                seconds(p, "connectwindow", d.connectWindow()),
                intValue(p, "connectbanafter", d.connectBanAfter()),
                seconds(p, "connectbanduration", d.connectBanDuration()),
                list(p, "exempt", d.exempt()),
                list(p, "deny", d.deny()),
                list(p, "allow", d.allow()),
                intValue(p, "floodburst", d.floodBurst()),
                doubleValue(p, "floodrate", d.floodLinesPerSecond()),
                intValue(p, "floodmaxpending", d.floodMaxPendingBytes()));
    }

    private static TlsSettings tls(Properties p, TlsSettings d) {
        String cert = p.getProperty("tlscert");
        String key = p.getProperty("tlskey");
        return new TlsSettings(intValue(p, "tlsport", d.port()),
                cert == null ? d.certificate() : Path.of(cert),
                key == null ? d.privateKey() : Path.of(key),
                p.getProperty("tlspassword", d.password()),
                d.generatedKeyStore());
    }

    private static List<String> list(Properties p, String key, List<String> fallback) {
        String v = p.getProperty(key);
        if (v == null) return fallback;
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static double doubleValue(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + v + "'");
        }
    }

    private static StoreConfig storeConfig(Properties p, StoreConfig d) {
        String dir = p.getProperty("datadir");
        Path dataDirectory = dir == null ? d.dataDirectory() : dir.equalsIgnoreCase("none") ? null : Path.of(dir);
        String sync = p.getProperty("storesync", d.syncEveryCommit() ? "full" : "normal");
        if (!sync.equals("full") && !sync.equals("normal")) throw new IllegalArgumentException("storesync must be full or normal");
        String enforcement = p.getProperty("nickenforcement", d.nickEnforcement().name()).toUpperCase(java.util.Locale.ROOT);
        StoreConfig.NickEnforcement mode;
        try {
            mode = StoreConfig.NickEnforcement.valueOf(enforcement);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nickenforcement must be guest, refuse or none");
        }
        String days = p.getProperty("historymaxage");
        Duration maxAge = days == null ? d.historyMaxAge() : seconds(p, "historymaxage", Duration.ZERO).multipliedBy(86_400);
        String passwordFile = p.getProperty("storepasswordfile");
        return new StoreConfig(p.getProperty("store", d.url()).trim(), dataDirectory,
                passwordFile == null ? d.passwordFile() : Path.of(passwordFile), onOff(p, "history", d.history()), sync.equals("full"), maxAge,
                intValue(p, "historymaxpertarget", d.historyMaxPerTarget()), intValue(p, "joinreplay", d.joinReplayLines()),
                onOff(p, "joinreplaydefaultchannel", d.replayDefaultChannel()),
                intValue(p, "passworditerations", d.passwordIterations()),
                seconds(p, "nickclaimtimeout", d.nickClaimTimeout()), mode, onOff(p, "registration", d.registrationOpen()));
    }

    private static boolean onOff(Properties p, String key, boolean fallback) {
        String v = p.getProperty(key);
        if (v == null) return fallback;
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + " must be on or off, not '" + v + "'");
        };
    }

    /** Where the ban list goes: the data directory, or the default one when the store is turned off. */
    private static Path banDirectory(Properties p, Path fallback) {
        String dir = p.getProperty("datadir");
        return dir == null || dir.equalsIgnoreCase("none") ? fallback : Path.of(dir);
    }

    private static final String OPER_PREFIX = "oper.";

    /** Option names lose their dashes ({@code default-channel} is {@code defaultchannel}); operator keys keep them. */
    private static String normalizedKey(String key) {
        String k = key.trim();
        return k.startsWith(OPER_PREFIX) ? k : k.replace("-", "");
    }

    /** The {@code oper.<name>.password} and {@code oper.<name>.hosts} keys as operator blocks. */
    private static Map<String, OperatorBlock> operators(Properties p) {
        Map<String, String> passwords = new HashMap<>();
        Map<String, List<String>> hosts = new HashMap<>();
        Map<String, String> accounts = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(OPER_PREFIX)) continue;
            int dot = key.lastIndexOf('.');
            String name = dot > OPER_PREFIX.length() ? key.substring(OPER_PREFIX.length(), dot) : "";
            String field = key.substring(dot + 1);
            String value = p.getProperty(key).trim();
            switch (field) {
                case "password" -> passwords.put(name, value);
                case "account" -> accounts.put(name, value);
                case "hosts" -> {
                    List<String> masks = new ArrayList<>();
                    for (String mask : value.split(",")) if (!mask.isBlank()) masks.add(mask.trim());
                    hosts.put(name, masks);
                }
                default -> throw new IllegalArgumentException("unknown option: " + key
                        + " (operator keys are oper.NAME.password, oper.NAME.hosts and oper.NAME.account)");
            }
        }
        Map<String, OperatorBlock> blocks = new HashMap<>();
        Set<String> names = new HashSet<>(passwords.keySet());
        names.addAll(hosts.keySet());
        names.addAll(accounts.keySet());
        for (String name : names) {
            blocks.put(name, new OperatorBlock(name, passwords.get(name), hosts.getOrDefault(name, List.of()),
                    accounts.get(name)));
        }
        return blocks;
    }

    /**
     * {@code chat-server --copy-store --from URL --to URL [--store-password-file FILE]}: copies one store into
     * another, empty one (the password, if any, is the target's, or both's). Returns the exit status.
     */
    static int copyStore(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--copy-store")) continue;
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("chat-server: --copy-store takes --from URL --to URL [--store-password-file FILE]");
                return 2;
            }
            options.put(args[i].substring(2), args[++i]);
        }
        String from = options.remove("from");
        String to = options.remove("to");
        String passwordFile = options.remove("store-password-file");
        if (from == null || to == null || !options.isEmpty()) {
            err.println("chat-server: --copy-store takes --from URL --to URL [--store-password-file FILE]");
            return 2;
        }
        // No retention while copying: the source's old messages are the point.
        StoreConfig rules = StoreConfig.defaults().withRetention(Duration.ZERO, 0);
        try {
            rules.withUrl(from).withUrl(to); // validates both: a URL with a password in it is refused
            String password = StoreProviders.password(passwordFile == null ? null : Path.of(passwordFile));
            try (Store source = StoreProviders.open(from, password, rules, java.time.Clock.systemUTC());
                 Store target = StoreProviders.open(to, password, rules, java.time.Clock.systemUTC())) {
                StoreCopy.Counts n = StoreCopy.copy(source, target);
                out.println("copied " + n.accounts() + " accounts, " + n.messages() + " messages, " + n.bans()
                        + " bans and " + n.channels() + " registered channels from " + from + " to " + to);
                return 0;
            }
        } catch (IOException | RuntimeException e) {
            err.println("chat-server: copy failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * {@code chat-server --hash-password}: reads a password (twice, without echo, from the console if there is
     * one; else one line of standard input) and prints its hash. Returns the exit status.
     */
    static int hashPassword(Console console, PrintStream out, PrintStream err) {
        char[] password;
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            boolean same = password != null && again != null && Arrays.equals(password, again);
            PasswordHash.wipe(again);
            if (!same) {
                PasswordHash.wipe(password);
                err.println("chat-server: the passwords differ");
                return 1;
            }
        } else {
            try {
                password = readLine(new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
            } catch (IOException e) {
                err.println("chat-server: cannot read the password: " + e.getMessage());
                return 1;
            }
        }
        return printHash(password, out, err);
    }

    /** One line of {@code in} as characters, or null at end of input. */
    static char[] readLine(BufferedReader in) throws IOException {
        String line = in.readLine();
        return line == null ? null : line.toCharArray();
    }

    static int printHash(char[] password, PrintStream out, PrintStream err) {
        if (password == null || password.length == 0) {
            err.println("chat-server: no password given");
            return 1;
        }
        try {
            out.println(PasswordHash.hash(password));
            return 0;
        } finally {
            PasswordHash.wipe(password);
        }
    }

    private static final List<String> KNOWN_KEYS = List.of("host", "port", "servername", "networkname",
            "defaultchannel", "motdfile", "casemapping", "registrationtimeout", "pinginterval", "pingtimeout",
            "sendq", "recvq", "maxtargets", "monitorinterval", "maxclients", "peripconnections", "peripunregistered",
            "connectburst", "connectwindow", "connectbanafter", "connectbanduration", "exempt", "deny", "allow",
            "floodburst", "floodrate", "floodmaxpending", "tlsport", "tlscert", "tlskey", "tlspassword",
            "adminlocation", "admininfo", "adminemail", "store", "storepasswordfile", "datadir", "history", "historymaxage",
            "historymaxpertarget", "joinreplay", "joinreplaydefaultchannel", "storesync", "passworditerations",
            "nickclaimtimeout", "nickenforcement", "registration");

    private static int intValue(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
        }
    }

    private static Duration seconds(Properties p, String key, Duration fallback) {
        String v = p.getProperty(key);
        if (v == null) return fallback;
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.trim()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of seconds, not '" + v + "'");
        }
    }
}
