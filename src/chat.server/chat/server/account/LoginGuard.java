package chat.server.account;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may try a password now (#10): failed attempts are counted per source address, per (target, address)
 * pair and per target (an account, an operator block), so that whoever guesses slows only himself. An
 * address that failed too often is refused for everything; a pair that failed too often is refused for that
 * target; and a target under attack from many addresses refuses only the addresses that already failed on it,
 * never one that has not (its owner logging in as usual). Failures since the target's last success are kept
 * to be told to its owner. Thread-safe, lock-free.
 */
public final class LoginGuard {

    /** Targets whose failures are remembered for their owner, at most. */
    static final int MAX_REMEMBERED = 100_000;

    /**
     * Failed attempts on a target since its last successful login.
     *
     * @param count       how many
     * @param lastAddress where the last one came from
     * @param lastMillis  when
     */
    public record Failures(int count, String lastAddress, long lastMillis) {
    }

    private final LoginThrottle perPair;
    private final LoginThrottle perAddress;
    private final LoginThrottle perTarget;
    private final Clock clock;
    private final Map<String, Failures> sinceSuccess = new ConcurrentHashMap<>();

    /**
     * @param maxPerPair    failures of one address on one target in a window before that pair is refused
     * @param maxPerAddress failures of one address in a window before it is refused for every target
     * @param maxPerTarget  failures on one target in a window before the addresses that failed on it are refused
     * @param windowMillis  the window
     */
    public LoginGuard(int maxPerPair, int maxPerAddress, int maxPerTarget, long windowMillis, Clock clock) {
        this.perPair = new LoginThrottle(maxPerPair, windowMillis, clock);
        this.perAddress = new LoginThrottle(maxPerAddress, windowMillis, clock);
        this.perTarget = new LoginThrottle(maxPerTarget, windowMillis, clock);
        this.clock = clock;
    }

    /** How long until {@code address} may try a password for {@code target}: 0 when it may now. */
    public long retryAfterMillis(String target, String address) {
        String pair = pair(target, address);
        long wait = Math.max(perAddress.retryAfterMillis(address), perPair.retryAfterMillis(pair));
        if (perPair.failures(pair) > 0) wait = Math.max(wait, perTarget.retryAfterMillis(target));
        return wait;
    }

    /** Counts a wrong password; true when it is the one that makes {@code address} wait (to be reported once). */
    public boolean failed(String target, String address) {
        boolean before = retryAfterMillis(target, address) == 0;
        perPair.failed(pair(target, address));
        perAddress.failed(address);
        perTarget.failed(target);
        long now = clock.millis();
        if (sinceSuccess.size() > MAX_REMEMBERED) sinceSuccess.clear();
        sinceSuccess.merge(target, new Failures(1, address, now),
                (old, one) -> new Failures(old.count() + 1, address, now));
        return before && retryAfterMillis(target, address) > 0;
    }

    /** A successful login: the pair starts afresh; returns the failures on the target since its last success, if any. */
    public Failures succeeded(String target, String address) {
        perPair.succeeded(pair(target, address));
        return sinceSuccess.remove(target);
    }

    private static String pair(String target, String address) {
        return target + " " + address;
    }
}
