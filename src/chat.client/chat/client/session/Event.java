package chat.client.session;

/** What the main thread waits for: typed lines from the keyboard thread, milestones from the reader thread. */
sealed interface Event {

    /** A line typed (or piped), or the line a key stands for (Alt-2: {@code /2}). */
    record Typed(String line) implements Event {}

    /** The input is exhausted (end of the pipe, Ctrl-D, Ctrl-C). */
    record EndOfInput() implements Event {}

    /** The server accepted our registration (001). */
    record Welcome() implements Event {}

    /** The server refused our nickname during registration (431, 432 or 433). */
    record NickRefused() implements Event {}

    /** We joined a channel. */
    record Joined(String channel) implements Event {}

    /** The current target or our nickname changed (a PART, KICK, NICK): the prompt is redrawn. */
    record Moved() implements Event {}

    /** The connection is gone. */
    record Disconnected(String reason) implements Event {}
}
