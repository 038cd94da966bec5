package chat.server.state;

/** Limits on channels and channel modes, advertised in ISUPPORT. */
public final class ChannelLimits {

    /** Channels one client may be on at once (ISUPPORT {@code CHANLIMIT=#:50}); more gets 405. */
    public static final int MAX_CHANNELS_PER_USER = 50;
    /** Entries the +b, +e, +I and +q lists of one channel may hold together (ISUPPORT {@code MAXLIST=beIq:100}). */
    public static final int MAX_LIST_ENTRIES = 100;
    /** Parameterised mode changes applied from one MODE command (ISUPPORT {@code MODES}); more are ignored. */
    public static final int MAX_MODES_PER_COMMAND = 4;
    /** Pending invitations one channel remembers; past it the oldest is forgotten. */
    public static final int MAX_INVITES = 100;
    /** Longest channel key, in characters (InspIRCd's default). */
    public static final int KEYLEN = 32;
    /** Longest ban, exception, invite-exception or quiet mask, in characters. */
    public static final int MASKLEN = 200;

    private ChannelLimits() {
    }
}
