package chat.monitor;

/**
 * What the monitored server counts for the monitor. The monitor knows nothing of IRC: it reads these
 * totals on every sample and turns the message totals into rates. Implementations must be thread-safe.
 */
public interface ServerCounters {

    /** Clients connected now (registered or not). */
    int connections();

    /** Messages received from clients since start. */
    long messagesIn();

    /** Messages sent to clients since start (one per delivery). */
    long messagesOut();

    /** Virtual threads the server runs now, or -1 when it does not know (the JDK does not count them). */
    default long virtualThreads() {
        return -1;
    }
}
