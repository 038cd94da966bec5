package chat.client;

import chat.client.net.Transport;
import chat.client.render.Screen;
import chat.client.session.Client;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The terminal chat client: {@code chat-client [--host HOST] [--port PORT] [--nick NICK]}. Type text to talk
 * in the current channel, {@code /help} for the commands. Exits with 0 after /quit or at the end of input,
 * 1 when the connection fails or is lost, 2 on bad options.
 */
public final class Main {

    /** Bad command-line options. */
    public static final int EXIT_USAGE = 2;

    private Main() {
    }

    /** Runs the client on the terminal and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out));
    }

    /**
     * Runs the client; returns the exit code instead of exiting.
     *
     * @param stdin  typed lines: the nickname when asked for, then text and commands
     * @param stdout everything the client shows, the usage and error messages included
     */
    public static int run(String[] args, InputStream stdin, PrintStream stdout) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            stdout.println("chat-client: " + e.getMessage());
            stdout.print(Options.USAGE);
            stdout.flush();
            return EXIT_USAGE;
        }
        if (options.help()) {
            stdout.print(Options.USAGE);
            stdout.flush();
            return Client.EXIT_OK;
        }
        Screen screen = new Screen(stdout);
        if (options.transport() == Transport.TLS_INSECURE) {
            screen.print("! warning: --insecure accepts any certificate; anyone between you and the server could"
                    + " read and change what you send. Use it only with a development server.");
        }
        Client client = new Client(options.host(), options.port(), options.nick(), stdin, screen,
                Clock.systemDefaultZone(), options.transport());
        try {
            return client.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Client.EXIT_FAILURE;
        }
    }
}
