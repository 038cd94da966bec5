package chat.server.state;

/**
 * One entry of a channel's ban, exception, invite-exception or quiet list.
 *
 * @param mask         a {@code nick!user@host} pattern with {@code *} and {@code ?}
 * @param setBy        who added it (nick or prefix)
 * @param setAtSeconds when, in Unix seconds
 */
public record MaskEntry(String mask, String setBy, long setAtSeconds) {
}
