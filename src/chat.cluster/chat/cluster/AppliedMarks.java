package chat.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How far this node has applied each node's entries, so that an entry in the log twice is applied once. Every
 * entry a node's {@link LogWriter} appends is stamped with the node's incarnation (random, new at each start)
 * and a number that grows by one per entry; a writer whose connection broke before it read Redis's replies
 * sends the unconfirmed entries again, in order, so some of them may be in the log twice (appended, then
 * appended again). Within one incarnation a node's entries reach the log in the order of their numbers, copies
 * aside, so an entry whose number is not above the highest applied is a copy. The marks outlive a lost log (a
 * writer sends its unconfirmed entries again to the new one, where the nodes that applied them from the old log
 * skip them). Entries without a stamp (the announcements a reader writes while it rebuilds, a HELLO) are always
 * applied. Confined to the reader thread.
 */
final class AppliedMarks {

    /** The stamp's field in a log entry: incarnation, '.', then the number in base 36. */
    static final String FIELD = "s";

    // node -> the mark of its current incarnation
    private final Map<String, Mark> byNode = new HashMap<>();
    // node -> the newest incarnation read back while seeding
    private final Map<String, String> seeded = new HashMap<>();

    private static final class Mark {
        final String incarnation;
        long number;

        Mark(String incarnation, long number) {
            this.incarnation = incarnation;
            this.number = number;
        }
    }

    static String stamp(String incarnation, long number) {
        return incarnation + '.' + Long.toString(number, 36);
    }

    /**
     * Whether the entry {@code node} wrote with {@code stamp} (null or "" when it has none) is new here; a new one
     * is marked applied. A new incarnation of a node (it restarted) starts a new mark: a node name is taken by one
     * process at a time (its heartbeat key), so the old incarnation writes no more.
     */
    boolean fresh(String node, String stamp) {
        Mark stamped = parse(stamp);
        if (stamped == null) return true;
        Mark mark = byNode.get(node);
        if (mark == null || !mark.incarnation.equals(stamped.incarnation)) {
            byNode.put(node, stamped);
            return true;
        }
        if (stamped.number <= mark.number) return false;
        mark.number = stamped.number;
        return true;
    }

    /** The incarnation and number of a stamp, or null when there is none (or it is not one). */
    private static Mark parse(String stamp) {
        int dot = stamp == null ? -1 : stamp.lastIndexOf('.');
        if (dot < 0) return null;
        try {
            return new Mark(stamp.substring(0, dot), Long.parseLong(stamp, dot + 1, stamp.length(), 36));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Starts reading back the log before this node's place in it: see {@link #seed}. */
    void startSeeding() {
        seeded.clear();
    }

    /**
     * Takes the stamp of an entry written before this node's place in the log (read backwards from it, newest
     * first, after {@link #startSeeding}) as applied: the state this node learns from the others includes it, so
     * a copy written after that place must be skipped. The newest incarnation of a node read wins; within it,
     * the highest number.
     */
    void seed(String node, String stamp) {
        Mark stamped = parse(stamp);
        if (stamped == null) return;
        String newest = seeded.putIfAbsent(node, stamped.incarnation);
        if (newest != null && !newest.equals(stamped.incarnation)) return;
        Mark mark = byNode.get(node);
        if (mark == null || !mark.incarnation.equals(stamped.incarnation)) byNode.put(node, stamped);
        else if (stamped.number > mark.number) mark.number = stamped.number;
    }

    /** Whether an entry of every one of {@code nodes} was read back since {@link #startSeeding}. */
    boolean seededAll(Set<String> nodes) {
        return seeded.keySet().containsAll(nodes);
    }
}
