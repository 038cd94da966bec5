package chat.server.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a registered channel (one an account owns) keeps across restarts: an immutable copy taken under the
 * registry lock, or read from the store to restore the channel when it is created again. A cluster node also
 * announces any channel's state this way when the network rebuilds (#12).
 *
 * @param name             the channel's name as created
 * @param ownerAccount     the account that owns it (null only in a cluster node's copy of an unowned channel)
 * @param topic            the topic, or null
 * @param flags            the flag letters set, e.g. {@code "mnt"}
 * @param key              the +k key, or null
 * @param limit            the +l limit, or 0
 * @param lists            the +b, +e, +I and +q lists by letter (absent letters are empty)
 * @param createdAtSeconds when it was first created, in Unix seconds
 */
public record SavedChannel(String name, String ownerAccount, Topic topic, String flags, String key, int limit,
                           Map<Character, List<MaskEntry>> lists, long createdAtSeconds) {

    /** The mask list letters, in the order they are saved. */
    public static final String LIST_LETTERS = "beIq";

    public SavedChannel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flags, "flags");
        lists = Map.copyOf(lists);
    }

    /** The entries of one list ({@code b}, {@code e}, {@code I} or {@code q}). */
    public List<MaskEntry> list(char letter) {
        return lists.getOrDefault(letter, List.of());
    }

    /** The simple modes as one string, e.g. {@code "+mntkl key 10"}. */
    public String modeString() {
        StringBuilder letters = new StringBuilder("+").append(flags);
        StringBuilder params = new StringBuilder();
        if (key != null) {
            letters.append('k');
            params.append(' ').append(key);
        }
        if (limit > 0) {
            letters.append('l');
            params.append(' ').append(limit);
        }
        return letters.append(params).toString();
    }

    /** Copies the saved state into a channel being created again. Caller holds the registry lock. */
    void applyTo(Channel channel) {
        ChannelModes modes = channel.modes();
        modes.inviteOnly = flags.indexOf('i') >= 0;
        modes.moderated = flags.indexOf('m') >= 0;
        modes.noExternal = flags.indexOf('n') >= 0;
        modes.secret = flags.indexOf('s') >= 0;
        modes.topicLocked = flags.indexOf('t') >= 0;
        modes.key = key;
        modes.limit = limit;
        for (char letter : LIST_LETTERS.toCharArray()) {
            modes.list(letter).clear();
            modes.list(letter).addAll(list(letter));
        }
        channel.setTopic(topic);
        channel.setOwnerAccount(ownerAccount);
    }

    /** A copy of an owned channel's state; null when no account owns it. Caller holds the registry lock. */
    static SavedChannel of(Channel channel) {
        return channel.ownerAccount() == null ? null : copyOf(channel);
    }

    /** A copy of any channel's state, owned or not. Caller holds the registry lock. */
    static SavedChannel copyOf(Channel channel) {
        ChannelModes modes = channel.modes();
        Map<Character, List<MaskEntry>> lists = new HashMap<>();
        for (char letter : LIST_LETTERS.toCharArray()) lists.put(letter, List.copyOf(modes.list(letter)));
        return new SavedChannel(channel.name(), channel.ownerAccount(), channel.topic(), modes.flags(), modes.key,
                modes.limit, lists, channel.createdAtSeconds());
    }
}
