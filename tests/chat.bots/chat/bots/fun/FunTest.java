package chat.bots.fun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.bots.FakeBotContext;
import chat.server.spi.BotEvent;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FunTest {

    private final FakeBotContext ctx = new FakeBotContext("Fun");
    private final Fun fun = new Fun(new SplittableRandom(7));

    private void say(String nick, String text) {
        fun.onEvent(new BotEvent.Message(ctx.now, "#lobby", nick, "~" + nick + "@h", null, false, text, false, false));
    }

    @Test
    void rollsDiceWithinTheirRange() {
        fun.start(ctx);
        ctx.take();
        for (int i = 0; i < 50; i++) say("alice", "!roll 3d6+2");
        for (String line : ctx.take()) {
            assertThat(line).startsWith("PRIVMSG #lobby :alice rolls 3d6+2: ");
            int total = Integer.parseInt(line.replaceAll(".*: (\\d+) \\(.*", "$1"));
            assertThat(total).isBetween(5, 20);
        }
        say("alice", "!roll 99d6");
        assertThat(ctx.take()).containsExactly("PRIVMSG #lobby :alice: from 1 to 20 dice");
    }

    @Test
    void diceNotation() {
        assertThat(Dice.parse("d20")).isEqualTo(new Dice(1, 20, 0));
        assertThat(Dice.parse("2D6-1").toString()).isEqualTo("2d6-1");
        assertThatThrownBy(() -> Dice.parse("2x6")).hasMessageContaining("2d6");
        assertThatThrownBy(() -> Dice.parse("1d1")).hasMessageContaining("2 to 1000 sides");
    }

    @Test
    void seenRemembersTheLastThingSomeoneDid() {
        fun.start(ctx);
        say("bob", "hello");
        fun.onEvent(new BotEvent.Parted(ctx.now.plusSeconds(10), "#lobby", "bob", "bye", null));
        ctx.now = ctx.now.plusSeconds(130);
        ctx.take();
        say("alice", "!seen BOB");
        assertThat(ctx.take()).containsExactly("PRIVMSG #lobby :BOB was last seen 2 minutes ago, leaving #lobby.");
        say("alice", "!seen nobody");
        assertThat(ctx.take()).containsExactly("PRIVMSG #lobby :I have not seen nobody.");
    }

    @Test
    void neverAnswersABot() {
        fun.start(ctx);
        ctx.take();
        fun.onEvent(new BotEvent.Message(ctx.now, "#lobby", "other", "~o@h", null, true, "!roll", false, false));
        assertThat(ctx.take()).isEmpty();
    }
}
