package chat.server.bot;

import chat.protocol.IrcMessage;
import chat.server.spi.BotEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Turns what the server sends a bot's session into the events a bot sees; everything else is dropped. */
final class BotEvents {

    private static final String ACTION_START = "\u0001ACTION ";

    private BotEvents() {
    }

    /** The event {@code m} means for the bot called {@code self}, or null when it means nothing to a bot. */
    static BotEvent from(IrcMessage m, String self, Instant fallbackTime) {
        Instant time = time(m.tags(), fallbackTime);
        String source = m.source() == null ? "" : m.source();
        int bang = source.indexOf('!');
        String nick = bang < 0 ? source : source.substring(0, bang);
        String userHost = bang < 0 ? "" : source.substring(bang + 1);
        String account = account(m.tags().get("account"));
        boolean bot = m.tags().containsKey("bot");
        return switch (m.command()) {
            case "PRIVMSG", "NOTICE" -> {
                if (m.params().size() < 2 || bang < 0) yield null;
                String target = m.param(0);
                String text = m.param(1);
                boolean action = text.startsWith(ACTION_START);
                if (action) text = text.substring(ACTION_START.length(), text.length() - (text.endsWith("\u0001") ? 1 : 0));
                String channel = target.equalsIgnoreCase(self) ? null : channelOf(target);
                yield new BotEvent.Message(time, channel, nick, userHost, account, bot, text, action,
                        m.command().equals("NOTICE"));
            }
            // extended-join: JOIN #chan account :realname
            case "JOIN" -> m.params().isEmpty() ? null
                    : new BotEvent.Joined(time, m.param(0), nick, userHost, m.params().size() > 1 ? account(m.param(1)) : account, bot);
            case "PART" -> m.params().isEmpty() ? null
                    : new BotEvent.Parted(time, m.param(0), nick, m.params().size() > 1 ? m.param(1) : "", null);
            case "KICK" -> m.params().size() < 2 ? null
                    : new BotEvent.Parted(time, m.param(0), m.param(1), m.params().size() > 2 ? m.param(2) : "", nick);
            case "QUIT" -> new BotEvent.Quit(time, nick, m.params().isEmpty() ? "" : m.param(0));
            case "NICK" -> m.params().isEmpty() ? null : new BotEvent.NickChanged(time, nick, m.param(0));
            case "FAIL" -> new BotEvent.Refused(time, m.params().isEmpty() ? "?" : m.param(0), m.last());
            default -> refusal(m, time);
        };
    }

    /** A 4xx or 5xx numeric answering one of the bot's commands. */
    private static BotEvent refusal(IrcMessage m, Instant time) {
        String c = m.command();
        if (c.length() != 3 || !(c.charAt(0) == '4' || c.charAt(0) == '5') || !Character.isDigit(c.charAt(1))) return null;
        String subject = m.params().size() > 2 ? m.param(1) : c;
        return new BotEvent.Refused(time, c + " " + subject, m.last());
    }

    /** STATUSMSG targets such as {@code @#chan} are the channel. */
    private static String channelOf(String target) {
        int hash = target.indexOf('#');
        return hash > 0 ? target.substring(hash) : target;
    }

    private static String account(String value) {
        return value == null || value.equals("*") || value.isEmpty() ? null : value;
    }

    private static Instant time(Map<String, String> tags, Instant fallback) {
        String t = tags.get("time");
        if (t == null) return fallback;
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
