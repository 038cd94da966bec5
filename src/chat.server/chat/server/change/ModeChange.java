package chat.server.change;

/**
 * One channel mode change, as parsed from a MODE command or as applied.
 *
 * @param add   true for '+', false for '-'
 * @param mode  the mode letter
 * @param param its parameter (a nick, mask, key or limit), or null when the mode takes none
 */
public record ModeChange(boolean add, char mode, String param) {
}
