package chat.server.spi;

/**
 * An entry of a channel's mask lists.
 *
 * @param list      the list's mode letter: {@code b} ban, {@code e} exception, {@code I} invite, {@code q} mute
 * @param mask      the mask ({@code nick!user@host} pattern or {@code $a:account})
 * @param setBy     who added it
 * @param setMillis when
 */
public record ChannelMask(char list, String mask, String setBy, long setMillis) {
}
