package chat.server.state;

import java.util.List;

/**
 * What NAMES shows of a channel (its 353 lines): each member's entry, or (#17) the text of the names as the channel
 * keeps it for its members, so that a client joining a channel of 10,000 is not sent a list built name by name.
 */
public sealed interface NameList {

    /** Each member's prefixes and identity: for userhost-in-names, and for those who must not see +i members. */
    record Entries(List<NameEntry> entries) implements NameList {
    }

    /**
     * The names as they are shown, each a member's prefix (the highest, or all of them for multi-prefix) and nick,
     * separated by single spaces, UTF-8 encoded in {@code utf8[0, length)}; those bytes never change.
     */
    record Text(byte[] utf8, int length) implements NameList {
    }
}
