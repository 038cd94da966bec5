package chat.server.bot;

/**
 * A quiet or ban a bot set for a limited time, kept in the bot's settings so that it is lifted even after a
 * restart: key {@code expires.MODE CHANNEL MASK}, value the expiry in epoch milliseconds.
 */
record TimedMode(String channel, char mode, String mask, long expiresMillis) {

    static final String PREFIX = "expires.";

    String key() {
        return PREFIX + mode + " " + channel + " " + mask;
    }

    String value() {
        return Long.toString(expiresMillis);
    }

    /** The timed mode a setting describes, or null when it is not one. */
    static TimedMode fromSetting(String key, String value) {
        if (!key.startsWith(PREFIX)) return null;
        String[] parts = key.substring(PREFIX.length()).split(" ", 3);
        if (parts.length != 3 || parts[0].length() != 1) return null;
        try {
            return new TimedMode(parts[1], parts[0].charAt(0), parts[2], Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
