package chat.bots.guard;

import static org.assertj.core.api.Assertions.assertThat;

import chat.bots.FakeBotContext;
import chat.server.spi.BotContext.MemberStatus;
import chat.server.spi.BotEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardTest {

    private final FakeBotContext ctx = new FakeBotContext("Guard");
    private final Guard guard = new Guard();

    @BeforeEach
    void start() {
        ctx.members.addAll(List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "guard"));
        guard.start(ctx);
        assertThat(ctx.take()).containsExactly("JOIN #lobby");
    }

    private void say(String nick, String text) {
        guard.onEvent(new BotEvent.Message(ctx.now, "#lobby", nick, "~" + nick + "@host-" + nick, null, false, text,
                false, false));
    }

    private void pm(String nick, String text) {
        guard.onEvent(new BotEvent.Message(ctx.now, null, nick, "~" + nick + "@host-" + nick, null, false, text,
                false, false));
    }

    @Test
    void floodEscalatesWarnQuietKickBan() {
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 9; i++) say("alice", "line " + round + " " + i);
            ctx.now = ctx.now.plusSeconds(30);
        }
        List<String> actions = ctx.take();
        assertThat(actions).filteredOn(a -> !a.startsWith("NOTICE")).containsExactly(
                "QUIET #lobby *!*@host-alice PT5M",
                "KICK #lobby alice :Guard: flooding (more than 8 lines in 10s)",
                "BAN #lobby *!*@host-alice PT1H",
                "KICK #lobby alice :Guard: flooding (more than 8 lines in 10s) (banned for 1h)");
        assertThat(actions).filteredOn(a -> a.startsWith("NOTICE alice")).hasSize(4);
        assertThat(actions.getFirst()).contains("flooding").contains("a warning").contains("Next time: quiet for 5m");
    }

    @Test
    void eightLinesInTenSecondsAreFine() {
        for (int i = 0; i < 8; i++) say("alice", "line " + i);
        assertThat(ctx.take()).isEmpty();
    }

    @Test
    void operatorsAndVoicedAreExempt() {
        ctx.statuses.put("#lobby alice", MemberStatus.OPERATOR);
        ctx.statuses.put("#lobby bob", MemberStatus.VOICED);
        for (int i = 0; i < 20; i++) {
            say("alice", "same");
            say("bob", "THIS IS SHOUTING IN CAPITALS");
        }
        assertThat(ctx.take()).isEmpty();
    }

    @Test
    void repeatedText() {
        for (int i = 0; i < 3; i++) {
            say("bob", "buy   my stuff");
            ctx.now = ctx.now.plusSeconds(5);
        }
        assertThat(ctx.take()).isEmpty();
        say("bob", "Buy my stuff");
        assertThat(ctx.take()).singleElement().asString().startsWith("NOTICE bob :Guard: repeating the same text");
    }

    @Test
    void massHighlight() {
        say("carol", "alice bob dave erin frank: look");
        assertThat(ctx.take()).isEmpty();
        say("carol", "alice, bob, dave, erin, frank, grace: look at this");
        assertThat(ctx.take()).singleElement().asString().contains("mass highlighting (6 members named");
    }

    @Test
    void shouting() {
        say("dave", "HELLO EVERYONE HOW ARE YOU");
        assertThat(ctx.take()).singleElement().asString().contains("shouting");
        say("dave", "OK FINE");
        assertThat(ctx.take()).isEmpty();
    }

    @Test
    void linksOnlyToAllowedHostsOnceTheOperatorsSaySo() {
        say("erin", "see https://spam.example.net/buy");
        assertThat(ctx.take()).isEmpty();
        ctx.statuses.put("#lobby op", MemberStatus.OPERATOR);
        pm("op", "SET #lobby links example.org");
        assertThat(ctx.take()).singleElement().asString().contains("Rule links in #lobby is now: example.org");
        say("erin", "docs at https://docs.example.org/x and www.example.org");
        assertThat(ctx.take()).isEmpty();
        say("erin", "see https://spam.example.net/buy");
        assertThat(ctx.take()).singleElement().asString().contains("a link to spam.example.net");
    }

    @Test
    void bannedWords() {
        ctx.statuses.put("#lobby op", MemberStatus.OPERATOR);
        pm("op", "SET #lobby words casino;free\\s+money");
        ctx.take();
        say("frank", "get FREE   money now");
        assertThat(ctx.take()).singleElement().asString().contains("not allowed here");
    }

    @Test
    void onlyChannelOperatorsSteerIt() {
        pm("alice", "DISABLE #lobby");
        assertThat(ctx.take()).containsExactly("NOTICE alice :Only an operator of #lobby can do that.");
        pm("alice", "SET #lobby flood nonsense");
        assertThat(ctx.take()).containsExactly("NOTICE alice :Only an operator of #lobby can do that.");
        ctx.statuses.put("#lobby op", MemberStatus.OPERATOR);
        pm("op", "SET #lobby flood nonsense");
        assertThat(ctx.take()).singleElement().asString().startsWith("NOTICE op :Not changed: write it as COUNT/TIME");
        pm("op", "DISABLE #lobby");
        assertThat(ctx.take()).contains("PART #lobby :Disabled by op");
        for (int i = 0; i < 20; i++) say("alice", "flood " + i);
        assertThat(ctx.take()).isEmpty();
        assertThat(ctx.saved).containsEntry("enabled.#lobby", "false");
    }

    @Test
    void logShowsTheActionsToOperators() {
        for (int i = 0; i < 9; i++) say("alice", "x" + i);
        ctx.take();
        ctx.statuses.put("#lobby op", MemberStatus.OPERATOR);
        pm("op", "LOG #lobby");
        assertThat(ctx.take()).singleElement().asString()
                .isEqualTo("NOTICE op :2026-12-01 12:00:00 alice!~alice@host-alice flood: a warning");
    }

    @Test
    void configuredStepsAndForgiveness() {
        ctx.config.put("steps", "kick, ban 2h");
        ctx.config.put("forgive", "10m");
        guard.onEvent(new BotEvent.Reconfigured(ctx.config));
        say("bob", "AAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(ctx.take()).contains("KICK #lobby bob :Guard: shouting (too many capital letters)");
        ctx.now = ctx.now.plus(Duration.ofMinutes(11));
        say("bob", "AAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(ctx.take()).contains("KICK #lobby bob :Guard: shouting (too many capital letters)");
    }

    @Test
    void laterStartsKeepWhatOperatorsChose() {
        ctx.saved.put("enabled.#lobby", "false");
        ctx.saved.put("enabled.#dev", "true");
        Guard again = new Guard();
        again.start(ctx);
        assertThat(ctx.take()).containsExactly("JOIN #dev");
    }
}
