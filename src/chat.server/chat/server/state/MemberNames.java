package chat.server.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * #17: a channel's NAMES text in one prefix style, kept as members join: appending a joiner's name is cheap, where
 * building the list again would visit every member (a cache miss each) for every join. Append-only: a snapshot is
 * the array and a length, and bytes below a length once handed out are never written again (growing copies into a
 * new array), so a snapshot can be read without the lock. Any other change (a member leaving, a nick or a prefix
 * changing) makes the channel forget it; it is built again at its next use. Guarded by the registry lock.
 */
final class MemberNames {

    private final boolean allPrefixes;
    private byte[] utf8;
    private int length;

    /** The names of {@code members} (in their order), each with all its prefixes or only the highest. */
    MemberNames(boolean allPrefixes, Map<User, String> members) {
        this.allPrefixes = allPrefixes;
        this.utf8 = new byte[Math.max(64, members.size() * 12)];
        for (Map.Entry<User, String> e : members.entrySet()) add(e.getKey(), e.getValue());
    }

    /** Appends a member with its prefixes ("@+", "@", "+" or "", highest first). */
    void add(User member, String prefixes) {
        String shown = allPrefixes || prefixes.length() <= 1 ? prefixes : prefixes.substring(0, 1);
        byte[] name = (shown + member.identity().nick()).getBytes(StandardCharsets.UTF_8);
        int separator = length == 0 ? 0 : 1;
        int needed = length + separator + name.length;
        if (needed > utf8.length) utf8 = Arrays.copyOf(utf8, Math.max(needed, utf8.length * 2));
        if (separator == 1) utf8[length] = ' ';
        System.arraycopy(name, 0, utf8, length + separator, name.length);
        length = needed;
    }

    NameList.Text snapshot() {
        return new NameList.Text(utf8, length);
    }
}
