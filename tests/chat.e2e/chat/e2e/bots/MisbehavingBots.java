package chat.e2e.bots;

import chat.server.spi.Bot;
import chat.server.spi.BotContext;
import chat.server.spi.BotEvent;
import java.util.concurrent.CountDownLatch;

/** Bots that fail on purpose, provided by this test module and enabled only by the tests that name them. */
public final class MisbehavingBots {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private MisbehavingBots() {
    }

    /** Blocks the bot's thread for good if {@code event} is a message. */
    private static void blockOnMessages(BotEvent event) {
        if (!(event instanceof BotEvent.Message)) return;
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws on every event. */
    public static final class Thrower implements Bot {
        @Override public String name() { return "Thrower"; }
        @Override public String description() { return "throws on every event"; }
        @Override public void start(BotContext context) { context.join("#lobby"); }
        @Override public void onEvent(BotEvent event) { throw new IllegalStateException("thrown on purpose by a test bot"); }
    }

    /**
     * At its start writes to itself, then joins #late, so that a message is queued ahead of its own JOIN; blocks
     * forever on that message, as a bot greeted by another before its JOIN reaches it does.
     */
    public static final class SelfTalker implements Bot {
        @Override public String name() { return "SelfTalker"; }
        @Override public String description() { return "talks to itself, then blocks"; }
        @Override public void start(BotContext context) {
            context.say(name(), "a note to self");
            context.join("#late");
        }
        @Override public void onEvent(BotEvent event) { blockOnMessages(event); }
    }

    /** Blocks forever on the first message it sees. */
    public static final class Sleeper implements Bot {
        @Override public String name() { return "Sleeper"; }
        @Override public String description() { return "blocks on its first message"; }
        @Override public void start(BotContext context) { context.join("#lobby"); }
        @Override public void onEvent(BotEvent event) { blockOnMessages(event); }
    }
}
