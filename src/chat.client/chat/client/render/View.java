package chat.client.render;

import chat.protocol.CaseMapping;

/**
 * What rendering needs to know about the client at the moment a message is shown.
 *
 * @param nick    our nickname, or null before we have one
 * @param current the current channel, or null
 * @param mapping how the server compares names
 */
public record View(String nick, String current, CaseMapping mapping) {

    /** Whether the name is our own nickname. */
    public boolean isMe(String name) {
        return nick != null && name != null && mapping.equal(nick, name);
    }

    /** Whether the name is the current channel. */
    public boolean isCurrent(String channel) {
        return current != null && channel != null && mapping.equal(current, channel);
    }
}
