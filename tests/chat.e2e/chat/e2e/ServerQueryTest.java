package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.ServerConfig;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TIME, ADMIN, INFO, HELP, VERSION and LUSERS (Modern "Server Queries and Commands"). */
@Tag("Modern")
class ServerQueryTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withAdmin(
            new ServerConfig.Admin("Lyon, France", "Run by the chat team", "admin@chat.example")));

    private static List<IrcMessage> numerics(TestClient client) {
        return client.drain().stream().filter(m -> m.command().matches("[0-9]{3}")).toList();
    }

    @Test
    void timeAnswersTheServerNameUnixTimeAndReadableTime() {
        TestClient alice = server.connect("alice");
        long before = System.currentTimeMillis() / 1000;
        alice.send("TIME");
        IrcMessage time = alice.expect("391");
        assertThat(time.params()).hasSize(4);
        assertThat(time.param(1)).isEqualTo("chat.local");
        assertThat(Long.parseLong(time.param(2))).isBetween(before, System.currentTimeMillis() / 1000);
        assertThat(time.last()).endsWith("GMT");
        alice.send("TIME chat.local");
        alice.expect("391");
    }

    @Test
    void anotherServerGets402() {
        TestClient alice = server.connect("alice");
        for (String command : List.of("TIME", "ADMIN", "INFO", "VERSION", "MOTD")) {
            alice.send(command + " irc.elsewhere.example");
            assertThat(numerics(alice)).singleElement().satisfies(m -> assertThat(m.params())
                    .containsExactly("alice", "irc.elsewhere.example", "No such server"));
        }
        // A user's nickname names the server that user is on: this one.
        alice.send("ADMIN alice");
        alice.expect("256");
    }

    @Test
    void adminAnswersFromTheConfiguration() {
        TestClient alice = server.connect("alice");
        alice.send("ADMIN");
        List<IrcMessage> got = numerics(alice);
        assertThat(got).extracting(m -> String.join("|", m.params())).containsExactly(
                "alice|chat.local|Administrative info",
                "alice|Lyon, France",
                "alice|Run by the chat team",
                "alice|admin@chat.example");
    }

    @Test
    void infoEndsWith374() {
        TestClient alice = server.connect("alice");
        alice.send("INFO");
        List<IrcMessage> got = numerics(alice);
        assertThat(got).hasSizeGreaterThan(1);
        assertThat(got.subList(0, got.size() - 1)).allMatch(m -> m.command().equals("371"));
        assertThat(got.get(0).last()).contains("chat-");
        assertThat(got.get(got.size() - 1).params()).containsExactly("alice", "End of /INFO list");
    }

    @Test
    void helpOnACommandIsStartTextEnd() {
        TestClient alice = server.connect("alice");
        alice.send("HELP privmsg");
        List<IrcMessage> got = numerics(alice);
        assertThat(got.get(0).params()).containsExactly("alice", "privmsg", "PRIVMSG <target>{,<target>} <text>");
        assertThat(got.get(0).command()).isEqualTo("704");
        assertThat(got.get(1).params()).containsExactly("alice", "privmsg", "");
        assertThat(got.subList(1, got.size() - 1)).allMatch(m -> m.command().equals("705"));
        assertThat(got.get(got.size() - 1).command()).isEqualTo("706");
        assertThat(got).allMatch(m -> m.param(1).equals("privmsg"));
    }

    @Test
    void helpWithoutSubjectListsTheCommandsAndAnUnknownSubjectGets524() {
        TestClient alice = server.connect("alice");
        alice.send("HELP");
        List<IrcMessage> got = numerics(alice);
        assertThat(got.get(0).params()).containsExactly("alice", "*", "** Help System **");
        String all = String.join(" ", got.stream().map(IrcMessage::last).toList());
        assertThat(all).contains("WHOIS", "AWAY", "PRIVMSG", "HELP");
        alice.send("HELP frobnicate");
        assertThat(numerics(alice)).singleElement().satisfies(m -> assertThat(m.params())
                .containsExactly("alice", "frobnicate", "No help available on this topic"));
        alice.send("HELP :two words");
        assertThat(numerics(alice)).singleElement().satisfies(m -> assertThat(m.params())
                .containsExactly("alice", "*", "No help available on this topic"));
    }

    @Test
    void versionIsFollowedByTheIsupportTokens() {
        TestClient alice = server.connect("alice");
        alice.send("VERSION");
        List<IrcMessage> got = numerics(alice);
        assertThat(got.get(0).command()).isEqualTo("351");
        assertThat(got.get(0).params().subList(1, 4)).containsExactly("chat-0.1", "chat.local", "chat IRC server");
        assertThat(got.subList(1, got.size())).isNotEmpty().allMatch(m -> m.command().equals("005"));
        assertThat(got.stream().flatMap(m -> m.params().stream())).contains("WHOX", "AWAYLEN=200", "UTF8ONLY");
    }

    @Test
    void lusersCountsUsersChannelsAndTheMostUsersAtOnce() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        carol.send("QUIT");
        carol.awaitClose();
        alice.expect("QUIT");
        bob.expect("QUIT");
        alice.send("LUSERS");
        // 253 is left out: carol's connection is counted until its socket is released, which may lag a little.
        List<IrcMessage> got = numerics(alice).stream().filter(m -> !m.command().equals("253")).toList();
        assertThat(got).extracting(m -> String.join("|", m.params())).containsExactly(
                "alice|There are 2 users and 0 invisible on 1 servers",
                "alice|0|operator(s) online",
                "alice|1|channels formed",
                "alice|I have 2 clients and 0 servers",
                "alice|2|3|Current local users 2, max 3",
                "alice|2|3|Current global users 2, max 3");
    }
}
