package chat.server.state;

/**
 * A channel topic.
 *
 * @param text        the topic text; empty when cleared
 * @param setBy       the prefix of whoever set it
 * @param setAtSeconds when, in Unix seconds
 */
public record Topic(String text, String setBy, long setAtSeconds) {
}
