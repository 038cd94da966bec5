package chat.bots.help;

import static org.assertj.core.api.Assertions.assertThat;

import chat.bots.FakeBotContext;
import chat.server.spi.BotContext.MemberStatus;
import chat.server.spi.BotEvent;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelpTest {

    private final FakeBotContext ctx = new FakeBotContext("Help");
    private final Help help = new Help();

    @BeforeEach
    void start() {
        ctx.config.put("faq.tls", "Connect to port 6697 with TLS.");
        help.start(ctx);
        assertThat(ctx.take()).containsExactly("JOIN #lobby");
    }

    private void join(String nick, String account, boolean bot) {
        help.onEvent(new BotEvent.Joined(ctx.now, "#lobby", nick, "~u@host-" + nick.replaceAll("\\d", ""), account, bot));
    }

    private void say(String nick, String text, boolean bot) {
        help.onEvent(new BotEvent.Message(ctx.now, "#lobby", nick, "~" + nick + "@h", null, bot, text, false, false));
    }

    @Test
    void greetsOncePerHostPerDay() {
        join("alice", null, false);
        assertThat(ctx.take()).containsExactly(
                "NOTICE alice :Welcome to #lobby, alice! Say !help to see what the bots here can do.");
        join("alice2", null, false);
        assertThat(ctx.take()).isEmpty();
        ctx.now = ctx.now.plus(Duration.ofDays(1));
        join("alice", null, false);
        assertThat(ctx.take()).hasSize(1);
    }

    @Test
    void neverGreetsOrAnswersBots() {
        join("Other", null, true);
        say("Other", "!help", true);
        assertThat(ctx.take()).isEmpty();
    }

    @Test
    void answersHelpRulesAndFaq() {
        say("bob", "!help", false);
        say("bob", "!faq", false);
        say("bob", "!faq TLS", false);
        say("bob", "!faq nothing", false);
        assertThat(ctx.take()).containsExactly(
                "PRIVMSG #lobby :Commands here: !help, !rules, !faq [entry], !roll 2d6, !seen nick. Moderation: /msg Guard HELP. Your client: /help.",
                "PRIVMSG #lobby :FAQ entries: tls (say !faq ENTRY)",
                "PRIVMSG #lobby :Connect to port 6697 with TLS.",
                "PRIVMSG #lobby :No FAQ entry nothing. Entries: tls");
    }

    @Test
    void operatorsSetTheRules() {
        help.onEvent(new BotEvent.Message(ctx.now, null, "bob", "~b@h", null, false, "RULES #lobby be nice", false, false));
        assertThat(ctx.take()).containsExactly("NOTICE bob :Only an operator of #lobby can set its rules.");
        ctx.statuses.put("#lobby op", MemberStatus.OPERATOR);
        help.onEvent(new BotEvent.Message(ctx.now, null, "op", "~o@h", null, false, "RULES #lobby be nice", false, false));
        say("bob", "!rules", false);
        assertThat(ctx.take()).containsExactly("NOTICE op :Rules of #lobby set.", "PRIVMSG #lobby :Rules of #lobby: be nice");
    }
}
