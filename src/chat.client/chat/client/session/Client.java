package chat.client.session;

import chat.client.input.Input;
import chat.client.input.InputParser;
import chat.client.input.Secrets;
import chat.client.net.Connection;
import chat.client.net.Transport;
import chat.client.render.Renderer;
import chat.client.render.Screen;
import chat.protocol.IrcMessage;
import chat.protocol.Names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of the client, driven by the calling (main) thread: ask for a nickname, connect, register, then
 * turn typed lines into messages until /quit, the end of stdin, or the end of the connection.
 *
 * <p>Two virtual threads feed the main thread's inbox: one reads stdin, one reads the server (a
 * {@link Receiver}). Lines typed before the client is registered and knows its channel are held, in order,
 * and handled once it is ready, so that piped input is neither lost nor sent too early.
 */
public final class Client {

    /** Left by /quit or at the end of stdin. */
    public static final int EXIT_OK = 0;
    /** Could not connect, lost the connection, or had no nickname to register with. */
    public static final int EXIT_FAILURE = 1;

    /** The channel the server joins everyone to, current when no JOIN of ours comes in time. */
    static final String DEFAULT_CHANNEL = "#lobby";
    /** How long after 001 to wait for our first JOIN before assuming {@link #DEFAULT_CHANNEL}. */
    static final Duration CHANNEL_WAIT = Duration.ofSeconds(5);
    /** How long after QUIT to wait for the server to close the connection. */
    static final Duration QUIT_WAIT = Duration.ofSeconds(3);
    /** How long the server may take to answer our registration (not counting time spent asking the user). */
    static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(60);
    static final String NICK_PROMPT = "Nickname: ";
    /** The CAP LS version we speak: IRCv3.2 capability negotiation (we request nothing yet). */
    private static final String CAP_VERSION = "302";

    /** Returned by {@link #handle} to keep going. */
    private static final int CONTINUE = -1;

    private final Transport transport;
    private final String host;
    private final int port;
    private final String givenNick;
    private final InputStream stdin;
    private final Screen screen;
    private final Renderer renderer;
    private final InputParser parser = new InputParser();
    private final BlockingQueue<Event> inbox = new LinkedBlockingQueue<>();
    private final Deque<String> held = new ArrayDeque<>(); // main thread only: lines typed before ready
    private boolean endOfInput; // main thread only
    private final String account; // log in with SASL at connect, or null
    private String password; // main thread only: for account

    /**
     * @param nick  the nickname from the command line, or null to ask for one
     * @param clock the time and zone of the timestamps
     */
    public Client(String host, int port, String nick, InputStream stdin, Screen screen, Clock clock) {
        this(host, port, nick, stdin, screen, clock, Transport.PLAIN, null);
    }

    /** A client that logs in to {@code account} with SASL PLAIN while it registers (null for none). */
    public Client(String host, int port, String nick, InputStream stdin, Screen screen, Clock clock, String account) {
        this(host, port, nick, stdin, screen, clock, Transport.PLAIN, account);
    }

    /** A client over {@code transport} that logs in to {@code account} while it registers (null for none). */
    public Client(String host, int port, String nick, InputStream stdin, Screen screen, Clock clock,
                  Transport transport, String account) {
        this.transport = transport;
        this.account = account;
        this.host = host;
        this.port = port;
        this.givenNick = nick;
        this.stdin = stdin;
        this.screen = screen;
        this.renderer = new Renderer(clock);
    }

    /** Runs the client to its end; returns the exit code. */
    public int run() throws InterruptedException {
        Thread.ofVirtual().name("chat-client-stdin").start(this::readStdin);
        String nick = givenNick != null ? givenNick : askNick();
        if (nick == null) return EXIT_FAILURE;
        if (account != null) {
            password = System.getenv("CHAT_PASSWORD");
            if (password == null) password = askSecret("Password for " + account + ": ");
            if (password == null) return EXIT_FAILURE;
        }
        Connection connection;
        try {
            connection = Connection.open(host, port, transport);
        } catch (IOException e) {
            screen.print("! cannot connect to " + host + ":" + port + " (" + reason(e) + ")");
            return EXIT_FAILURE;
        }
        screen.print("* connected to " + host + ":" + port + (transport == Transport.PLAIN ? "" : " (TLS)"));
        try {
            return converse(connection, nick);
        } finally {
            try {
                connection.close();
            } catch (IOException e) {
                // Closing is all that is left to do; nothing to tell.
            }
        }
    }

    private int converse(Connection connection, String nick) throws InterruptedException {
        Session session = new Session(nick);
        Thread.ofVirtual().name("chat-client-reader")
                .start(new Receiver(connection, session, renderer, screen, inbox::add));
        try {
            connection.send(IrcMessage.of("CAP", "LS", CAP_VERSION));
            // #15: multi-line messages come as one batch, and redactions are shown (see the Renderer)
            connection.send(IrcMessage.of("CAP", "REQ", "batch draft/multiline draft/message-redaction"));
            if (account != null) {
                // SASL PLAIN, pipelined: the server answers each line in order; 903 or 904 tells how it went
                connection.send(IrcMessage.of("CAP", "REQ", "sasl"));
                connection.send(IrcMessage.of("AUTHENTICATE", "PLAIN"));
                for (String chunk : Secrets.plainChunks(account, password)) connection.send(IrcMessage.of("AUTHENTICATE", chunk));
                password = null;
            }
            connection.send(IrcMessage.of("NICK", nick));
            connection.send(IrcMessage.of("USER", nick, "0", "*", nick));
            connection.send(IrcMessage.of("CAP", "END"));
        } catch (IOException e) {
            return disconnected(reason(e));
        }
        int code = register(connection, session);
        if (code != CONTINUE) return code;
        code = awaitChannel(session);
        if (code != CONTINUE) return code;
        screen.print("* you are in " + session.current() + "; type /help for the commands");
        while (!held.isEmpty()) {
            code = handle(held.poll(), connection, session);
            if (code != CONTINUE) return code;
        }
        if (endOfInput) return quit(IrcMessage.of("QUIT"), connection, session);
        while (true) {
            switch (inbox.take()) {
                case Event.Typed typed -> {
                    code = handle(typed.line(), connection, session);
                    if (code != CONTINUE) return code;
                }
                case Event.EndOfInput end -> {
                    return quit(IrcMessage.of("QUIT"), connection, session);
                }
                case Event.Disconnected gone -> {
                    return disconnected(gone.reason());
                }
                case Event.Welcome welcome -> { }
                case Event.NickRefused refused -> { }
                case Event.Joined joined -> { }
            }
        }
    }

    /** Until 001; a refused nickname makes us ask for another. */
    private int register(Connection connection, Session session) throws InterruptedException {
        while (!session.registered()) {
            Event event = inbox.poll(REGISTRATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            switch (event) {
                case null -> {
                    screen.print("! the server did not complete registration in " + REGISTRATION_TIMEOUT.toSeconds()
                            + " s");
                    return EXIT_FAILURE;
                }
                case Event.Typed typed -> held.add(typed.line());
                case Event.EndOfInput end -> endOfInput = true;
                case Event.Disconnected gone -> {
                    return disconnected(gone.reason());
                }
                case Event.NickRefused refused -> {
                    String nick = askNick();
                    if (nick == null) {
                        trySend(connection, IrcMessage.of("QUIT"));
                        return EXIT_FAILURE;
                    }
                    session.nick(nick);
                    try {
                        connection.send(IrcMessage.of("NICK", nick));
                    } catch (IOException e) {
                        return disconnected(reason(e));
                    }
                }
                case Event.Welcome welcome -> { }
                case Event.Joined joined -> { }
            }
        }
        return CONTINUE;
    }

    /** Until our first JOIN, or {@link #CHANNEL_WAIT} and then the default channel. */
    private int awaitChannel(Session session) throws InterruptedException {
        long deadline = System.nanoTime() + CHANNEL_WAIT.toNanos();
        while (session.current() == null) {
            Event event = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            switch (event) {
                case null -> session.assume(DEFAULT_CHANNEL);
                case Event.Typed typed -> held.add(typed.line());
                case Event.EndOfInput end -> endOfInput = true;
                case Event.Disconnected gone -> {
                    return disconnected(gone.reason());
                }
                case Event.Welcome welcome -> { }
                case Event.NickRefused refused -> { }
                case Event.Joined joined -> { }
            }
        }
        return CONTINUE;
    }

    /**
     * Asks for a nickname until a valid one is typed; held lines are answers typed in advance. Returns null,
     * having said why, when stdin ends or the connection is lost first.
     */
    private String askNick() throws InterruptedException {
        while (true) {
            screen.prompt(NICK_PROMPT);
            String line = nextLine();
            if (line == null) {
                screen.print("");
                screen.print("! no nickname given");
                return null;
            }
            String nick = line.strip();
            if (Names.isValidNick(nick)) return nick;
            if (!nick.isEmpty()) {
                screen.print("! \"" + nick + "\" is not a valid nickname: a letter first, then letters, digits or "
                        + "[]\\`_^{|}-, at most " + Names.NICKLEN + " characters");
            }
        }
    }

    /** Asks for a password, without echo when stdin is a terminal; null at the end of input. */
    private String askSecret(String prompt) throws InterruptedException {
        screen.prompt(prompt);
        boolean hidden = stdin == System.in && stty("-echo");
        try {
            return nextLine();
        } finally {
            if (hidden) {
                stty("echo");
                screen.print("");
            }
        }
    }

    /** Runs stty on our terminal; false when stdin is no terminal (piped input is not hidden: nobody sees it). */
    private static boolean stty(String setting) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("stty", setting).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The next typed line, held ones first; null at the end of stdin or of the connection. */
    private String nextLine() throws InterruptedException {
        if (!held.isEmpty()) return held.poll();
        while (!endOfInput) {
            switch (inbox.take()) {
                case Event.Typed typed -> {
                    return typed.line();
                }
                case Event.EndOfInput end -> endOfInput = true;
                case Event.Disconnected gone -> {
                    disconnected(gone.reason());
                    return null;
                }
                case Event.Welcome welcome -> { }
                case Event.NickRefused refused -> { }
                case Event.Joined joined -> { }
            }
        }
        return null;
    }

    /** Acts on one typed line; returns an exit code, or {@link #CONTINUE}. */
    private int handle(String line, Connection connection, Session session) throws InterruptedException {
        if (Secrets.needsPassword(line)) {
            String secret = askSecret("Password: ");
            if (secret == null || secret.isBlank()) return CONTINUE;
            line = Secrets.withPassword(line, secret.strip());
        }
        switch (parser.parse(line, session.current())) {
            case Input.Nothing nothing -> { }
            case Input.Problem problem -> screen.print("! " + problem.text());
            case Input.Help help -> help.lines().forEach(screen::print);
            case Input.Quit quit -> {
                return quit(quit.message(), connection, session);
            }
            case Input.Send send -> {
                // Focus first: the server's answer (a JOIN refused, a KICK) may be read before send() returns.
                if (send.focus() != null) session.focus(send.focus());
                for (IrcMessage message : send.messages()) {
                    try {
                        connection.send(message);
                    } catch (IOException e) {
                        return disconnected(reason(e));
                    }
                    renderer.echo(message, session.view()).ifPresent(screen::print);
                }
            }
        }
        return CONTINUE;
    }

    /** Sends QUIT and waits a little for the server to close the connection. */
    private int quit(IrcMessage quit, Connection connection, Session session) throws InterruptedException {
        session.quitting();
        if (trySend(connection, quit)) {
            long deadline = System.nanoTime() + QUIT_WAIT.toNanos();
            Event event;
            do {
                long left = deadline - System.nanoTime();
                event = inbox.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } while (event != null && !(event instanceof Event.Disconnected));
        }
        screen.print("* disconnected");
        return EXIT_OK;
    }

    private static boolean trySend(Connection connection, IrcMessage message) {
        try {
            connection.send(message);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int disconnected(String reason) {
        screen.print("! disconnected from server (" + reason + ")");
        return EXIT_FAILURE;
    }

    private void readStdin() {
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) inbox.add(new Event.Typed(line));
        } catch (IOException e) {
            screen.print("! cannot read the keyboard (" + reason(e) + ")");
        }
        inbox.add(new Event.EndOfInput());
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        if (e instanceof UnknownHostException) return "unknown host " + message;
        return message != null ? message : e.getClass().getSimpleName();
    }
}
