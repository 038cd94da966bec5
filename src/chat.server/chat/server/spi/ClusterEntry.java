package chat.server.spi;

import java.util.List;

/**
 * One entry of the cluster's ordered log: which node wrote it, what kind of change it is, and its fields
 * (plain strings; the server gives them meaning, the bus only carries them in order).
 *
 * @param id     the log's position of the entry (assigned by the bus; empty before it is written)
 * @param node   the node that wrote it
 * @param kind   what it is, e.g. {@code LINE}
 * @param fields its fields, in an order each kind defines
 */
public record ClusterEntry(String id, String node, String kind, List<String> fields) {

    public ClusterEntry {
        fields = List.copyOf(fields);
    }

    /** An entry to publish (its id is assigned when it is written). */
    public static ClusterEntry of(String node, String kind, String... fields) {
        return new ClusterEntry("", node, kind, List.of(fields));
    }

    /** Field {@code i}, or "" past the end. */
    public String field(int i) {
        return i < fields.size() ? fields.get(i) : "";
    }
}
