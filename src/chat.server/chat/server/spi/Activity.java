package chat.server.spi;

/**
 * A conversation and the time of its latest message in a window (CHATHISTORY TARGETS).
 *
 * @param conversation the conversation key
 * @param lastMillis   the time of its latest message in the window
 */
public record Activity(String conversation, long lastMillis) {
}
