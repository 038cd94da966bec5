package chat.server.command;

import static chat.server.command.TestServer.commands;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.server.state.Registry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DispatcherTest {

    private final TestServer server = new TestServer();

    // --- shared checks ---

    @Test
    void unknownCommandIs421BeforeAndAfterRegistration() {
        TestServer.Client c = server.connect();

        assertThat(c.ask("FROBNICATE x"))
                .containsExactly(IrcMessage.from("chat.local", "421", "*", "FROBNICATE", "Unknown command"));
        TestServer.Client alice = server.register("alice");
        assertThat(alice.ask("frobnicate bob"))
                .containsExactly(IrcMessage.from("chat.local", "421", "alice", "FROBNICATE", "Unknown command"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PRIVMSG bob :hi", "NOTICE bob :hi", "JOIN #a", "PART #lobby", "NAMES #lobby",
        "TOPIC #lobby", "MOTD", "LUSERS", "VERSION", "JOIN", "TOPIC"})
    void commandsBeforeRegistrationAre451(String line) {
        TestServer.Client c = server.connect();

        assertThat(c.ask(line)).containsExactly(IrcMessage.from("chat.local", "451", "*", "You have not registered"));
    }

    @Test
    void notRegisteredAddressesTheNickOnceGiven() {
        TestServer.Client c = server.connect();
        c.send("NICK alice");

        assertThat(c.ask("JOIN #a"))
                .containsExactly(IrcMessage.from("chat.local", "451", "alice", "You have not registered"));
        assertThat(server.registry.channelDirectory().names(null, "#a").exists()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "USER a b c => USER",
        "USER => USER",
        "PING => PING",
        "CAP => CAP",
        "PASS => PASS"})
    void tooFewParametersBeforeRegistrationIs461(String line, String command) {
        TestServer.Client c = server.connect();

        assertThat(c.ask(line))
                .containsExactly(IrcMessage.from("chat.local", "461", "*", command, "Not enough parameters"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "JOIN => JOIN",
        "part => PART",
        "TOPIC => TOPIC"})
    void tooFewParametersAfterRegistrationIs461(String line, String command) {
        TestServer.Client alice = server.register("alice");

        assertThat(alice.ask(line))
                .containsExactly(IrcMessage.from("chat.local", "461", "alice", command, "Not enough parameters"));
    }

    @Test
    void serverQueriesAnswer() {
        TestServer.Client alice = server.register("alice");

        List<IrcMessage> version = alice.ask("VERSION");
        assertThat(version.get(0)).isEqualTo(IrcMessage.from("chat.local", "351", "alice", "test", "chat.local", "chat IRC server"));
        assertThat(commands(version.subList(1, version.size()))).isNotEmpty().containsOnly("005");
        assertThat(commands(alice.ask("MOTD"))).containsExactly("375", "372", "372", "376");
        assertThat(commands(alice.ask("LUSERS"))).containsExactly("251", "252", "254", "255", "265", "266");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unknown command", "JOIN channel", "PRIVMSG nick", "PART channel", "NICK"})
    void repliesThatEchoALongParameterStayWithin512Bytes(String kind) {
        TestServer.Client alice = server.register("alice");
        // Each line is legal (at most 510 bytes); the reply quotes its long word as a middle parameter.
        String line = switch (kind) {
            case "unknown command" -> "A".repeat(500);
            case "JOIN channel" -> "JOIN " + "c".repeat(500);
            case "PRIVMSG nick" -> "PRIVMSG " + "n".repeat(497) + " :x";
            case "PART channel" -> "PART #" + "p".repeat(499);
            default -> "NICK " + "k".repeat(500);
        };
        assertThat(line.length()).isLessThanOrEqualTo(510);
        alice.out.clear();

        alice.send(line);

        assertThat(alice.out.rawLines()).isNotEmpty()
                .allSatisfy(l -> assertThat(l.length + 2).isLessThanOrEqualTo(LineParser.MAX_LINE_BYTES));
    }

    // --- lines that did not parse ---

    @Test
    void tooLongLineIs417() {
        TestServer.Client c = server.connect();

        assertThat(c.ask("PRIVMSG #a :" + "x".repeat(600)))
                .containsExactly(IrcMessage.from("chat.local", "417", "*", "Input line was too long"));
        assertThat(c.ask("@t=" + "v".repeat(5000) + " PRIVMSG #a :x"))
                .containsExactly(IrcMessage.from("chat.local", "417", "*", "Input line was too long"));
    }

    @Test
    void lineDiscardedWhileReadingIs417() {
        TestServer.Client alice = server.register("alice");

        server.dispatcher.lineTooLong(alice.link);

        assertThat(alice.take())
                .containsExactly(IrcMessage.from("chat.local", "417", "alice", "Input line was too long"));
    }

    @Test
    void invalidUtf8IsAFailWithTheCommand() {
        TestServer.Client alice = server.register("alice");
        TestServer.Client bob = server.register("bob");
        byte[] line = "PRIVMSG #lobby :caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        alice.out.clear();
        alice.send(line);

        assertThat(alice.take()).containsExactly(IrcMessage.from("chat.local", "FAIL", "PRIVMSG", "INVALID_UTF8",
                "Message rejected, your message contained invalid UTF-8"));
        assertThat(bob.take()).isEmpty();
    }

    @Test
    void nulByteIs400() {
        TestServer.Client c = server.connect();

        assertThat(c.ask("NICK a\0b"))
                .containsExactly(IrcMessage.from("chat.local", "400", "*", "NICK", "Line rejected: it contains a NUL byte"));
        assertThat(c.nick()).isNull();
    }

    @Test
    void lineWithoutCommandIs400() {
        TestServer.Client c = server.connect();

        assertThat(c.ask(":source.only "))
                .containsExactly(IrcMessage.from("chat.local", "400", "*", "*", "Malformed line: no command"));
    }

    @Test
    void emptyLineIsIgnoredSilently() {
        TestServer.Client c = server.connect();

        c.send("   ");

        assertThat(c.out.sendCount()).isZero();
    }

    @Test
    void onlyParsedLinesCountAsReceived() {
        TestServer.Client c = server.connect();

        c.send("PING a");
        c.send("");
        c.send("PRIVMSG #a :" + "x".repeat(600));
        c.send("FOO");

        assertThat(server.stats.messagesIn()).isEqualTo(2);
    }

    @Test
    void repliesToOneCommandGoOutInOneWrite() {
        TestServer.Client alice = server.register("alice");
        alice.out.clear();

        alice.send("NAMES #lobby,#none");

        assertThat(alice.out.sendCount()).isEqualTo(1);
        assertThat(commands(alice.take())).containsExactly("353", "366");
    }

    // --- disconnection ---

    @Test
    void disconnectedClientIsGoneForItsPeers() {
        TestServer.Client alice = server.register("alice");
        TestServer.Client bob = server.register("bob");
        alice.take();

        bob.disconnect("Quit: bye");

        assertThat(alice.take()).containsExactly(IrcMessage.from("bob!~bob@10.0.0.2", "QUIT", "Quit: bye"));
        assertThat(server.registry.findNick("bob")).isNull();
        assertThat(server.registry.channelDirectory().names(null, "#lobby").names()).extracting(e -> e.identity().nick()).containsExactly("alice");
        assertThat(commands(alice.ask("PRIVMSG bob :still there?"))).containsExactly("401");
    }

    @Test
    void nickIsFreeAgainAfterDisconnect() {
        server.register("bob").disconnect("Connection closed");

        TestServer.Client again = server.connect();
        again.send("NICK BOB");

        assertThat(commands(again.ask("USER b 0 * :B"))).startsWith("001");
        assertThat(again.nick()).isEqualTo("BOB");
    }

    @Test
    void disconnectingTwiceTellsPeersOnce() {
        TestServer.Client alice = server.register("alice");
        TestServer.Client bob = server.register("bob");
        alice.take();

        bob.disconnect("Ping timeout: 120 seconds");
        bob.disconnect("Write error");

        assertThat(commands(alice.take())).containsExactly("QUIT");
    }

    @Test
    void disconnectOfAnUnregisteredClientTellsNobodyAndFreesItsNick() {
        TestServer.Client alice = server.register("alice");
        TestServer.Client pending = server.connect();
        pending.send("NICK pending");

        pending.disconnect("Registration timed out");

        assertThat(alice.take()).isEmpty();
        assertThat(commands(server.connect().ask("NICK pending"))).isEmpty();
    }

    @Test
    void lineHandledAfterTheConnectionWasClosedDoesNotRegisterAGhost() {
        // The sweeper closes a connection for its registration timeout while the reader thread is still
        // dispatching the client's last line.
        TestServer.Client alice = server.register("alice");
        TestServer.Client slow = server.connect();
        slow.send("USER slow 0 * :Slow");
        slow.disconnect("Registration timed out");

        slow.send("NICK late");

        assertThat(slow.user.registered()).as("closed session registered").isFalse();
        assertThat(server.registry.counts().users()).isEqualTo(1);
        assertThat(alice.take()).as("peers see no ghost join").isEmpty();
        assertThat(commands(server.connect().ask("NICK late"))).as("nick stays free").isEmpty();
    }

    @Test
    void quitThenDisconnectTellsPeersWithTheQuitReason() {
        TestServer.Client alice = server.register("alice");
        TestServer.Client bob = server.register("bob");
        alice.take();

        bob.send("QUIT :off to lunch");
        // The connection calls disconnected with the reason it was closed with.
        bob.disconnect(bob.out.closeReason());

        assertThat(alice.take()).containsExactly(IrcMessage.from("bob!~bob@10.0.0.2", "QUIT", "Quit: off to lunch"));
    }

    @Test
    void peerOnSeveralSharedChannelsGetsOneQuit() {
        TestServer.Client alice = server.register("alice");
        TestServer.Client bob = server.register("bob");
        alice.send("JOIN #a,#b");
        bob.send("JOIN #a,#b");
        alice.take();

        bob.disconnect("bye");

        assertThat(commands(alice.take())).containsExactly("QUIT");
    }

    @Test
    void registryIsEmptyAfterEveryoneLeaves() {
        List<TestServer.Client> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestServer.Client c = server.register("user" + i);
            c.send("JOIN #room" + (i % 3) + ",#all");
            all.add(c);
        }
        all.add(server.connect());
        all.getLast().send("NICK halfway");
        assertThat(server.registry.counts()).isEqualTo(new Registry.Counts(6, 5));

        for (TestServer.Client c : all) c.disconnect("bye");

        assertThat(server.registry.counts()).isEqualTo(new Registry.Counts(0, 0));
        assertThat(server.registry.everyone()).isEmpty();
        assertThat(server.registry.channelDirectory().names(null, "#lobby").exists()).isFalse();
        assertThat(server.registry.channelDirectory().names(null, "#all").exists()).isFalse();
        TestServer.Client fresh = server.connect();
        fresh.send("NICK user0");
        assertThat(commands(fresh.ask("USER u 0 * :U"))).startsWith("001").contains("JOIN");
        assertThat(server.registry.channelDirectory().names(null, "#lobby").names()).extracting(e -> e.identity().nick()).containsExactly("user0");
    }
}
