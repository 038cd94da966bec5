package chat.protocol;

/** The outcome of parsing one line: a message, or a reason with whatever command could be read. */
public sealed interface ParseResult {

    /** A well-formed message. */
    record Parsed(IrcMessage message) implements ParseResult {}

    /**
     * A line that was refused.
     *
     * @param error   why
     * @param command the command word when one could still be read (for the error reply), else null
     */
    record Rejected(ParseError error, String command) implements ParseResult {}
}
