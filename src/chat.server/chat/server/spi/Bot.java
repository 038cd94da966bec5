package chat.server.spi;

/**
 * An in-process bot: a user without a socket ({@code provides chat.server.spi.Bot}, found with
 * {@link java.util.ServiceLoader}). The server gives it a nickname that nobody else may take, user mode
 * {@code +B}, and a {@link BotContext} through which it acts with the same checks as a person.
 *
 * <p>Threading: {@link #start} and every {@link #onEvent} run on the bot's own virtual thread, one at a time,
 * so a bot needs no locking of its own. A bot that blocks or throws slows or loses only its own events.
 */
public interface Bot {

    /** The nickname, also the key of its {@code bot.NAME.*} settings in the config file. */
    String name();

    /** One line for WHOIS (the real name) and the client's help. */
    String description();

    /** Whether the bot moderates: it then gets {@code +o} in the channels it joins, else {@code +v}. */
    default boolean moderator() {
        return false;
    }

    /** Called before any event (and again after the bot was disconnected and came back), with the bot's configuration and its place to act. */
    void start(BotContext context);

    /** Something the bot can see happened; also called with {@link BotEvent.Reconfigured} after REHASH. */
    void onEvent(BotEvent event);
}
