package chat.server.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link Bot} may do. Every action goes through the server's command path as the bot's own IRC line,
 * so the same permission checks and flood accounting apply as to a person; a refusal comes back as
 * {@link BotEvent.Refused}. Actions never block on other clients.
 */
public interface BotContext {

    /** The bot's nickname. */
    String nick();

    /** The bot's {@code bot.NAME.*} keys from the config file (without the prefix), as at start or last REHASH. */
    Map<String, String> config();

    /** Settings the bot keeps across restarts (in the store when the server has one, else until shutdown). */
    BotSettings settings();

    /** The server's clock. */
    Clock clock();

    void say(String target, String text);

    void notice(String target, String text);

    void join(String channel);

    void part(String channel, String reason);

    void kick(String channel, String nick, String reason);

    /** Sets {@code +q mask} (quiet), lifted by the server after {@code duration} (null: until lifted). */
    void quiet(String channel, String mask, Duration duration);

    /** Sets {@code +b mask}, lifted after {@code duration} (null: until lifted). */
    void ban(String channel, String mask, Duration duration);

    void topic(String channel, String text);

    /** The status of {@code nick} in {@code channel} as the server sees it now. */
    MemberStatus status(String channel, String nick);

    /** The nicknames in {@code channel}, in lower case; empty when there is no such channel. */
    Set<String> members(String channel);

    /** Whether {@code nick} is an IRC operator. */
    boolean ircOperator(String nick);

    /** {@code user@host} of {@code nick} (for masks), or null when nobody has that nickname. */
    String userHost(String nick);

    /** The account of {@code nick}, or null. */
    String account(String nick);

    /** A line in the server's log, marked with the bot's name. */
    void log(String text);

    /** A member's place in a channel. */
    enum MemberStatus {
        ABSENT, MEMBER, VOICED, OPERATOR;

        /** Voiced or operator: exempt from moderation, allowed to steer bots (operators only for that). */
        public boolean atLeast(MemberStatus other) {
            return compareTo(other) >= 0;
        }
    }
}
