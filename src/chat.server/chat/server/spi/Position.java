package chat.server.spi;

/**
 * A point in a conversation's history: messages are ordered by time, then by commit order.
 *
 * @param timeMillis server time
 * @param seq        commit order within equal times
 */
public record Position(long timeMillis, long seq) implements Comparable<Position> {

    /** As a lower bound: everything later than {@code millis}. */
    public static Position after(long millis) {
        return new Position(millis, Long.MAX_VALUE);
    }

    /** As an upper bound: everything earlier than {@code millis}. */
    public static Position before(long millis) {
        return new Position(millis, Long.MIN_VALUE);
    }

    @Override
    public int compareTo(Position o) {
        int c = Long.compare(timeMillis, o.timeMillis);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
