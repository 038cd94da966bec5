package chat.e2e.bots;

import static org.assertj.core.api.Assertions.assertThat;

import chat.e2e.ServerExtension;
import chat.e2e.TestClient;
import chat.protocol.IrcMessage;
import chat.server.BotConfig;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guard, over real sockets: each rule caught, the escalation step by step (warn, timed quiet lifted by itself,
 * kick, ban), exemptions, and its commands for channel operators. The offender connects from 127.0.0.2 so
 * that its host mask hits nobody else.
 */
@Tag("bots")
class GuardTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withBots(BotConfig.all().withEnabled(Set.of("guard"))
            .with("Guard", "flood", "4/10s").with("Guard", "steps", "warn, quiet 2s, kick, ban 1h")));

    private static void flood(TestClient who, String channel, int lines) {
        for (int i = 0; i < lines; i++) who.send("PRIVMSG " + channel + " :line " + i);
    }

    @Test
    void guardIsAnOperatorBotInTheLobby() {
        TestClient alice = server.connect("alice");
        alice.send("NAMES #lobby");
        IrcMessage names = alice.expect("353", "alice", "=", "#lobby");
        assertThat(names.last().split(" ")).contains("@Guard", "alice");
        alice.send("WHOIS Guard");
        alice.expect("335", "alice", "Guard");
        alice.send("NICK Guard");
        alice.expect("433", "alice", "Guard");
    }

    @Test
    void floodingEscalatesFromAWarningToABan() {
        TestClient alice = server.connect("alice");
        TestClient mallory = server.connectFrom("127.0.0.2", "mallory");

        flood(mallory, "#lobby", 5);
        IrcMessage warning = mallory.expect("NOTICE", "mallory");
        assertThat(warning.source()).startsWith("Guard!");
        assertThat(warning.last()).contains("flooding").contains("a warning").contains("Next time: quiet for 2s");

        flood(mallory, "#lobby", 5);
        assertThat(mallory.expect("NOTICE", "mallory").last()).contains("quiet for 2s").contains("Next time: a kick");
        alice.expect("MODE", "#lobby", "+q", "*!*@127.0.0.2");
        mallory.send("PRIVMSG #lobby :can anyone hear me");
        mallory.expect("404", "mallory", "#lobby");
        // the quiet is lifted by Guard itself once its time is up
        IrcMessage lifted = alice.expect("MODE", "#lobby", "-q", "*!*@127.0.0.2");
        assertThat(lifted.source()).startsWith("Guard!");

        flood(mallory, "#lobby", 5);
        IrcMessage kick = alice.expect("KICK", "#lobby", "mallory");
        assertThat(kick.last()).contains("flooding");
        mallory.send("JOIN #lobby");
        mallory.expect("JOIN", "#lobby");

        flood(mallory, "#lobby", 5);
        alice.expect("MODE", "#lobby", "+b", "*!*@127.0.0.2");
        alice.expect("KICK", "#lobby", "mallory");
        mallory.send("JOIN #lobby");
        mallory.expect("474", "mallory", "#lobby");

        // what alice said was never touched, and the operators of the channel can read why
        assertThat(alice.drain()).noneMatch(m -> m.command().equals("NOTICE") && m.last().contains("alice"));
    }

    @Test
    void eachRuleIsCaught() {
        TestClient alice = server.connect("alice");
        for (String nick : new String[] {"bob", "carol", "dave", "erin", "frank"}) server.connect(nick);
        // one offender per rule, each from its own address: each gets its first step, a warning
        String[][] spam = {
                {"repeating", "buy now", "buy now", "buy now", "buy now"},
                {"mass highlighting", "alice bob carol dave erin frank: look"},
                {"shouting", "WHY DOES NOBODY ANSWER ME"},
        };
        for (int i = 0; i < spam.length; i++) {
            TestClient offender = server.connectFrom("127.0.0." + (10 + i), "spammer" + i);
            for (int j = 1; j < spam[i].length; j++) offender.send("PRIVMSG #lobby :" + spam[i][j]);
            IrcMessage warning = offender.expect("NOTICE", "spammer" + i);
            assertThat(warning.last()).as(spam[i][0]).contains(spam[i][0]).contains("a warning");
        }
        // links and words are off until a channel's operators turn them on; ordinary talk is never touched
        TestClient talker = server.connectFrom("127.0.0.20", "talker");
        talker.send("PRIVMSG #lobby :see https://example.net for the docs, Alice");
        alice.expect("PRIVMSG", "#lobby", "see https://example.net for the docs, Alice");
        assertThat(talker.drain()).noneMatch(m -> m.command().equals("NOTICE"));
    }

    @Test
    void channelOperatorsEnableItAndSetRules() {
        TestClient op = server.connect("op");
        TestClient user = server.connectFrom("127.0.0.2", "user");
        op.send("JOIN #dev");
        op.expect("JOIN", "#dev");
        user.send("JOIN #dev");
        user.expect("JOIN", "#dev");

        user.send("PRIVMSG Guard :ENABLE #dev");
        assertThat(user.expect("NOTICE", "user").last()).isEqualTo("Only an operator of #dev can do that.");
        op.send("PRIVMSG Guard :ENABLE #dev");
        op.expect("JOIN", "#dev");
        assertThat(op.expect("NOTICE", "op").last()).contains("now watching #dev");
        IrcMessage opped = op.expect("MODE", "#dev", "+o", "Guard");
        assertThat(opped.source()).startsWith("Guard!"); // the server sets it, in the bot's name

        op.send("PRIVMSG Guard :SET #dev links example.org");
        assertThat(op.expect("NOTICE", "op").last()).isEqualTo("Rule links in #dev is now: example.org");
        user.send("PRIVMSG #dev :docs: https://docs.example.org/start");
        user.send("PRIVMSG #dev :cheap pills at http://pills.example.net");
        assertThat(user.expect("NOTICE", "user").last()).contains("a link to pills.example.net");
        // the operator said the same: exempt
        op.send("PRIVMSG #dev :http://pills.example.net is spam, ignore it");
        op.send("PRIVMSG Guard :LOG #dev");
        IrcMessage log = op.expect("NOTICE", "op");
        assertThat(log.last()).contains("op set links to example.org");
        assertThat(op.expect("NOTICE", "op").last()).contains("user!~user@127.0.0.2 links: a warning");

        op.send("PRIVMSG Guard :DISABLE #dev");
        op.expect("PART", "#dev");
    }
}
