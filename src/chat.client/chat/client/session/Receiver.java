package chat.client.session;

import chat.client.net.Connection;
import chat.client.render.Renderer;
import chat.client.render.Screen;
import chat.client.render.View;
import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.protocol.ParseError;
import chat.protocol.ParseResult;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reader thread's body: answers PING, keeps the {@link Session} up to date, prints what arrives, and tells
 * the main thread about registration, joins and the end of the connection.
 */
final class Receiver implements Runnable {

    /** Refusals of our nickname; before 001 the user is asked for another. */
    private static final Set<Numeric> NICK_REFUSALS =
            EnumSet.of(Numeric.ERR_NONICKNAMEGIVEN, Numeric.ERR_ERRONEUSNICKNAME, Numeric.ERR_NICKNAMEINUSE);
    /** Replies to a JOIN that failed; the channel is the second parameter. */
    private static final Set<Numeric> JOIN_FAILURES = EnumSet.of(Numeric.ERR_NOSUCHCHANNEL,
            Numeric.ERR_TOOMANYCHANNELS, Numeric.ERR_CHANNELISFULL, Numeric.ERR_INVITEONLYCHAN,
            Numeric.ERR_BANNEDFROMCHAN, Numeric.ERR_BADCHANNELKEY, Numeric.ERR_BADCHANMASK);
    private static final String CASEMAPPING_TOKEN = "CASEMAPPING=";

    private final Connection connection;
    private final Session session;
    private final Renderer renderer;
    private final Screen screen;
    private final Consumer<Event> inbox;
    private String lastError; // this thread only: the text of the server's ERROR, the best reason for a close

    Receiver(Connection connection, Session session, Renderer renderer, Screen screen, Consumer<Event> inbox) {
        this.connection = connection;
        this.session = session;
        this.renderer = renderer;
        this.screen = screen;
        this.inbox = inbox;
    }

    @Override
    public void run() {
        String reason;
        try {
            ParseResult line;
            while ((line = connection.read()) != null) {
                switch (line) {
                    case ParseResult.Parsed parsed -> handle(parsed.message());
                    case ParseResult.Rejected rejected when rejected.error() == ParseError.EMPTY -> { }
                    case ParseResult.Rejected rejected -> screen.print("! unreadable line from the server ("
                            + rejected.error().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
                }
            }
            reason = lastError != null ? lastError : "connection closed by the server";
        } catch (IOException e) {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        inbox.accept(new Event.Disconnected(reason));
    }

    private void handle(IrcMessage m) throws IOException {
        if (m.command().equals("PING")) {
            connection.send(new IrcMessage(Map.of(), null, "PONG", m.params()));
            return;
        }
        // Rendered against the state before the message: "you are now known as" needs the old nick.
        View before = session.view();
        // After our own /quit the server's ERROR only confirms it; the client says "* disconnected" itself.
        boolean expected = m.command().equals("ERROR") && session.isQuitting();
        if (!expected) {
            // A multi-line message is judged whole, when its batch ends.
            Renderer.Shown shown = renderer.show(m, before);
            boolean alert = shown.message() != null && Mentions.concernsMe(shown.message(), before);
            // Open before shown: a private chat is there to switch to once its first line is on the screen.
            if (shown.message() != null) openChat(shown.message(), before);
            for (String line : shown.lines()) {
                if (alert) {
                    screen.alert(line);
                } else {
                    screen.print(line);
                }
            }
        }
        update(m, before);
    }

    /** #16: a private message (not one from history) opens a private chat, reachable with /switch, /N and Alt-N. */
    private void openChat(IrcMessage said, View before) {
        if (said.command().equals("PRIVMSG") && said.params().size() >= 2 && before.isMe(said.param(0))
                && said.sourceNick() != null && said.tags().get("batch") == null) {
            session.chatWith(said.sourceNick());
        }
    }

    /** After a PART, KICK or failed JOIN took the current channel away: where plain text goes now. */
    private void moved() {
        String now = session.current();
        screen.print(now == null ? "* you are in no channel now: /join one" : "* you are now talking in " + now);
        inbox.accept(new Event.Moved());
    }

    private void update(IrcMessage m, View before) {
        switch (m.command()) {
            case "NICK" -> {
                if (m.param(0) == null || m.sourceNick() == null) return;
                session.renamed(m.sourceNick(), m.param(0));
                if (before.isMe(m.sourceNick())) {
                    session.nick(m.param(0));
                    inbox.accept(new Event.Moved());
                }
            }
            case "JOIN" -> {
                if (m.param(0) == null || m.sourceNick() == null) return;
                session.arrived(m.param(0), m.sourceNick());
                if (before.isMe(m.sourceNick())) {
                    session.joined(m.param(0));
                    inbox.accept(new Event.Joined(m.param(0)));
                }
            }
            case "PART" -> {
                if (m.param(0) == null || m.sourceNick() == null) return;
                session.departed(m.param(0), m.sourceNick());
                if (before.isMe(m.sourceNick()) && session.left(m.param(0))) moved();
            }
            case "KICK" -> {
                if (m.param(1) == null) return;
                session.departed(m.param(0), m.param(1));
                if (before.isMe(m.param(1)) && session.left(m.param(0))) moved();
            }
            case "QUIT" -> {
                if (m.sourceNick() != null) session.quit(m.sourceNick());
            }
            case "ERROR" -> lastError = m.last();
            default -> numeric(m);
        }
    }

    private void numeric(IrcMessage m) {
        Numeric numeric = Numeric.ofCode(m.command());
        if (numeric == null) return;
        if (numeric == Numeric.RPL_WELCOME) {
            session.welcome(m.param(0));
            inbox.accept(new Event.Welcome());
        } else if (numeric == Numeric.RPL_ISUPPORT) {
            for (String token : m.params()) {
                if (!token.startsWith(CASEMAPPING_TOKEN)) continue;
                CaseMapping mapping = CaseMapping.ofToken(token.substring(CASEMAPPING_TOKEN.length()));
                if (mapping != null) session.mapping(mapping);
            }
        } else if (numeric == Numeric.RPL_NAMREPLY && m.params().size() >= 4) {
            // 353 <me> <type> <channel> :<names>
            session.named(m.param(2), List.of(m.last().strip().split(" +")));
        } else if (NICK_REFUSALS.contains(numeric) && !session.registered()) {
            inbox.accept(new Event.NickRefused());
        } else if (JOIN_FAILURES.contains(numeric) && m.param(1) != null) {
            if (session.joinFailed(m.param(1))) moved();
        }
    }
}
