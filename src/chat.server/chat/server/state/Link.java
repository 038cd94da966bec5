package chat.server.state;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One client's connection as the command layer sees it: its outbound queue, the order of its own replies,
 * its capabilities, login in progress, registration progress and ping times. Owned by the connection; the
 * user it carries ({@link #user()}) belongs to the registry. Capabilities and times are volatile (read by any
 * thread that delivers to this client); the rest is confined to the connection's reader thread.
 */
public final class Link implements Delivery {

    private final Outbound outbound;
    private final User user;
    private volatile long lastActivityMillis;
    private volatile long pingSentAtMillis;
    // Written by the reader thread (CAP REQ), read by any thread that delivers a message to this client.
    private volatile int capabilities;
    private final Authentication authentication = new Authentication();
    private final ReplyOrder replies;

    // #12: set while the client's registration waits for its place in the cluster log
    private volatile CountDownLatch arrival;
    // #12: set once the client's departure was published to the cluster log
    private volatile boolean departed;

    // confined to the reader thread
    private boolean capNegotiating;
    private boolean quitting;

    public Link(Outbound outbound, String host, long nowMillis) {
        this.outbound = outbound;
        this.replies = new ReplyOrder(outbound);
        this.user = new User(this, host, nowMillis);
        this.lastActivityMillis = nowMillis;
    }

    /** The link of a local user, or null for a user whose lines go elsewhere (another node, a bot). */
    public static Link of(User user) {
        return user.delivery() instanceof Link link ? link : null;
    }

    /** The user this link carries. */
    public User user() {
        return user;
    }

    public Outbound outbound() {
        return outbound;
    }

    @Override
    public boolean send(byte[] lines) {
        return outbound.send(lines);
    }

    @Override
    public boolean send(byte[] lines, WriterShares shares) {
        return outbound.send(lines, shares);
    }

    @Override
    public void close(String reason) {
        outbound.close(reason);
    }

    @Override
    public void reply(byte[] lines) {
        replies.send(lines);
    }

    /** The client's own replies, in command order (some wait for the store). */
    public ReplyOrder replies() {
        return replies;
    }

    /** Login progress; confined to the reader thread. */
    public Authentication authentication() {
        return authentication;
    }

    public long lastActivityMillis() {
        return lastActivityMillis;
    }

    /** Any line from the client counts as a sign of life and answers an outstanding PING. */
    public void touch(long nowMillis) {
        lastActivityMillis = nowMillis;
        if (pingSentAtMillis != 0) pingSentAtMillis = 0;
    }

    public long pingSentAtMillis() {
        return pingSentAtMillis;
    }

    public void markPingSent(long nowMillis) {
        pingSentAtMillis = nowMillis;
    }

    @Override
    public int capabilityBits() {
        return capabilities;
    }

    /** Replaces the enabled capabilities; only from the reader thread. */
    public void setCapabilityBits(int bits) {
        capabilities = bits;
    }

    public boolean capNegotiating() {
        return capNegotiating;
    }

    public void setCapNegotiating(boolean negotiating) {
        capNegotiating = negotiating;
    }

    public boolean quitting() {
        return quitting;
    }

    public void markQuitting() {
        quitting = true;
    }

    /** The client's registration now waits for the cluster log: its next lines wait too ({@link #awaitArrival}). */
    public void arrivalStarted() {
        arrival = new CountDownLatch(1);
    }

    /** The log settled the registration (welcomed, or its nickname taken first), or the client left. */
    public void arrivalSettled() {
        CountDownLatch pending = arrival;
        if (pending != null) pending.countDown();
    }

    /** The client's departure was published to the cluster log: an arrival published after it must depart too. */
    public void markDeparted() {
        departed = true;
    }

    public boolean departed() {
        return departed;
    }

    /** Waits at most {@code millis} for a pending registration to be settled; true when none is pending. */
    public boolean awaitArrival(long millis) throws InterruptedException {
        CountDownLatch pending = arrival;
        return pending == null || pending.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "Link[" + user.identity().prefix() + "]";
    }
}
