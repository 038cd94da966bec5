package chat.server.state;

/**
 * Why one change of a MODE command was not applied (the others still are).
 *
 * @param reason  what was wrong
 * @param mode    the mode letter
 * @param subject the nick or parameter concerned
 */
public record ModeRefusal(Reason reason, char mode, String subject) {

    /** What was wrong with the change. */
    public enum Reason {
        /** +o/+v named a nick that is not connected. */
        NO_SUCH_NICK,
        /** +o/+v named a nick that is not on the channel. */
        NOT_ON_CHANNEL,
        /** The mask lists together hold {@link ChannelLimits#MAX_LIST_ENTRIES} already. */
        LIST_FULL,
        /** A key, limit or mask that cannot be used. */
        INVALID_PARAM
    }
}
