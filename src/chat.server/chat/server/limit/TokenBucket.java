package chat.server.limit;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code perSecond}. Not thread-safe: each bucket
 * belongs to one thread (a connection's reader) or is used under its owner's lock.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes one token if there is one; false (and nothing taken) if the bucket is empty. */
    public boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** Takes one token, going into debt if need be; returns how long the caller should wait, in nanos. */
    public long take(long nowNanos) {
        refill(nowNanos);
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens / perNano);
    }

    /** Whether the bucket has refilled completely (it then remembers nothing worth keeping). */
    public boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        lastNanos = nowNanos;
        if (elapsed > 0) tokens = Math.min(capacity, tokens + elapsed * perNano);
    }
}
