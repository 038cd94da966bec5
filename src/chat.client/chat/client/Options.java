package chat.client;

import chat.client.net.Transport;
import chat.protocol.Names;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The command-line options, over the defaults of the config file.
 *
 * @param host server host name or address
 * @param port server TCP port
 * @param nick the nickname, or null to ask for one
 * @param help whether only the usage was asked for
 * @param transport plain, TLS, or TLS trusting any certificate
 * @param account the account to log in to with SASL at connect, or null
 * @param bell whether to ring the terminal's bell for mentions and private messages
 * @param plain whether to keep to plain lines even on a terminal
 */
record Options(String host, int port, String nick, boolean help, Transport transport, String account, boolean bell,
               boolean plain) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 12345;
    static final int DEFAULT_TLS_PORT = 6697;
    private static final int MAX_PORT = 65535;
    /** The keys a config file may hold: the options' names without dashes. */
    static final Set<String> CONFIG_KEYS = Set.of("host", "port", "tls", "insecure", "nick", "account", "bell", "plain");

    static final String USAGE = """
            usage: chat-client [--host HOST] [--port PORT] [--nick NICK] [--tls [--insecure]] [--account NAME]
              --host HOST     server to connect to (default %s)
              --port PORT     its port (default %d, or %d with --tls)
              --nick NICK     your nickname (asked for when missing)
              --tls           connect with TLS, checking the server's certificate
              --insecure      with --tls: accept any certificate (a development server's self-signed one)
              --account NAME  log in to this account with SASL (password asked for, or $CHAT_PASSWORD)
              --bell          ring the terminal's bell for mentions and private messages
              --plain         plain lines even on a terminal (no line editor, no colours, no reconnect)
              --config FILE   read defaults from FILE instead of ~/.config/chat/client.properties
              --help          show this help
            The config file holds the same options without dashes, e.g. host=irc.example.org, port=6697,
            tls=true, insecure=false, nick=alice, account=alice, bell=true; the command line wins.
            On a terminal: a line editor with history (Up, Down, Ctrl-R), Tab completion, Alt-1..9 to switch
            channels; the client connects again when the server goes away. Type /help once connected.
            """.formatted(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TLS_PORT);

    /** Reads the options with no config file. */
    static Options parse(String[] args) {
        return parse(args, new Properties());
    }

    /**
     * Reads {@code --name value} and {@code --name=value} options over the config file's values; throws with a
     * message on bad usage.
     */
    static Options parse(String[] args, Properties config) {
        for (String key : config.stringPropertyNames()) {
            if (!CONFIG_KEYS.contains(key)) throw new IllegalArgumentException("unknown key in the config file: " + key);
        }
        String host = config.getProperty("host", DEFAULT_HOST).strip();
        int port = config.containsKey("port") ? port(config.getProperty("port").strip()) : -1;
        String nick = config.containsKey("nick") ? nick(config.getProperty("nick").strip()) : null;
        boolean tls = flag(config, "tls");
        boolean insecure = flag(config, "insecure");
        String account = config.containsKey("account") ? nick(config.getProperty("account").strip()) : null;
        boolean bell = flag(config, "bell");
        boolean plain = flag(config, "plain");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> {
                    return new Options(host, DEFAULT_PORT, nick, true, Transport.PLAIN, account, bell, plain);
                }
                case "--host" -> host = value != null ? value : valueOf(args, ++i, name);
                case "--port" -> port = port(value != null ? value : valueOf(args, ++i, name));
                case "--nick" -> nick = nick(value != null ? value : valueOf(args, ++i, name));
                case "--tls" -> tls = true;
                case "--insecure" -> insecure = true;
                case "--account" -> account = nick(value != null ? value : valueOf(args, ++i, name));
                case "--bell" -> bell = true;
                case "--plain" -> plain = true;
                case "--config" -> {
                    if (value == null) i++; // read by configFile() before parsing
                }
                default -> throw new IllegalArgumentException(arg.startsWith("-")
                        ? "unknown option " + arg : "unexpected argument " + arg);
            }
        }
        if (host.isBlank()) throw new IllegalArgumentException("--host needs a host name");
        if (insecure && !tls) throw new IllegalArgumentException("--insecure goes with --tls");
        Transport transport = !tls ? Transport.PLAIN : insecure ? Transport.TLS_INSECURE : Transport.TLS;
        if (port < 0) port = tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        return new Options(host, port, nick, false, transport, account, bell, plain);
    }

    /**
     * The config file: {@code --config FILE} if given, else {@code $XDG_CONFIG_HOME/chat/client.properties}
     * (by default {@code ~/.config/chat/client.properties}); null when there is none.
     */
    static Path configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) return Path.of(valueOf(args, i + 1, "--config"));
            if (args[i].startsWith("--config=")) return Path.of(args[i].substring("--config=".length()));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        Path file = base.resolve("chat").resolve("client.properties");
        return Files.isRegularFile(file) ? file : null;
    }

    /** Reads a config file; an unreadable one is a usage error. */
    static Properties load(Path file) {
        Properties config = new Properties();
        if (file == null) return config;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            config.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the config file " + file + ": " + e.getMessage());
        }
        return config;
    }

    private static boolean flag(Properties config, String key) {
        String value = config.getProperty(key);
        if (value == null) return false;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " in the config file must be true or false, not " + value);
        };
    }

    private static String valueOf(String[] args, int i, String name) {
        if (i >= args.length) throw new IllegalArgumentException(name + " needs a value");
        return args[i];
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= MAX_PORT) return port;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a number from 1 to " + MAX_PORT + ", not " + value);
    }

    private static String nick(String value) {
        if (!Names.isValidNick(value)) throw new IllegalArgumentException("\"" + value + "\" is not a valid nickname");
        return value;
    }
}
