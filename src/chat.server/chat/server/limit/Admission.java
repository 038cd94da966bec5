package chat.server.limit;

import chat.server.AbuseLimits;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides, right after accept() and before any thread or buffer is spent on it, whether a connection may
 * stay: deny/allow lists, the global ceiling, per-address concurrent and unregistered counts, a per-address
 * connection-rate bucket, and an automatic temporary ban for addresses that keep hitting the limits.
 * Thread-safe: its own lock guards the per-address table (never held with the registry lock).
 */
public final class Admission {

    /** Why a connection was refused; the text goes into {@code ERROR :...}. */
    public enum Refusal {
        DENIED("Banned (your address is not allowed on this server)"),
        TEMPORARILY_BANNED("Banned (too many connection attempts; try again later)"),
        SERVER_FULL("Server is full"),
        TOO_MANY_CONNECTIONS("Too many connections from your address"),
        TOO_MANY_UNREGISTERED("Too many unregistered connections from your address"),
        THROTTLED("Too many connections (connecting too fast; try again in a few seconds)");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Per-address bookkeeping. */
    private static final class Host {
        int connections;
        int unregistered;
        TokenBucket rate;
        int refusals;
        long refusalWindowStartNanos;
        long bannedUntilNanos;
    }

    private final AbuseLimits limits;
    private final List<Cidr> exempt;
    private final List<Cidr> deny;
    private final List<Cidr> allow;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final Map<InetAddress, Host> hosts = new HashMap<>();
    // guarded by lock
    private int total;

    public Admission(AbuseLimits limits) {
        this.limits = limits;
        this.exempt = limits.exempt().stream().map(Cidr::parse).toList();
        this.deny = limits.deny().stream().map(Cidr::parse).toList();
        this.allow = limits.allow().stream().map(Cidr::parse).toList();
    }

    /** Whether the address is exempt from per-address and flood limits. */
    public boolean exempt(InetAddress address) {
        return matchesAny(exempt, address);
    }

    /** Counts the connection in, or says why not (and then counts nothing). */
    public Refusal admit(InetAddress address, long nowNanos) {
        return admit(address, nowNanos, false);
    }

    /**
     * As {@link #admit(InetAddress, long)}; {@code proxyOwn}: a trusted proxy's own connection (a PROXY header with
     * no client, HAProxy's health check), exempt from the per-address limits, which would otherwise count every
     * check against the proxy's address.
     */
    public Refusal admit(InetAddress address, long nowNanos, boolean proxyOwn) {
        if (matchesAny(deny, address) && !matchesAny(allow, address)) return Refusal.DENIED;
        boolean isExempt = proxyOwn || exempt(address);
        lock.lock();
        try {
            if (total >= limits.maxClients()) return Refusal.SERVER_FULL;
            if (hosts.size() > limits.maxClients() * 2L) pruneIdle(nowNanos);
            Host host = hosts.get(address);
            if (!isExempt) {
                if (host != null && host.bannedUntilNanos - nowNanos > 0) return Refusal.TEMPORARILY_BANNED;
                if (host == null) host = new Host();
                Refusal refusal = null;
                if (host.connections >= limits.perIpConnections()) {
                    refusal = Refusal.TOO_MANY_CONNECTIONS;
                } else if (host.unregistered >= limits.perIpUnregistered()) {
                    refusal = Refusal.TOO_MANY_UNREGISTERED;
                } else {
                    if (host.rate == null) {
                        host.rate = new TokenBucket(limits.connectBurst(),
                                limits.connectBurst() / (limits.connectWindow().toNanos() / 1e9), nowNanos);
                    }
                    if (!host.rate.tryTake(nowNanos)) refusal = Refusal.THROTTLED;
                }
                if (refusal != null) {
                    noteRefusal(address, host, nowNanos);
                    return refusal;
                }
            } else if (host == null) {
                host = new Host();
            }
            host.connections++;
            host.unregistered++;
            hosts.put(address, host);
            total++;
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The connection from this address completed registration. */
    public void registered(InetAddress address) {
        lock.lock();
        try {
            Host host = hosts.get(address);
            if (host != null && host.unregistered > 0) host.unregistered--;
        } finally {
            lock.unlock();
        }
    }

    /** The connection from this address is gone. */
    public void released(InetAddress address, boolean wasRegistered) {
        long now = System.nanoTime();
        lock.lock();
        try {
            total--;
            Host host = hosts.get(address);
            if (host == null) return;
            host.connections--;
            if (!wasRegistered && host.unregistered > 0) host.unregistered--;
            // Keep the entry while it still throttles or bans; drop it once it holds nothing.
            if (holdsNothing(host, now)) hosts.remove(address);
        } finally {
            lock.unlock();
        }
    }

    /** Addresses tracked now, for tests that check nothing leaks. */
    public int trackedAddresses() {
        lock.lock();
        try {
            return hosts.size();
        } finally {
            lock.unlock();
        }
    }

    // Caller holds the lock.
    private void noteRefusal(InetAddress address, Host host, long nowNanos) {
        if (host.refusals == 0 || nowNanos - host.refusalWindowStartNanos > limits.connectWindow().toNanos()) {
            host.refusals = 0;
            host.refusalWindowStartNanos = nowNanos;
        }
        host.refusals++;
        if (host.refusals >= limits.connectBanAfter() && !limits.connectBanDuration().isZero()) {
            host.bannedUntilNanos = nowNanos + limits.connectBanDuration().toNanos();
            host.refusals = 0;
        }
        hosts.put(address, host);
    }

    // Caller holds the lock. Bounds the table under a storm of addresses that come and go.
    private void pruneIdle(long nowNanos) {
        long window = TimeUnit.NANOSECONDS.convert(limits.connectWindow());
        hosts.values().removeIf(h -> h.connections <= 0 && h.bannedUntilNanos - nowNanos <= 0
                && nowNanos - h.refusalWindowStartNanos > window && (h.rate == null || h.rate.isFull(nowNanos)));
    }

    // Caller holds the lock.
    private static boolean holdsNothing(Host host, long nowNanos) {
        return host.connections <= 0 && host.refusals == 0 && host.bannedUntilNanos == 0
                && (host.rate == null || host.rate.isFull(nowNanos));
    }

    private static boolean matchesAny(List<Cidr> ranges, InetAddress address) {
        for (Cidr c : ranges) {
            if (c.matches(address)) return true;
        }
        return false;
    }
}
