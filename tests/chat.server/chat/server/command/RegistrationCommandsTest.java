package chat.server.command;

import static chat.server.command.TestServer.commands;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.server.ServerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationCommandsTest {

    private final TestServer server = new TestServer();

    private static final List<String> BURST = List.of(
            "001", "002", "003", "004", "005", "005", "005",
            "251", "252", "254", "255", "265", "266",
            "375", "372", "372", "376",
            "JOIN", "353", "366");

    @Test
    void nickThenUserGivesTheWholeBurstInOrder() {
        TestServer.Client alice = server.connect();

        assertThat(alice.ask("NICK alice")).isEmpty();
        List<IrcMessage> burst = alice.ask("USER alice 0 * :Alice Liddell");

        assertThat(commands(burst)).isEqualTo(BURST);
        assertThat(alice.user.registered()).isTrue();
        assertThat(burst).filteredOn(m -> m.command().matches("[0-9]{3}"))
                .allSatisfy(m -> {
                    assertThat(m.source()).isEqualTo("chat.local");
                    assertThat(m.param(0)).isEqualTo("alice");
                });
    }

    @Test
    void userThenNickAlsoRegisters() {
        TestServer.Client alice = server.connect();

        assertThat(alice.ask("USER alice 0 * :Alice")).isEmpty();
        List<IrcMessage> burst = alice.ask("NICK alice");

        assertThat(commands(burst)).isEqualTo(BURST);
    }

    @Test
    void burstArrivesInOneWrite() {
        TestServer.Client alice = server.connect();
        alice.send("NICK alice");

        alice.send("USER alice 0 * :Alice");

        assertThat(alice.out.sendCount()).isEqualTo(1);
    }

    @Test
    void burstContents() {
        TestServer.Client alice = server.connect();
        alice.send("NICK alice");
        List<IrcMessage> burst = alice.ask("USER alice 0 * :Alice Liddell");

        assertThat(burst.get(0).last()).isEqualTo("Welcome to the chat IRC network, alice!~alice@10.0.0.1");
        assertThat(burst.get(1).last()).contains("chat.local").contains("test");
        assertThat(burst.get(2).last()).isEqualTo("This server was created 1970-01-01 00:00:00 UTC");
        assertThat(burst.get(3).params()).containsExactly("alice", "chat.local", "test", "Biow", "Ibeiklmnoqstv",
                "Ibekloqv");
        List<String> isupport = new java.util.ArrayList<>(burst.get(4).params());
        isupport.addAll(burst.get(5).params());
        isupport.addAll(burst.get(6).params());
        assertThat(isupport).contains("CASEMAPPING=rfc1459", "CHANTYPES=#", "NICKLEN=" + Names.NICKLEN,
                "CHANNELLEN=" + Names.CHANNELLEN, "PREFIX=(ov)@+", "NETWORK=chat", "LINELEN=512", "UTF8ONLY");
        assertThat(isupport).anySatisfy(p -> assertThat(p).startsWith("TARGMAX=").contains("PRIVMSG:10"));
        assertThat(burst.get(4).last()).isEqualTo("are supported by this server");
        assertThat(burst.get(5).last()).isEqualTo("are supported by this server");
        assertThat(burst.get(6).last()).isEqualTo("are supported by this server");
        assertThat(burst.get(7).last()).isEqualTo("There are 1 users and 0 invisible on 1 servers");
        assertThat(burst.get(9).params()).containsExactly("alice", "1", "channels formed");
        assertThat(burst.get(13).last()).contains("chat.local");
        assertThat(burst.get(14).last()).isEqualTo("- Welcome to chat.");
        IrcMessage join = burst.get(17);
        assertThat(join.source()).isEqualTo("alice!~alice@10.0.0.1");
        assertThat(join.params()).containsExactly("#lobby");
        assertThat(burst.get(18).params()).containsExactly("alice", "=", "#lobby", "alice");
        assertThat(burst.get(19).params()).containsExactly("alice", "#lobby", "End of /NAMES list");
    }

    @Test
    void secondClientSeesBothNamesAndTheFirstSeesItsJoin() {
        TestServer.Client alice = server.register("alice");
        TestServer.Client bob = server.connect();
        bob.send("NICK bob");

        List<IrcMessage> burst = bob.ask("USER bob 0 * :Bob");

        assertThat(commands(burst)).isEqualTo(BURST);
        assertThat(burst.get(7).last()).isEqualTo("There are 2 users and 0 invisible on 1 servers");
        assertThat(burst.get(18).last()).isEqualTo("alice bob");
        assertThat(alice.take()).containsExactly(IrcMessage.from("bob!~bob@10.0.0.2", "JOIN", "#lobby"));
    }

    @Test
    void unregisteredConnectionsAreCountedAsUnknown() {
        server.stats.connected("tcp");
        server.stats.connected("tcp");
        server.connect().send("NICK pending");
        TestServer.Client alice = server.connect();
        alice.send("NICK alice");

        List<IrcMessage> burst = alice.ask("USER alice 0 * :Alice");

        assertThat(burst).filteredOn(m -> m.command().equals("253"))
                .singleElement().extracting(IrcMessage::params).isEqualTo(List.of("alice", "1", "unknown connection(s)"));
    }

    @Test
    void withoutDefaultChannelTheBurstEndsWithTheMotd() {
        TestServer bare = new TestServer(ServerConfig.defaults().withDefaultChannel(null));
        TestServer.Client alice = bare.connect();
        alice.send("NICK alice");

        List<IrcMessage> burst = alice.ask("USER alice 0 * :Alice");

        assertThat(commands(burst)).isEqualTo(BURST.subList(0, BURST.indexOf("JOIN")));
        assertThat(bare.registry.counts().channels()).isZero();
    }

    @Test
    void withoutMotdTheBurstSays422() {
        TestServer bare = new TestServer(ServerConfig.defaults().withMotd(List.of()).withDefaultChannel(null));
        TestServer.Client alice = bare.connect();
        alice.send("NICK alice");

        List<IrcMessage> burst = alice.ask("USER alice 0 * :Alice");

        assertThat(commands(burst).getLast()).isEqualTo("422");
        assertThat(commands(burst)).doesNotContain("375", "372", "376");
    }

    // --- CAP ---

    @Test
    void capLsHoldsRegistrationUntilCapEnd() {
        TestServer.Client alice = server.connect();

        assertThat(alice.ask("CAP LS 302")).singleElement().satisfies(m -> {
            assertThat(m.command()).isEqualTo("CAP");
            assertThat(m.params()).startsWith("*", "LS");
        });
        assertThat(alice.ask("NICK alice")).isEmpty();
        assertThat(alice.ask("USER alice 0 * :Alice")).isEmpty();
        assertThat(alice.user.registered()).isFalse();
        assertThat(alice.ask("PRIVMSG #lobby :hi")).extracting(IrcMessage::command).containsExactly("451");

        List<IrcMessage> burst = alice.ask("CAP END");

        assertThat(commands(burst)).isEqualTo(BURST);
        assertThat(alice.user.registered()).isTrue();
    }

    @Test
    void capReqWithAnUnknownCapabilityHoldsRegistrationAndIsRefusedWhole() {
        TestServer.Client alice = server.connect();
        alice.send("NICK alice");

        assertThat(alice.ask("CAP REQ :multi-prefix no-such-cap"))
                .containsExactly(IrcMessage.from("chat.local", "CAP", "alice", "NAK", "multi-prefix no-such-cap"));
        assertThat(alice.ask("USER alice 0 * :Alice")).isEmpty();
        assertThat(commands(alice.ask("CAP END"))).isEqualTo(BURST);
    }

    @Test
    void capListAndUnknownSubcommands() {
        TestServer.Client alice = server.connect();

        assertThat(alice.ask("CAP LIST")).containsExactly(IrcMessage.from("chat.local", "CAP", "*", "LIST", ""));
        assertThat(alice.ask("CAP FROB")).containsExactly(
                IrcMessage.from("chat.local", "410", "*", "FROB", "Invalid CAP subcommand"));
    }

    @Test
    void capEndWithoutNegotiationIsHarmless() {
        TestServer.Client alice = server.connect();

        assertThat(alice.ask("CAP END")).isEmpty();
        alice.send("NICK alice");
        assertThat(commands(alice.ask("USER alice 0 * :Alice"))).isEqualTo(BURST);
    }

    @Test
    void capLsAfterRegistrationHoldsNothing() {
        TestServer.Client alice = server.register("alice");

        assertThat(alice.ask("CAP LS")).singleElement().satisfies(m -> assertThat(m.params()).startsWith("alice", "LS"));
        assertThat(alice.link.capNegotiating()).isFalse();
        assertThat(alice.ask("CAP END")).isEmpty();
    }

    // --- NICK ---

    @Test
    void nickWithoutParameterIs431() {
        TestServer.Client c = server.connect();

        assertThat(c.ask("NICK")).containsExactly(IrcMessage.from("chat.local", "431", "*", "No nickname given"));
        assertThat(c.ask("NICK :")).containsExactly(IrcMessage.from("chat.local", "431", "*", "No nickname given"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1abc", "-dash", "a.b", "caf\u00e9", "#chan", "abcdefghijklmnopqrstuvwxyzabcde"})
    void erroneousNickIs432(String nick) {
        TestServer.Client c = server.connect();

        assertThat(c.ask("NICK " + nick))
                .containsExactly(IrcMessage.from("chat.local", "432", "*", nick, "Erroneous nickname"));
        assertThat(c.nick()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alice[x]", "ALICE[X]", "Alice{x}", "alice{X}"})
    void nickInUseIs433UnderRfc1459(String nick) {
        server.register("alice[x]");
        TestServer.Client c = server.connect();

        assertThat(c.ask("NICK " + nick))
                .containsExactly(IrcMessage.from("chat.local", "433", "*", nick, "Nickname is already in use"));
        assertThat(c.nick()).isNull();
    }

    @Test
    void nickHeldByAnUnregisteredConnectionIsInUse() {
        server.connect().send("NICK alice");
        TestServer.Client c = server.connect();

        assertThat(commands(c.ask("NICK alice"))).containsExactly("433");
    }

    @Test
    void afterA433AnotherNickRegisters() {
        server.register("alice");
        TestServer.Client c = server.connect();
        c.send("USER al 0 * :Al");

        assertThat(commands(c.ask("NICK alice"))).containsExactly("433");
        assertThat(commands(c.ask("NICK alice2"))).isEqualTo(BURST);
        assertThat(c.nick()).isEqualTo("alice2");
    }

    @Test
    void nickChangeBeforeUserReplacesTheClaim() {
        TestServer.Client c = server.connect();
        c.send("NICK first");
        c.send("NICK second");

        assertThat(commands(server.connect().ask("NICK first"))).isEmpty();
        assertThat(commands(server.connect().ask("NICK second"))).containsExactly("433");
    }

    @Test
    void registeredNickChangeIsSeenBySelfAndPeers() {
        TestServer.Client alice = server.register("alice");
        TestServer.Client bob = server.register("bob");
        alice.take();

        List<IrcMessage> own = alice.ask("NICK alicia");

        IrcMessage change = IrcMessage.from("alice!~alice@10.0.0.1", "NICK", "alicia");
        assertThat(own).containsExactly(change);
        assertThat(bob.take()).containsExactly(change);
        assertThat(alice.prefix()).isEqualTo("alicia!~alice@10.0.0.1");
        assertThat(server.registry.findNick("alice")).isNull();
        assertThat(server.registry.findNick("ALICIA")).isSameAs(alice.user);
        assertThat(commands(server.connect().ask("NICK alice"))).isEmpty();
    }

    @Test
    void nickChangeIsNotSeenByUsersSharingNoChannel() {
        TestServer bare = new TestServer(ServerConfig.defaults().withDefaultChannel(null));
        TestServer.Client alice = bare.register("alice");
        TestServer.Client bob = bare.register("bob");

        assertThat(alice.ask("NICK alicia")).hasSize(1);
        assertThat(bob.take()).isEmpty();
    }

    @Test
    void registeredNickChangeToATakenNickIs433() {
        TestServer.Client alice = server.register("alice");
        server.register("bob");
        alice.take();

        assertThat(alice.ask("NICK BOB"))
                .containsExactly(IrcMessage.from("chat.local", "433", "alice", "BOB", "Nickname is already in use"));
        assertThat(alice.nick()).isEqualTo("alice");
    }

    @Test
    void sameNickAgainSaysNothing() {
        TestServer.Client alice = server.register("alice");
        TestServer.Client bob = server.register("bob");
        alice.take();

        assertThat(alice.ask("NICK alice")).isEmpty();
        assertThat(bob.take()).isEmpty();
    }

    // --- USER, PASS ---

    @Test
    void userTwiceIs462() {
        TestServer.Client c = server.connect();
        c.send("USER a 0 * :A");

        assertThat(c.ask("USER b 0 * :B"))
                .containsExactly(IrcMessage.from("chat.local", "462", "*", "You may not reregister"));
        assertThat(c.user.identity().user()).isEqualTo("~a");
    }

    @Test
    void userOrPassAfterRegistrationIs462() {
        TestServer.Client alice = server.register("alice");

        assertThat(commands(alice.ask("USER x 0 * :X"))).containsExactly("462");
        assertThat(commands(alice.ask("PASS secret"))).containsExactly("462");
    }

    @Test
    void passBeforeRegistrationIsAcceptedSilently() {
        TestServer.Client c = server.connect();

        assertThat(c.ask("PASS whatever")).isEmpty();
        c.send("NICK alice");
        assertThat(commands(c.ask("USER alice 0 * :Alice"))).isEqualTo(BURST);
    }

    @Test
    void userWithEmptyRealnameOrUsernameIs461() {
        TestServer.Client c = server.connect();

        assertThat(c.ask("USER alice 0 * :"))
                .containsExactly(IrcMessage.from("chat.local", "461", "*", "USER", "Not enough parameters"));
        assertThat(c.user.identity().user()).isNull();
    }

    @Test
    void userNameWithNothingToKeepBecomesTheFallback() {
        TestServer.Client c = server.connect();

        c.ask("USER @!: 0 * :Real");
        assertThat(c.user.identity().user()).isEqualTo("~u");
    }

    @Test
    void userNameIsCleanedAndCut() {
        TestServer.Client c = server.connect();

        c.send("USER a@b!c:defghijklmnop 0 * :Real Name");

        assertThat(c.user.identity().user()).isEqualTo("~abcdefghij");
        assertThat(c.user.identity().realname()).isEqualTo("Real Name");
    }

    // --- PING, PONG, QUIT ---

    @Test
    void pingIsAnsweredWithPongBeforeAndAfterRegistration() {
        TestServer.Client c = server.connect();

        assertThat(c.ask("PING tok123")).containsExactly(IrcMessage.from("chat.local", "PONG", "chat.local", "tok123"));
        TestServer.Client alice = server.register("alice");
        assertThat(alice.ask("PING :a b")).containsExactly(IrcMessage.from("chat.local", "PONG", "chat.local", "a b"));
    }

    @Test
    void pongSaysNothing() {
        TestServer.Client alice = server.register("alice");

        assertThat(alice.ask("PONG chat.local")).isEmpty();
        assertThat(alice.ask("PONG")).isEmpty();
    }

    @Test
    void quitClosesWithTheReason() {
        TestServer.Client alice = server.register("alice");

        assertThat(alice.ask("QUIT :gone fishing")).isEmpty();

        assertThat(alice.out.closeReason()).isEqualTo("Quit: gone fishing");
        assertThat(alice.link.quitting()).isTrue();
    }

    @Test
    void quitWithoutReasonBeforeRegistration() {
        TestServer.Client c = server.connect();

        c.send("QUIT");

        assertThat(c.out.closeReason()).isEqualTo("Quit");
    }
}
