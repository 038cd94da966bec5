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

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of the client, driven by the calling (main) thread: ask for a nickname, connect, register, then
 * turn typed lines into messages until /quit, the end of input, or the end of the connection (after which an
 * interactive client connects again, with a growing pause, rejoins its channels and restores its notify list
 * and away message).
 *
 * <p>Two virtual threads feed the main thread's inbox: one reads the keyboard, one reads the server (a
 * {@link Receiver}). Lines typed before the client is registered and knows its channel are held, in order,
 * and handled once it is ready, so that piped input is neither lost nor sent too early.
 */
public final class Client {

    /** Left by /quit or at the end of input. */
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
    /** The first pause before connecting again; it doubles up to {@link #RECONNECT_MAX}. */
    static final Duration RECONNECT_FIRST = Duration.ofSeconds(1);
    static final Duration RECONNECT_MAX = Duration.ofSeconds(30);
    static final String NICK_PROMPT = "Nickname: ";
    /** The CAP LS version we speak: IRCv3.2 capability negotiation. */
    private static final String CAP_VERSION = "302";
    /** #16: history with the times things were said, in a batch we can put a header on. */
    private static final String CAPABILITIES = "batch draft/chathistory message-tags server-time";

    /** Returned by the steps of a connection to keep going. */
    private static final int CONTINUE = -1;
    /** Returned when the connection was lost and an interactive client should connect again. */
    private static final int LOST = -2;

    /**
     * What to connect to and as whom.
     *
     * @param nick      the nickname from the command line, or null to ask for one
     * @param account   the account to log in to with SASL while registering, or null
     * @param reconnect whether to connect again when the server goes away (interactive use)
     */
    public record Setup(String host, int port, Transport transport, String nick, String account, boolean reconnect) {}

    private final Setup setup;
    private final Keyboard keyboard;
    private final Screen screen;
    private final Renderer renderer;
    private final InputParser parser = new InputParser();
    private final BlockingQueue<Event> inbox = new LinkedBlockingQueue<>();
    private final Deque<String> held = new ArrayDeque<>(); // main thread only: lines typed before ready
    private final AtomicReference<Connection> live = new AtomicReference<>(); // for the shutdown hook
    private boolean endOfInput; // main thread only
    private String password; // main thread only: for the account, kept to log in again after a reconnect
    private Session session; // main thread only (shared with the reader and the completion through its lock)
    private final Carryover carryover = new Carryover(); // main thread only

    /** @param clock the time and zone of the timestamps */
    public Client(Setup setup, Keyboard keyboard, Screen screen, Clock clock) {
        this.setup = setup;
        this.keyboard = keyboard;
        this.screen = screen;
        this.renderer = new Renderer(clock);
        this.session = new Session(setup.nick());
        keyboard.onShortcut(line -> inbox.add(new Event.Typed(line)));
    }

    /** Nicknames, channels and the current target, for the terminal's completion and prompt. */
    public Roster roster() {
        return session;
    }

    /**
     * Sends QUIT on the connection if there is one (the JVM is being stopped: Ctrl-C on a plain terminal, a
     * signal); safe from any thread.
     */
    public void hangUp() {
        Connection connection = live.get();
        if (connection != null) trySend(connection, IrcMessage.of("QUIT", "Client exited"));
    }

    /** Runs the client to its end; returns the exit code. */
    public int run() throws InterruptedException {
        if (setup.account() != null) {
            password = System.getenv("CHAT_PASSWORD");
            if (password == null) {
                try {
                    password = keyboard.readSecret("Password for " + setup.account() + ": ");
                } catch (IOException e) {
                    password = null;
                }
            }
            if (password == null) {
                screen.print("! no password given");
                return EXIT_FAILURE;
            }
        }
        Thread.ofVirtual().name("chat-client-keyboard").start(this::readKeyboard);
        String nick = setup.nick() != null ? setup.nick() : askNick();
        if (nick == null) return EXIT_FAILURE;
        session.nick(nick);
        screen.target(session.view());
        Duration pause = RECONNECT_FIRST;
        List<String> rejoin = List.of();
        while (true) {
            int code = connectOnce(rejoin);
            if (code != LOST && code != CONTINUE) return code;
            if (code == CONTINUE) pause = RECONNECT_FIRST; // we were registered: start the backoff again
            if (!setup.reconnect()) return EXIT_FAILURE;
            // The channels of the last registered connection, kept through failed attempts to connect again.
            List<String> were = session.reconnecting();
            if (code == CONTINUE) rejoin = were;
            screen.target(session.view());
            screen.print("* connecting again in " + pause.toSeconds() + " s (/quit to stop)");
            if (!waitBeforeReconnecting(pause)) return EXIT_OK;
            pause = pause.multipliedBy(2).compareTo(RECONNECT_MAX) > 0 ? RECONNECT_MAX : pause.multipliedBy(2);
        }
    }

    /**
     * One connection: connect, register, talk. Returns an exit code; {@link #LOST} when it failed before
     * registering, {@link #CONTINUE} when it was lost after.
     */
    private int connectOnce(List<String> rejoin) throws InterruptedException {
        Connection connection;
        try {
            connection = Connection.open(setup.host(), setup.port(), setup.transport());
        } catch (IOException e) {
            screen.print("! cannot connect to " + setup.host() + ":" + setup.port() + " (" + Failures.reason(e) + ")");
            return Failures.worthRetrying(e) ? LOST : EXIT_FAILURE;
        }
        screen.print("* connected to " + setup.host() + ":" + setup.port()
                + (setup.transport() == Transport.PLAIN ? "" : " (TLS)"));
        live.set(connection);
        try {
            return converse(connection, rejoin);
        } finally {
            live.set(null);
            try {
                connection.close();
            } catch (IOException e) {
                // Closing is all that is left to do; nothing to tell.
            }
        }
    }

    private int converse(Connection connection, List<String> rejoin) throws InterruptedException {
        Thread.ofVirtual().name("chat-client-reader")
                .start(new Receiver(connection, session, renderer, screen, inbox::add));
        String nick = session.view().nick();
        try {
            connection.send(IrcMessage.of("CAP", "LS", CAP_VERSION));
            connection.send(IrcMessage.of("CAP", "REQ", CAPABILITIES));
            // #15: multi-line messages come as one batch, and redactions are shown (see the Renderer); asked for
            // apart, so that a server without them still gives the history capabilities
            connection.send(IrcMessage.of("CAP", "REQ", "batch draft/multiline draft/message-redaction"));
            if (setup.account() != null) {
                // SASL PLAIN, pipelined: the server answers each line in order; 903 or 904 tells how it went
                connection.send(IrcMessage.of("CAP", "REQ", "sasl"));
                connection.send(IrcMessage.of("AUTHENTICATE", "PLAIN"));
                for (String chunk : Secrets.plainChunks(setup.account(), password)) {
                    connection.send(IrcMessage.of("AUTHENTICATE", chunk));
                }
            }
            connection.send(IrcMessage.of("NICK", nick));
            connection.send(IrcMessage.of("USER", nick, "0", "*", nick));
            connection.send(IrcMessage.of("CAP", "END"));
        } catch (IOException e) {
            return disconnected(Failures.reason(e), LOST);
        }
        int code = register(connection);
        if (code != CONTINUE) return code;
        for (String channel : rejoin) {
            if (!trySend(connection, IrcMessage.of("JOIN", channel))) return disconnected("cannot send", CONTINUE);
        }
        // The notify list and the away message of the connection before (none on the first).
        for (IrcMessage again : carryover.restore()) {
            if (!trySend(connection, again)) return disconnected("cannot send", CONTINUE);
        }
        code = awaitChannel();
        if (code != CONTINUE) return code;
        screen.target(session.view());
        if (rejoin.isEmpty()) screen.print("* you are in " + session.current() + "; type /help for the commands");
        while (!held.isEmpty()) {
            code = handle(held.poll(), connection);
            if (code != CONTINUE) return code;
        }
        if (endOfInput) return quit(IrcMessage.of("QUIT"), connection);
        while (true) {
            switch (inbox.take()) {
                case Event.Typed typed -> {
                    code = handle(typed.line(), connection);
                    if (code != CONTINUE) return code;
                }
                case Event.EndOfInput end -> {
                    return quit(IrcMessage.of("QUIT"), connection);
                }
                case Event.Disconnected gone -> {
                    return disconnected(gone.reason(), CONTINUE);
                }
                case Event.Moved moved -> screen.target(session.view());
                case Event.Welcome welcome -> { }
                case Event.NickRefused refused -> { }
                case Event.Joined joined -> screen.target(session.view());
            }
        }
    }

    /** Until 001; a refused nickname makes us ask for another. */
    private int register(Connection connection) throws InterruptedException {
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
                    return disconnected(gone.reason(), LOST);
                }
                case Event.NickRefused refused -> {
                    String nick = askNick();
                    if (nick == null) {
                        trySend(connection, IrcMessage.of("QUIT"));
                        return EXIT_FAILURE;
                    }
                    session.nick(nick);
                    if (!trySend(connection, IrcMessage.of("NICK", nick))) return disconnected("cannot send", LOST);
                }
                case Event.Welcome welcome -> screen.target(session.view());
                case Event.Moved moved -> { }
                case Event.Joined joined -> { }
            }
        }
        return CONTINUE;
    }

    /** Until our first JOIN, or {@link #CHANNEL_WAIT} and then the default channel. */
    private int awaitChannel() throws InterruptedException {
        long deadline = System.nanoTime() + CHANNEL_WAIT.toNanos();
        while (session.current() == null) {
            Event event = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            switch (event) {
                case null -> session.assume(DEFAULT_CHANNEL);
                case Event.Typed typed -> held.add(typed.line());
                case Event.EndOfInput end -> endOfInput = true;
                case Event.Disconnected gone -> {
                    return disconnected(gone.reason(), CONTINUE);
                }
                case Event.Welcome welcome -> { }
                case Event.NickRefused refused -> { }
                case Event.Moved moved -> { }
                case Event.Joined joined -> { }
            }
        }
        return CONTINUE;
    }

    /** Waits out a pause before connecting again; false when the user quit meanwhile. */
    private boolean waitBeforeReconnecting(Duration pause) throws InterruptedException {
        long deadline = System.nanoTime() + pause.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return true;
            Event event = inbox.poll(left, TimeUnit.NANOSECONDS);
            switch (event) {
                case null -> {
                    return true;
                }
                case Event.EndOfInput end -> {
                    screen.print("* disconnected");
                    return false;
                }
                case Event.Typed typed -> {
                    if (parser.parse(typed.line(), session.current()) instanceof Input.Quit) {
                        screen.print("* disconnected");
                        return false;
                    }
                    screen.print("! not connected: connecting again soon (/quit to stop)");
                }
                default -> { }
            }
        }
    }

    /**
     * Asks for a nickname until a valid one is typed; held lines are answers typed in advance. Returns null,
     * having said why, when input ends or the connection is lost first.
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

    /** The next typed line, held ones first; null at the end of input or of the connection. */
    private String nextLine() throws InterruptedException {
        if (!held.isEmpty()) return held.poll();
        while (!endOfInput) {
            switch (inbox.take()) {
                case Event.Typed typed -> {
                    return typed.line();
                }
                case Event.EndOfInput end -> endOfInput = true;
                case Event.Disconnected gone -> {
                    disconnected(gone.reason(), EXIT_FAILURE);
                    return null;
                }
                case Event.Welcome welcome -> { }
                case Event.NickRefused refused -> { }
                case Event.Moved moved -> { }
                case Event.Joined joined -> { }
            }
        }
        return null;
    }

    /** Acts on one typed line; returns an exit code, or {@link #CONTINUE}. */
    private int handle(String line, Connection connection) throws InterruptedException {
        switch (parser.parse(line, session.current())) {
            case Input.Nothing nothing -> { }
            case Input.Problem problem -> screen.print("! " + problem.text());
            case Input.Help help -> help.lines().forEach(screen::print);
            case Input.Quit quit -> {
                return quit(quit.message(), connection);
            }
            case Input.Switch to -> switchTo(to);
            case Input.Send send -> {
                // Focus first: the server's answer (a JOIN refused, a KICK) may be read before send() returns.
                if (send.focus() != null) session.focus(send.focus());
                for (IrcMessage message : send.messages()) {
                    if (!trySend(connection, message)) return disconnected("cannot send", CONTINUE);
                    carryover.sent(message, session.view().mapping());
                    if (message.command().equals("PRIVMSG") && !Names.isChannel(message.param(0))
                            && message.param(0).indexOf(',') < 0) {
                        session.chatWith(message.param(0));
                    }
                    renderer.echo(message, session.view()).ifPresent(screen::print);
                }
                if (send.focus() != null) screen.target(session.view());
            }
        }
        return CONTINUE;
    }

    private void switchTo(Input.Switch to) {
        List<String> targets = session.targets();
        boolean switched;
        if (to.target() != null) {
            switched = session.switchTo(to.target());
            if (!switched) screen.print("! you are not in " + to.target() + ": /join " + to.target());
        } else if (to.number() > 0) {
            switched = session.switchTo(to.number());
            if (!switched) screen.print("! there is no target " + to.number() + "; /switch lists them");
        } else {
            StringBuilder list = new StringBuilder("* targets:");
            for (int i = 0; i < targets.size(); i++) list.append(' ').append(i + 1).append(':').append(targets.get(i));
            screen.print(targets.isEmpty() ? "* no channels or private chats yet" : list.toString());
            return;
        }
        if (switched) {
            screen.target(session.view());
            screen.print("* now talking in " + session.current());
        }
    }

    /** Sends QUIT and waits a little for the server to close the connection. */
    private int quit(IrcMessage quit, Connection connection) throws InterruptedException {
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

    /** Says the connection is gone; returns {@code code}, or a failure when the client will not reconnect. */
    private int disconnected(String reason, int code) {
        screen.print("! disconnected from server (" + reason + ")");
        return setup.reconnect() ? code : EXIT_FAILURE;
    }

    /** The keyboard thread: lines in order, a password read right after the command that needs one. */
    private void readKeyboard() {
        try {
            String line;
            while ((line = keyboard.readLine()) != null) {
                if (Secrets.needsPassword(line)) {
                    String secret = keyboard.readSecret("Password: ");
                    if (secret == null) break;
                    if (secret.isBlank()) continue;
                    line = Secrets.withPassword(line, secret.strip());
                }
                inbox.add(new Event.Typed(line));
            }
        } catch (IOException e) {
            screen.print("! cannot read the keyboard (" + Failures.reason(e) + ")");
        }
        inbox.add(new Event.EndOfInput());
    }
}
