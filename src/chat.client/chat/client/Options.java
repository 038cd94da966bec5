package chat.client;

import chat.client.net.Transport;
import chat.protocol.Names;

/**
 * The command-line options.
 *
 * @param host server host name or address
 * @param port server TCP port
 * @param nick the nickname, or null to ask for one
 * @param help whether only the usage was asked for
 * @param transport plain, TLS, or TLS trusting any certificate
 */
record Options(String host, int port, String nick, boolean help, Transport transport) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 12345;
    static final int DEFAULT_TLS_PORT = 6697;
    private static final int MAX_PORT = 65535;

    static final String USAGE = """
            usage: chat-client [--host HOST] [--port PORT] [--nick NICK] [--tls [--insecure]]
              --host HOST   server to connect to (default %s)
              --port PORT   its port (default %d, or %d with --tls)
              --nick NICK   your nickname (asked for when missing)
              --tls         connect with TLS, checking the server's certificate
              --insecure    with --tls: accept any certificate (a development server's self-signed one)
              --help        show this help
            """.formatted(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TLS_PORT);

    /** Reads {@code --name value} and {@code --name=value} options; throws with a message on bad usage. */
    static Options parse(String[] args) {
        String host = DEFAULT_HOST;
        int port = -1;
        String nick = null;
        boolean tls = false;
        boolean insecure = false;
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
                    return new Options(host, DEFAULT_PORT, nick, true, Transport.PLAIN);
                }
                case "--host" -> host = value != null ? value : valueOf(args, ++i, name);
                case "--port" -> port = port(value != null ? value : valueOf(args, ++i, name));
                case "--nick" -> nick = nick(value != null ? value : valueOf(args, ++i, name));
                case "--tls" -> tls = true;
                case "--insecure" -> insecure = true;
                default -> throw new IllegalArgumentException(arg.startsWith("-")
                        ? "unknown option " + arg : "unexpected argument " + arg);
            }
        }
        if (host.isBlank()) throw new IllegalArgumentException("--host needs a host name");
        if (insecure && !tls) throw new IllegalArgumentException("--insecure goes with --tls");
        Transport transport = !tls ? Transport.PLAIN : insecure ? Transport.TLS_INSECURE : Transport.TLS;
        if (port < 0) port = tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        return new Options(host, port, nick, false, transport);
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
