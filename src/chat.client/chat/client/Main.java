package chat.client;

import chat.client.input.InputParser;
import chat.client.net.Transport;
import chat.client.render.PlainScreen;
import chat.client.render.Screen;
import chat.client.session.Client;
import chat.client.session.Keyboard;
import chat.client.term.PlainKeyboard;
import chat.client.term.TerminalUi;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

/**
 * The terminal chat client: {@code chat-client [--host HOST] [--port PORT] [--nick NICK]}. Type text to talk
 * in the current channel, {@code /help} for the commands. On a terminal it edits lines with JLine and connects
 * again when the server goes away; on a pipe or a dumb terminal it reads and prints plain lines. Exits with 0
 * after /quit or at the end of input, 1 when the connection fails or is lost, 2 on bad options.
 */
public final class Main {

    /** Bad command-line options. */
    public static final int EXIT_USAGE = 2;

    private Main() {
    }

    /** Runs the client on the terminal (with the user's config file) and exits with its code. */
    public static void main(String[] args) {
        Path config;
        try {
            config = Options.configFile(args);
        } catch (IllegalArgumentException e) {
            config = null;
        }
        System.exit(run(args, config, System.in, System.out, true));
    }

    /**
     * Runs the client on these streams, as plain lines and with no config file; returns the exit code.
     *
     * @param stdin  typed lines: the nickname when asked for, then text and commands
     * @param stdout everything the client shows, the usage and error messages included
     */
    public static int run(String[] args, InputStream stdin, PrintStream stdout) {
        return run(args, null, stdin, stdout, false);
    }

    private static int run(String[] args, Path configFile, InputStream stdin, PrintStream stdout, boolean system) {
        Options options;
        try {
            Properties config = Options.load(configFile);
            options = Options.parse(args, config);
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
        TerminalUi terminal = null;
        if (system && !options.plain() && TerminalUi.available()) {
            try {
                terminal = TerminalUi.open(options.bell());
            } catch (IOException | RuntimeException e) {
                stdout.println("! no line editor on this terminal (" + e.getMessage() + "); reading plain lines");
            }
        }
        Screen screen = terminal != null ? terminal : new PlainScreen(stdout);
        Keyboard keyboard = terminal != null ? terminal : new PlainKeyboard(stdin, system, screen);
        if (options.transport() == Transport.TLS_INSECURE) {
            screen.print("! warning: --insecure accepts any certificate; anyone between you and the server could"
                    + " read and change what you send. Use it only with a development server.");
        }
        Client client = new Client(new Client.Setup(options.host(), options.port(), options.transport(),
                options.nick(), options.account(), terminal != null), keyboard, screen, Clock.systemDefaultZone());
        if (terminal != null) terminal.completeFrom(client.roster(), new InputParser().commands());
        // Ctrl-C on a plain terminal, or a signal, stops the JVM: say QUIT first (JLine turns Ctrl-C into input).
        Thread hook = new Thread(client::hangUp, "chat-client-quit");
        if (system) Runtime.getRuntime().addShutdownHook(hook);
        try {
            return client.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Client.EXIT_FAILURE;
        } finally {
            if (system) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook runs
                }
            }
            if (terminal != null) terminal.close();
        }
    }
}
