package chat.protocol;

/** The IRCv3 client capabilities this project knows, by their wire names. */
public enum Capability {
    ACCOUNT_NOTIFY("account-notify"),
    ACCOUNT_TAG("account-tag"),
    AWAY_NOTIFY("away-notify"),
    BATCH("batch"),
    CAP_NOTIFY("cap-notify"),
    CHGHOST("chghost"),
    ECHO_MESSAGE("echo-message"),
    EXTENDED_JOIN("extended-join"),
    EXTENDED_MONITOR("extended-monitor"),
    INVITE_NOTIFY("invite-notify"),
    LABELED_RESPONSE("labeled-response"),
    MESSAGE_TAGS("message-tags"),
    MULTI_PREFIX("multi-prefix"),
    SERVER_TIME("server-time"),
    SETNAME("setname"),
    STANDARD_REPLIES("standard-replies"),
    USERHOST_IN_NAMES("userhost-in-names"),
    SASL("sasl"),
    CHATHISTORY("draft/chathistory"),
    ACCOUNT_REGISTRATION("draft/account-registration"),
    CHANNEL_RENAME("draft/channel-rename"),
    READ_MARKER("draft/read-marker"),
    MESSAGE_REDACTION("draft/message-redaction"),
    MULTILINE("draft/multiline");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    /** The name in CAP messages. */
    public String wireName() {
        return wireName;
    }

    /** This capability's bit in a set held as an int. */
    public int bit() {
        return 1 << ordinal();
    }

    /** The capability with this wire name (case-sensitive, as the spec says), or null. */
    public static Capability ofWireName(String name) {
        for (Capability c : values()) {
            if (c.wireName.equals(name)) return c;
        }
        return null;
    }
}
