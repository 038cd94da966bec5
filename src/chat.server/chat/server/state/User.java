package chat.server.state;

import chat.server.change.Identity;
import chat.server.change.ModeChange;
import chat.protocol.Capability;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user as the shared state knows it: identity, user modes, away status, account and channels. It may be a
 * local client (its {@link Delivery} is its {@link Link}), a user on another node or a bot: nothing here needs
 * a socket. Owned by the {@link Registry}: every field is written only by the registry, under its lock, and
 * published through volatile fields (or guarded by the lock) so that any thread may read it.
 */
public final class User {

    private final Delivery delivery;
    private final long connectedAtMillis;
    private volatile Identity identity;
    private volatile boolean registered;
    private volatile String awayMessage;
    private volatile boolean invisible;
    private volatile boolean operator;
    private volatile boolean wallops;
    private volatile boolean bot;
    // The account logged in to, as registered; null when not logged in.
    private volatile String account;
    // Written without the lock by the user's own command thread: WHOIS idle time is not shared state.
    private volatile long lastSpokeMillis;

    // guarded by Registry.lock
    final Set<Channel> channels = new HashSet<>(4);
    // written under Registry.lock: set once the user was removed, so a late command cannot bring it back; volatile for
    // Monitors, which reads it under its own lock
    volatile boolean removed;

    /** A user whose lines go to {@code delivery}, known by its {@code host} and connected at {@code nowMillis}. */
    public User(Delivery delivery, String host, long nowMillis) {
        this.delivery = delivery;
        this.identity = new Identity(null, null, host.startsWith(":") ? "0" + host : host, null);
        this.connectedAtMillis = nowMillis;
    }

    /** Where the user's lines go. */
    public Delivery delivery() {
        return delivery;
    }

    /** Whether the user's delivery enabled this IRCv3 capability. */
    public boolean has(Capability capability) {
        return delivery.has(capability);
    }

    /** The enabled capabilities as bits ({@link Capability#bit()}). */
    public int capabilityBits() {
        return delivery.capabilityBits();
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

    /** Whether the user completed registration (it counts as a user and may be found by its nick). */
    public boolean registered() {
        return registered;
    }

    /** The account logged in to, or null. */
    public String account() {
        return account;
    }

    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    /** When the user last sent a PRIVMSG or NOTICE (WHOIS idle time); its connect time before that. */
    public long lastSpokeMillis() {
        return lastSpokeMillis == 0 ? connectedAtMillis : lastSpokeMillis;
    }

    /** The AWAY message, or null when present. */
    public String awayMessage() {
        return awayMessage;
    }

    /** User mode +i: hidden from WHO and NAMES of those who share no channel with it. */
    public boolean invisible() {
        return invisible;
    }

    /** User mode +o: an IRC operator (set only through OPER). */
    public boolean operator() {
        return operator;
    }

    /** User mode +w: receives WALLOPS. */
    public boolean wallops() {
        return wallops;
    }

    /** User mode +B: marks the client as a bot (IRCv3 bot mode: WHO flag, WHOIS 335, {@code bot} tag). */
    public boolean bot() {
        return bot;
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

    // The writers below are the registry's alone (state package, under its lock).

    void setIdentity(Identity identity) {
        boolean renamed = !Objects.equals(identity.nick(), this.identity.nick());
        this.identity = identity;
        // #17: the channels keep their NAMES text; a new nick makes it stale.
        if (renamed && !channels.isEmpty()) {
            for (Channel channel : channels) channel.forgetNames();
        }
    }

    void markRegistered() {
        registered = true;
    }

    void setAccount(String name) {
        account = name;
    }

    void setAwayMessage(String message) {
        awayMessage = message;
    }

    /** Sets one user mode letter (B, i, o, w); false for a letter that is no user mode. */
    boolean setMode(char letter, boolean on) {
        switch (letter) {
            case 'B' -> bot = on;
            case 'i' -> invisible = on;
            case 'o' -> operator = on;
            case 'w' -> wallops = on;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether user mode {@code letter} is set. */
    boolean hasMode(char letter) {
        return switch (letter) {
            case 'B' -> bot;
            case 'i' -> invisible;
            case 'o' -> operator;
            case 'w' -> wallops;
            default -> false;
        };
    }

    void markSpoke(long nowMillis) {
        lastSpokeMillis = nowMillis;
    }

    @Override
    public String toString() {
        return "User[" + identity.prefix() + "]";
    }
}
