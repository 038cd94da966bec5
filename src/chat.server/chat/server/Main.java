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
import java.net.InetSocketAddress;
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
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;

/** The {@code chat-server} command: parses flags and an optional config file, runs until SIGINT/SIGTERM. */
public final class Main {

    /** What {@code --help} prints: the command's own flags, then every declared option. */
    static String usage() {
        return """
                usage: chat-server [options]
                  --config FILE               a properties file with any of the options below
                  --generate-cert             make the development certificate (DATA-DIR/tls/self-signed.p12) and exit
                  --hash-password             read a password and print its hash for oper.NAME.password
                  --copy-store --from URL --to URL  copy accounts, history, bans and registered channels into
                                              an empty store (e.g. sqlite:data/chat.db to postgresql://...), then exit
                """ + Options.usage() + """
                Config file keys are the option names, with or without their dashes, e.g. port=6667.
                Operator blocks (config file only; REHASH re-reads them):
                  oper.NAME.password = HASH            from: chat-server --hash-password
                  oper.NAME.hosts = *@127.0.0.1,*@::1  user@host masks allowed to use it (default any)
                  oper.NAME.account = ACCOUNT          only a client logged in to it may use the block
                                                       (then the password is optional)
                Bot settings (config file only; REHASH re-reads them), e.g.:
                  bot.Guard.channels = #lobby          channels Guard watches from its first start
                  bot.Guard.steps = warn, quiet 5m, kick, ban 1h
                  bot.Guard.flood = 8/10s              also repeat, highlight, caps, links, words, forgive
                  bot.Help.greeting = Welcome, {nick}! (off: no greeting); bot.Help.faq.NAME = TEXT
                SIGHUP does what an operator's REHASH does: reads the config file and the TLS certificate again,
                without dropping connections.
                """;
    }

    private Main() {
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
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
            System.err.print(usage());
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
        for (String scheme : List.of("http", "https")) {
            InetSocketAddress web = server.frontendAddress(scheme);
            if (web != null) System.out.println("web client at " + scheme + "://" + hostForUrl(web.getHostString()) + ":" + web.getPort() + "/");
        }
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
            // #15: on stdout like the start line (java.util.logging may already be reset by its own hook)
            System.out.println("chat-server shutting down: " + server.userCount() + " users told"
                    + droppedBefore(server.disconnectsByCause()));
            server.close();
            System.out.println("chat-server stopped");
            System.out.flush();
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
        boolean generateCert = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(usage());
                return null;
            }
            if (arg.equals("--generate-cert")) {
                generateCert = true;
                continue;
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
        ServerConfig config = fromProperties(props);
        if (!generateCert) return config;
        Path keyStore = config.tls().generatedKeyStoreIn(config.dataDir());
        chat.server.net.TlsContexts.generateSelfSigned(keyStore);
        out.println("made " + keyStore.toAbsolutePath() + " (password in "
                + chat.server.net.TlsContexts.passwordFile(keyStore).toAbsolutePath() + ")");
        return null;
    }

    private static ServerConfig fromProperties(Properties p) throws IOException {
        Map<Option<?>, Object> values = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(OPER_PREFIX) || key.startsWith(BOT_PREFIX)) continue;
            Option<?> option = Options.byKey(key);
            if (option == null) throw new IllegalArgumentException("unknown option: " + key);
            values.put(option, option.parse(p.getProperty(key)));
        }
        return ServerConfig.of(values, operators(p), BotConfig.settingsFrom(p));
    }

    private static final String OPER_PREFIX = "oper.";
    private static final String BOT_PREFIX = "bot.";

    /** Option names lose their dashes ({@code default-channel} is {@code defaultchannel}); operator and bot keys keep them. */
    private static String normalizedKey(String key) {
        String k = key.trim();
        return k.startsWith(OPER_PREFIX) || k.startsWith(BOT_PREFIX) ? k : k.replace("-", "");
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
    public static int copyStore(String[] args, PrintStream out, PrintStream err) {
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

    /** The clients the server dropped while it ran, by cause, for the shutdown line: the first thing read after a run. */
    private static String droppedBefore(Map<String, Long> disconnects) {
        if (disconnects.isEmpty()) return "";
        StringJoiner causes = new StringJoiner(", ", "; dropped before: ", "");
        disconnects.forEach((cause, count) -> causes.add(cause + " " + count));
        return causes.toString();
    }
}
