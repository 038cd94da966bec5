package chat.server.cluster;

import chat.server.spi.ClusterEntry;
import chat.server.state.MaskEntry;
import chat.server.state.SavedChannel;
import chat.server.state.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel's state in a {@code CHANNEL} entry of the log, as a node announces it when the network rebuilds:
 * fields {@code target, name, created, owner, flags, key, limit, topic setter, topic time, topic text}, then one
 * field per mask list entry, {@code "letter mask setter time"}, then one per pending invitation,
 * {@code "! user-id"}. Empty strings stand for absent values.
 */
final class ChannelAnnouncement {

    private static final int FIRST_MASK = 10;
    private static final String INVITED = "! ";

    private ChannelAnnouncement() {
    }

    /** The entry's fields for {@code channel}, addressed to {@code target} ("" for every node). */
    static String[] fields(String target, SavedChannel channel, List<String> invitees) {
        List<String> out = new ArrayList<>(FIRST_MASK + 8);
        Topic topic = channel.topic();
        out.addAll(List.of(target, channel.name(), Long.toString(channel.createdAtSeconds()), orEmpty(channel.ownerAccount()),
                channel.flags(), orEmpty(channel.key()), Integer.toString(channel.limit()),
                topic == null ? "" : topic.setBy(), topic == null ? "" : Long.toString(topic.setAtSeconds()),
                topic == null ? "" : topic.text()));
        for (char letter : SavedChannel.LIST_LETTERS.toCharArray()) {
            for (MaskEntry e : channel.list(letter)) out.add(letter + " " + e.mask() + " " + e.setBy() + " " + e.setAtSeconds());
        }
        for (String id : invitees) out.add(INVITED + id);
        return out.toArray(String[]::new);
    }

    /** The field the entry is addressed to: a node's name, or "" for every node. */
    static String target(ClusterEntry entry) {
        return entry.field(0);
    }

    /** The channel's state the entry carries; a malformed number or mask entry fails with an exception. */
    static SavedChannel parse(ClusterEntry entry) {
        Topic topic = entry.field(7).isEmpty() ? null
                : new Topic(entry.field(9), entry.field(7), Long.parseLong(entry.field(8)));
        Map<Character, List<MaskEntry>> lists = new HashMap<>();
        for (int i = FIRST_MASK; i < entry.fields().size(); i++) {
            if (entry.field(i).startsWith(INVITED)) continue;
            String[] parts = entry.field(i).split(" ", 4);
            if (parts.length != 4 || parts[0].length() != 1) throw new IllegalArgumentException("bad mask entry " + entry.field(i));
            lists.computeIfAbsent(parts[0].charAt(0), c -> new ArrayList<>())
                    .add(new MaskEntry(parts[1], parts[2], Long.parseLong(parts[3])));
        }
        return new SavedChannel(entry.field(1), nullIfEmpty(entry.field(3)), topic, entry.field(4),
                nullIfEmpty(entry.field(5)), Integer.parseInt(entry.field(6)), lists, Long.parseLong(entry.field(2)));
    }

    /** The ids of the users the entry says are invited to the channel. */
    static List<String> invitees(ClusterEntry entry) {
        List<String> ids = new ArrayList<>();
        for (int i = FIRST_MASK; i < entry.fields().size(); i++) {
            if (entry.field(i).startsWith(INVITED)) ids.add(entry.field(i).substring(INVITED.length()));
        }
        return ids;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }
}
