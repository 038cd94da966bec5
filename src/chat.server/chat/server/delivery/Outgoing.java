package chat.server.delivery;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.state.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message on its way to many clients. What each receiver sees depends on its capabilities (server-time,
 * message-tags with msgid and client tags, account-tag, extended-join); the wire bytes are encoded once per
 * such variant, however many receivers share it. Confined to the thread fanning it out.
 */
public final class Outgoing {

    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int TIME = 1;
    private static final int TAGS = 2;
    private static final int ACCOUNT = 4;
    private static final int EXTENDED = 8;

    private final IrcMessage plain;
    private final IrcMessage extended;
    private final long timeMillis;
    private final String msgid;
    private final String account;
    private final Map<String, String> clientTags;
    private final boolean bot;
    private final IrcMessage[] messages = new IrcMessage[16];
    private final byte[][] encoded = new byte[16][];
    private String time;

    private Outgoing(IrcMessage plain, IrcMessage extended, long timeMillis, String msgid, String account,
                     Map<String, String> clientTags, boolean bot) {
        this.bot = bot;
        this.plain = plain;
        this.extended = extended;
        this.timeMillis = timeMillis;
        this.msgid = msgid;
        this.account = account;
        this.clientTags = clientTags;
    }

    /** A server event (JOIN, PART, QUIT, NICK, MODE...): timestamped, no msgid. */
    public static Outgoing event(Clock clock, IrcMessage message) {
        return new Outgoing(message, null, clock.millis(), null, null, Map.of(), false);
    }

    /** An event a user caused (PART, NICK, TOPIC, INVITE...), with its account (or null) for account-tag receivers. */
    public static Outgoing event(Clock clock, IrcMessage message, String account) {
        return new Outgoing(message, null, clock.millis(), null, account, Map.of(), false);
    }

    /** A message from a client (PRIVMSG, NOTICE, TAGMSG): timestamped, with a msgid and its client-only tags. */
    public static Outgoing message(Clock clock, String msgid, IrcMessage message, Map<String, String> clientTags,
                                   String account, boolean fromBot) {
        return new Outgoing(message, null, clock.millis(), msgid, account, clientTags, fromBot);
    }

    /** The same at a given time: the lines of one multiline message share their batch's time. */
    public static Outgoing message(long timeMillis, String msgid, IrcMessage message, Map<String, String> clientTags,
                                   String account, boolean fromBot) {
        return new Outgoing(message, null, timeMillis, msgid, account, clientTags, fromBot);
    }

    /**
     * A JOIN, with the form extended-join receivers get ({@code JOIN #chan account :realname}) and the joiner's
     * account for account-tag receivers.
     */
    static Outgoing join(Clock clock, IrcMessage join, IrcMessage extendedJoin, String account) {
        return new Outgoing(join, extendedJoin, clock.millis(), null, account, Map.of(), false);
    }

    /** A stored message replayed from history, with its original time, msgid, account and tags. */
    public static Outgoing replay(IrcMessage message, long timeMillis, String msgid, String account, Map<String, String> clientTags) {
        return new Outgoing(message, null, timeMillis, msgid, account, clientTags, false);
    }

    /** The msgid, or null for a server event. */
    public String msgid() {
        return msgid;
    }

    /** The server time it carries. */
    public long timeMillis() {
        return timeMillis;
    }

    /** The message as {@code receiver} must see it. */
    public IrcMessage messageFor(User receiver) {
        int variant = variantFor(receiver);
        IrcMessage m = messages[variant];
        if (m == null) {
            m = build(variant);
            messages[variant] = m;
        }
        return m;
    }

    /** The wire bytes for {@code receiver}. */
    public byte[] bytesFor(User receiver) {
        int variant = variantFor(receiver);
        byte[] bytes = encoded[variant];
        if (bytes == null) {
            bytes = LineWriter.encodeWithin(messageFor(receiver));
            encoded[variant] = bytes;
        }
        return bytes;
    }

    /** Whether a receiver without message-tags would get nothing useful (a TAGMSG). */
    public boolean onlyForTagReceivers() {
        return plain.command().equals("TAGMSG");
    }

    private int variantFor(User receiver) {
        int bits = receiver.capabilityBits();
        int variant = 0;
        if ((bits & Capability.SERVER_TIME.bit()) != 0) variant |= TIME;
        if ((bits & Capability.MESSAGE_TAGS.bit()) != 0 && (msgid != null || !clientTags.isEmpty())) variant |= TAGS;
        if ((bits & Capability.ACCOUNT_TAG.bit()) != 0 && account != null) variant |= ACCOUNT;
        if ((bits & Capability.EXTENDED_JOIN.bit()) != 0 && extended != null) variant |= EXTENDED;
        return variant;
    }

    private IrcMessage build(int variant) {
        IrcMessage base = (variant & EXTENDED) != 0 ? extended : plain;
        if ((variant & (TIME | TAGS | ACCOUNT)) == 0) return base;
        Map<String, String> tags = new LinkedHashMap<>();
        if ((variant & ACCOUNT) != 0) tags.put("account", account);
        if ((variant & TAGS) != 0 && bot) tags.put("bot", "");
        if ((variant & TAGS) != 0 && msgid != null) tags.put("msgid", msgid);
        if ((variant & TIME) != 0) tags.put("time", time());
        if ((variant & TAGS) != 0) tags.putAll(clientTags);
        return base.withTags(tags);
    }

    private String time() {
        if (time == null) {
            time = SERVER_TIME.format(Instant.ofEpochMilli(timeMillis));
        }
        return time;
    }
}
