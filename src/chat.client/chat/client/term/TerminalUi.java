package chat.client.term;

import chat.client.render.Screen;
import chat.client.render.View;
import chat.client.session.Keyboard;
import chat.client.session.Roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * The interactive terminal on JLine (#16): a prompt naming the current target, lines printed above the line
 * being typed without disturbing it, history (arrows, Ctrl-R), Tab completion, Alt-1..9 to switch targets,
 * colours, and the bell for what concerns the user when asked for. The screen side is used by every thread;
 * the keyboard side by the keyboard thread only.
 */
public final class TerminalUi implements Screen, Keyboard {

    /** Switches to target N: Alt-N and /N. */
    private static final int SHORTCUTS = 9;

    private final Terminal terminal;
    private final LineReader reader;
    private final boolean bell;
    private volatile String prompt = "> ";
    private volatile Roster roster;
    private volatile List<String> commands = List.of();
    private boolean askingSecret; // keyboard thread only

    TerminalUi(Terminal terminal, boolean bell) {
        this.terminal = terminal;
        this.bell = bell;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("chat-client")
                // Text is text: no quoting, escapes or !history expansion in what people say.
                .parser(new DefaultParser().quoteChars(new char[0]).escapeChars(new char[0]))
                .completer((r, line, candidates) -> complete(line.word(), line.wordIndex(), candidates))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                // #16: the typed line goes away when sent; the client's echo shows it once, with time and nick.
                .option(LineReader.Option.ERASE_LINE_ON_FINISH, true)
                .option(LineReader.Option.BRACKETED_PASTE, true)
                .build();
        // A target switched (by the main thread) after the keyboard thread took the prompt for its next line but
        // before that line was being read: setPrompt saw no line to redraw, so the line takes the prompt now.
        reader.getWidgets().put(LineReader.CALLBACK_INIT, this::takeCurrentPrompt);
    }

    /**
     * Whether standard input and output are both a terminal worth editing on (not a pipe, a file or
     * {@code TERM=dumb}): then the client uses this class, else the plain line-by-line behaviour.
     */
    public static boolean available() {
        String term = System.getenv("TERM");
        if (term == null || term.isEmpty() || term.equals("dumb")) return false;
        return isTerminal(0) && isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** Opens the system terminal; {@code bell} rings it for mentions and private messages. */
    public static TerminalUi open(boolean bell) throws IOException {
        // No probing of the terminal's modes: on a busy machine its answers come late and land in the input.
        Terminal terminal = TerminalBuilder.builder().system(true).graphemeCluster(false).build();
        return new TerminalUi(terminal, bell);
    }

    /** Where completion finds nicknames and channels, and its command words. */
    public void completeFrom(Roster names, List<String> commandWords) {
        this.roster = names;
        this.commands = List.copyOf(commandWords);
    }

    private void complete(String word, int wordIndex, List<Candidate> candidates) {
        Roster names = roster;
        if (names == null) return;
        for (Completions.Completion c : Completions.of(word, wordIndex, names, commands)) {
            candidates.add(new Candidate(c.value(), c.value(), null, null, null, null, c.complete()));
        }
    }

    // --- Screen -------------------------------------------------------------------------------------------

    @Override
    public void print(String line) {
        reader.printAbove(styled(line, false));
    }

    @Override
    public void alert(String line) {
        reader.printAbove(styled(line, true));
        if (bell) {
            terminal.puts(InfoCmp.Capability.bell);
            terminal.flush();
        }
    }

    @Override
    public void prompt(String question) {
        setPrompt(question);
    }

    @Override
    public void target(View view) {
        String nick = view.nick() == null ? "" : view.nick();
        setPrompt(view.current() == null ? nick + "> " : "[" + view.current() + "] " + nick + "> ");
    }

    private void setPrompt(String text) {
        prompt = text;
        if (!reader.isReading()) return;
        ((LineReaderImpl) reader).setPrompt(text);
        try {
            // REDISPLAY alone: it updates what is on the screen, clearing what a longer old prompt left
            // (REDRAW_LINE would forget the screen first and leave those characters).
            reader.callWidget(LineReader.REDISPLAY);
        } catch (IllegalStateException e) {
            // The line was finished meanwhile: the next one starts with the new prompt.
        }
    }

    /** Called by JLine at the start of each line, holding its lock and with the line being read. */
    private boolean takeCurrentPrompt() {
        if (!askingSecret) ((LineReaderImpl) reader).setPrompt(prompt);
        return true;
    }

    private static AttributedString styled(String line, boolean highlight) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        int at = 0;
        for (LineStyle.Span span : LineStyle.spans(line, highlight)) {
            out.append(line.substring(at, span.start()));
            out.style(style(span)).append(line.substring(span.start(), span.end())).style(AttributedStyle.DEFAULT);
            at = span.end();
        }
        return out.append(line.substring(at)).toAttributedString();
    }

    private static AttributedStyle style(LineStyle.Span span) {
        return switch (span.kind()) {
            case TIME, EVENT -> AttributedStyle.DEFAULT.faint();
            case TARGET -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case NICK -> AttributedStyle.DEFAULT.foreground(span.colour()).bold();
            case ERROR -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
            case HIGHLIGHT -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold();
        };
    }

    // --- Keyboard -----------------------------------------------------------------------------------------

    @Override
    public String readLine() {
        return readLine(prompt);
    }

    /** A line, with the prompt that was current when the keyboard thread asked for it (see takeCurrentPrompt). */
    String readLine(String promptTaken) {
        try {
            return reader.readLine(promptTaken);
        } catch (UserInterruptException | EndOfFileException e) {
            // Ctrl-C or Ctrl-D: leave (the client sends QUIT).
            return null;
        }
    }

    @Override
    public String readSecret(String question) {
        askingSecret = true;
        try {
            return reader.readLine(question, '*');
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        } finally {
            askingSecret = false;
        }
    }

    @Override
    public void onShortcut(Consumer<String> typed) {
        KeyMap<org.jline.reader.Binding> keys = reader.getKeyMaps().get(LineReader.MAIN);
        for (int n = 1; n <= SHORTCUTS; n++) {
            String name = "chat-switch-" + n;
            String line = "/" + n;
            reader.getWidgets().put(name, () -> {
                typed.accept(line);
                return true;
            });
            keys.bind(new Reference(name), KeyMap.alt((char) ('0' + n)));
        }
    }

    /** Gives the terminal back as it was. */
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            // leaving anyway
        }
    }
}
