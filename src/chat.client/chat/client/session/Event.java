package chat.client.session;

/** What the main thread waits for: typed lines from the stdin thread, milestones from the reader thread. */
sealed interface Event {

    /** A line typed (or piped) on stdin. */
    record Typed(String line) implements Event {}

    /** Stdin is exhausted. */
    record EndOfInput() implements Event {}

    /** The server accepted our registration (001). */
    record Welcome() implements Event {}

    /** The server refused our nickname during registration (431, 432 or 433). */
    record NickRefused() implements Event {}

    /** We joined a channel. */
    record Joined(String channel) implements Event {}

    /** The connection is gone. */
    record Disconnected(String reason) implements Event {}
}
