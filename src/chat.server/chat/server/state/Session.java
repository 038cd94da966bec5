package chat.server.state;

import java.util.HashSet;
import java.util.Set;

/**
 * One connected client as the server's state sees it. The identity is published through a volatile field
 * (written under the registry lock, read anywhere); the channel set is guarded by the registry lock; the
 * registration progress is confined to the connection's reader thread.
 */
public final class Session {

    private final Outbound outbound;
    private final long connectedAtMillis;
    private volatile Identity identity;
    private volatile boolean registered;
    private volatile long lastActivityMillis;
    private volatile long pingSentAtMillis;
    private volatile long lastSpokeMillis;
    private volatile String awayMessage;
    private volatile boolean invisible;
    private volatile boolean operator;
    private volatile boolean wallops;
    private volatile boolean bot;
    // Written by the reader thread (CAP REQ), read by any thread that fans a message out to this client.
    private volatile int capabilities;

    // guarded by Registry.lock
    final Set<Channel> channels = new HashSet<>(4);
    // guarded by Registry.lock: set once the session was removed, so a late command cannot bring it back
    boolean removed;

    // confined to the reader thread
    private boolean capNegotiating;
    private boolean quitting;

    public Session(Outbound outbound, String host, long nowMillis) {
        this.outbound = outbound;
        this.identity = new Identity(null, null, host.startsWith(":") ? "0" + host : host, null);
        this.connectedAtMillis = nowMillis;
        this.lastActivityMillis = nowMillis;
    }

    public Outbound outbound() {
        return outbound;
    }

    public Identity identity() {
        return identity;
    }

    /** The nickname, or null before one was accepted. */
    public String nick() {
        return identity.nick();
    }

    /** The nickname as numerics address it: {@code *} before one was accepted. */
    public String target() {
        String nick = identity.nick();
        return nick == null ? "*" : nick;
    }

    // Written by the registry under its lock, and by the reader thread before the nick is public.
    void setIdentity(Identity identity) {
        this.identity = identity;
    }

    /** Changes the real name (SETNAME); only from the reader thread, the registry publishes it to peers. */
    public void setRealname(String realname) {
        Identity id = identity;
        this.identity = new Identity(id.nick(), id.user(), id.host(), realname);
    }

    /** Records USER; only before registration, on the reader thread. */
    public void setUser(String user, String realname) {
        this.identity = identity.withUser(user, realname);
    }

    public boolean registered() {
        return registered;
    }

    public void markRegistered() {
        registered = true;
    }

    public long connectedAtMillis() {
        return connectedAtMillis;
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

    /** When the client last sent a PRIVMSG or NOTICE (WHOIS idle time); its connect time before that. */
    public long lastSpokeMillis() {
        return lastSpokeMillis == 0 ? connectedAtMillis : lastSpokeMillis;
    }

    public void markSpoke(long nowMillis) {
        lastSpokeMillis = nowMillis;
    }

    /** The AWAY message, or null when present. */
    public String awayMessage() {
        return awayMessage;
    }

    public void setAwayMessage(String message) {
        awayMessage = message;
    }

    /** User mode +i: hidden from WHO and NAMES of those who share no channel with it. */
    public boolean invisible() {
        return invisible;
    }

    public void setInvisible(boolean on) {
        invisible = on;
    }

    /** User mode +o: an IRC operator (set only through OPER). */
    public boolean operator() {
        return operator;
    }

    public void setOperator(boolean on) {
        operator = on;
    }

    /** User mode +w: receives WALLOPS. */
    public boolean wallops() {
        return wallops;
    }

    public void setWallops(boolean on) {
        wallops = on;
    }

    /** User mode +B: marks the client as a bot (IRCv3 bot mode: WHO flag, WHOIS 335, {@code bot} tag). */
    public boolean bot() {
        return bot;
    }

    public void setBot(boolean on) {
        bot = on;
    }

    /** The user mode letters set now, e.g. {@code "iw"}. */
    public String userModes() {
        StringBuilder out = new StringBuilder(4);
        if (bot) out.append('B');
        if (invisible) out.append('i');
        if (operator) out.append('o');
        if (wallops) out.append('w');
        return out.toString();
    }

    /** Whether the client enabled this IRCv3 capability. */
    public boolean has(chat.protocol.Capability capability) {
        return (capabilities & capability.bit()) != 0;
    }

    /** The enabled capabilities as bits ({@link chat.protocol.Capability#bit()}). */
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

    @Override
    public String toString() {
        return "Session[" + identity.prefix() + "]";
    }
}
