package chat.protocol;

/** Why a received line could not become an {@link IrcMessage}. */
public enum ParseError {
    /** Nothing but spaces, or nothing at all; servers ignore such lines silently. */
    EMPTY,
    /** The part after the tags is longer than {@link LineParser#MAX_LINE_BYTES}. */
    TOO_LONG,
    /** The tag section is longer than {@link LineParser#MAX_TAGS_BYTES}. */
    TAGS_TOO_LONG,
    /** The line is not valid UTF-8. */
    BAD_UTF8,
    /** The line holds a NUL byte, which IRC forbids anywhere. */
    NUL_BYTE,
    /** Tags or a source without a command after them, or a malformed command. */
    NO_COMMAND
}
