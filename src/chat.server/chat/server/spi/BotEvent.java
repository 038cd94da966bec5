package chat.server.spi;

import java.time.Instant;
import java.util.Map;

/** What a {@link Bot} sees: messages in its channels and to it, and who comes, goes and changes name. */
public sealed interface BotEvent {

    /**
     * A PRIVMSG or NOTICE. {@code channel} is null for a private message to the bot; {@code account} is null
     * when the sender is not logged in; {@code fromBot} when the sender has user mode {@code +B}.
     */
    record Message(Instant time, String channel, String nick, String userHost, String account, boolean fromBot,
                   String text, boolean action, boolean notice) implements BotEvent {

        /** Where an answer goes: the channel, or the sender of a private message. */
        public String replyTarget() {
            return channel != null ? channel : nick;
        }

        /** {@code nick!user@host}. */
        public String prefix() {
            return nick + "!" + userHost;
        }
    }

    /** Someone joined a channel the bot is in (the bot itself too). */
    record Joined(Instant time, String channel, String nick, String userHost, String account, boolean fromBot)
            implements BotEvent {
    }

    /** Someone left a channel the bot is in, by PART or KICK ({@code kickedBy} non-null). */
    record Parted(Instant time, String channel, String nick, String reason, String kickedBy) implements BotEvent {
    }

    /** Someone the bot shares a channel with left the server. */
    record Quit(Instant time, String nick, String reason) implements BotEvent {
    }

    /** Someone the bot shares a channel with changed nickname. */
    record NickChanged(Instant time, String oldNick, String newNick) implements BotEvent {
    }

    /** The server refused one of the bot's actions (the numeric's text), so the bot can log it. */
    record Refused(Instant time, String command, String reason) implements BotEvent {
    }

    /** REHASH read the configuration again: the bot's {@code bot.NAME.*} keys as they are now. */
    record Reconfigured(Map<String, String> settings) implements BotEvent {
    }
}
