package chat.monitor;

/**
 * A snapshot and when it was taken.
 *
 * @param atMillis wall-clock time of the sample, in milliseconds since the epoch
 * @param snapshot what was measured
 */
public record Sample(long atMillis, Snapshot snapshot) {
}
