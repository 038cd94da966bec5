package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Junk, oversized lines and clients that misbehave: each test checks that two others keep chatting. */
class HostileInputTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withQueues(64 * 1024, 64 * 1024));

    private TestClient alice;
    private TestClient bob;

    @BeforeEach
    void twoWellBehavedClients() {
        alice = server.connect("alice");
        bob = server.connect("bob");
    }

    private void assertOthersStillChat(String text) {
        alice.send("PRIVMSG #lobby :" + text);
        assertThat(bob.expect("PRIVMSG", "#lobby").last()).isEqualTo(text);
        bob.send("PRIVMSG alice :" + text + " back");
        assertThat(alice.expect("PRIVMSG", "alice").last()).isEqualTo(text + " back");
    }

    @Test
    void binaryGarbageIsAnsweredOrIgnoredWithoutHarm() {
        TestClient junk = server.connect("junk");
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        junk.sendRaw(garbage);
        junk.send("");
        junk.send("PRIVMSG #lobby :after the garbage");
        assertThat(bob.expect("PRIVMSG", "#lobby").last()).isEqualTo("after the garbage");
        assertOthersStillChat("garbage survived");
    }

    @Test
    void tenKilobyteLineIsRefusedWith417AndTheConnectionLives() {
        TestClient big = server.connect("big");
        big.send("PRIVMSG #lobby :" + "a".repeat(10 * 1024));
        big.expect("417", "big");
        big.send("PRIVMSG #lobby :" + "b".repeat(600));
        big.expect("417", "big");
        big.send("PRIVMSG #lobby :short again");
        assertThat(alice.expect("PRIVMSG", "#lobby").last()).isEqualTo("short again");
        assertThat(bob.expect("PRIVMSG", "#lobby").last()).isEqualTo("short again");
        assertThat(alice.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
        assertOthersStillChat("big line survived");
    }

    @Test
    void endlessLineWithoutEndingIsCutOffAtTheReceiveLimit() {
        TestClient endless = server.connect("endless");
        byte[] chunk = "z".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
        try {
            for (int i = 0; i < 8 && !endless.closedByServer(); i++) endless.sendRaw(chunk);
        } catch (AssertionError sendFailedBecauseServerClosed) {
            // the server may close while we are still writing
        }
        List<IrcMessage> last = endless.awaitClose();
        assertThat(last).anyMatch(m -> m.command().equals("ERROR"));
        assertThat(alice.expect("QUIT").sourceNick()).isEqualTo("endless");
        assertOthersStillChat("endless line cut");
    }

    @Test
    void oneMegabyteLineWithALineEndingIsCutOffAtTheReceiveLimit() {
        TestClient huge = server.connect("huge");
        byte[] line = new byte[1 << 20];
        java.util.Arrays.fill(line, (byte) 'm');
        line[line.length - 2] = '\r';
        line[line.length - 1] = '\n';
        try {
            huge.sendRaw(line);
        } catch (AssertionError closedWhileWriting) {
            // the server cuts the line off long before its end
        }
        assertThat(huge.awaitClose()).anyMatch(m -> m.command().equals("ERROR") && m.last().contains("RecvQ"));
        assertThat(alice.expect("QUIT").sourceNick()).isEqualTo("huge");
        assertOthersStillChat("megabyte line cut");
    }

    @Test
    void invalidUtf8InEveryPositionIsRefusedAndNeverRelayed() {
        TestClient bad = server.connect("bad");
        byte[] invalid = {(byte) 0xC3, (byte) 0x28};
        String[][] shapes = {
            {"PRIVMSG ", " :text"},            // in the target
            {"PRIVMSG #lobby :", ""},          // in the trailing text
            {"PRIVMSG #lobby ", "word"},       // in a middle word used as text
            {"@+tag=", " PRIVMSG #lobby :t"},  // in a tag value
            {":", " PRIVMSG #lobby :s"},       // in the source
            {"NICK ", ""},                     // in a nickname
            {"JOIN #", ""},                    // in a channel name
            {"TOPIC #lobby :", ""},            // in a topic
        };
        for (String[] shape : shapes) {
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            raw.writeBytes(shape[0].getBytes(StandardCharsets.US_ASCII));
            raw.writeBytes(invalid);
            raw.writeBytes((shape[1] + "\r\n").getBytes(StandardCharsets.US_ASCII));
            bad.sendRaw(raw.toByteArray());
            assertThat(bad.expect("FAIL").params()).contains("INVALID_UTF8");
        }
        assertThat(bob.drain()).noneMatch(m -> m.command().equals("PRIVMSG") || m.command().equals("TOPIC")
                || m.command().equals("NICK"));
        assertOthersStillChat("utf-8 refused");
    }

    @Test
    void crOnlyAndLfOnlyLineEndingsWork() {
        TestClient c = server.open();
        c.sendRaw("NICK crlf\rUSER c 0 * :c\n".getBytes(StandardCharsets.US_ASCII));
        c.expect("001", "crlf");
        c.sendRaw("PRIVMSG #lobby :cr only\r".getBytes(StandardCharsets.US_ASCII));
        assertThat(bob.expect("PRIVMSG", "#lobby").last()).isEqualTo("cr only");
    }

    @Test
    void nulByteLineIsRejected() {
        TestClient c = server.connect("nul");
        c.sendRaw("PRIVMSG #lobby :a\0b\r\n".getBytes(StandardCharsets.US_ASCII));
        c.expect("400", "nul", "PRIVMSG");
        assertThat(bob.drain()).noneMatch(m -> m.command().equals("PRIVMSG"));
        assertOthersStillChat("nul refused");
    }

    @Test
    void tlsClientHelloOnThePlainPortIsAnsweredAndClosed() throws IOException {
        TestClient tls = server.open();
        // The start of a TLS 1.2 ClientHello record.
        tls.sendRaw(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03});
        List<IrcMessage> got = tls.awaitClose();
        assertThat(got).anyMatch(m -> m.command().equals("ERROR") && m.last().contains("TLS"));
        assertOthersStillChat("tls refused");
    }

    @Test
    void clientThatNeverReadsIsDroppedAndOthersKeepChatting() throws IOException {
        Socket sleeper = new Socket();
        sleeper.setReceiveBufferSize(4096);
        sleeper.connect(new InetSocketAddress("127.0.0.1", server.port()));
        sleeper.getOutputStream().write("NICK sleeper\r\nUSER s 0 * :s\r\n".getBytes(StandardCharsets.US_ASCII));
        sleeper.getOutputStream().flush();
        alice.expect("JOIN", "#lobby");
        String line = "PRIVMSG sleeper :" + "w".repeat(400);
        // Enough to fill the sleeper's socket buffers and its 64 KiB send queue many times over.
        IrcMessage quit = null;
        for (int burst = 0; burst < 400 && quit == null; burst++) {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 100; i++) many.append(line).append("\r\n");
            alice.sendRaw(many.toString().getBytes(StandardCharsets.US_ASCII));
            quit = alice.drain().stream().filter(m -> m.command().equals("QUIT")).findFirst().orElse(null);
        }
        if (quit == null) quit = alice.expect("QUIT");
        assertThat(quit.sourceNick()).isEqualTo("sleeper");
        assertThat(quit.last()).isEqualTo("SendQ exceeded");
        assertOthersStillChat("sleeper dropped");
        sleeper.close();
    }

    @Test
    void fiveHundredSilentAndFiveHundredHalfRegisteredSocketsHarmNoOne() {
        java.util.List<TestClient> idle = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) idle.add(server.open());
        for (int i = 0; i < 500; i++) {
            TestClient half = server.open();
            half.send("NICK half" + i);
            idle.add(half);
        }
        assertOthersStillChat("a thousand idle sockets");
        // The acceptor may still be taking the last of the thousand (a loaded machine): wait for them, bounded.
        awaitConnectionsAtLeast(1002);
        assertThat(server.server().connectionCount()).isGreaterThanOrEqualTo(1002);
        idle.forEach(TestClient::close);
        awaitConnectionsBelow(10);
        server.connect("half0");
        assertOthersStillChat("idle sockets gone");
    }

    /** Waits (bounded) until the server has accepted {@code count} connections; no fixed sleep. */
    private void awaitConnectionsAtLeast(int count) {
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        while (server.server().connectionCount() < count && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    /** Waits (bounded) until the server has noticed closed sockets; no fixed sleep. */
    private void awaitConnectionsBelow(int count) {
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        while (server.server().connectionCount() >= count) {
            if (System.nanoTime() > deadline) throw new AssertionError("connections still open: " + server.server().connectionCount());
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    @Test
    void rapidConnectDisconnectChurnLeavesNoState() {
        for (int i = 0; i < 300; i++) {
            TestClient c = server.open();
            if (i % 2 == 0) {
                c.register("churn" + i);
                c.send("QUIT");
            }
            c.close();
        }
        assertOthersStillChat("after churn");
        server.connect("churn0");
        TestClient counter = server.connect("counter");
        counter.send("LUSERS");
        assertThat(counter.expect("251").last()).startsWith("There are 4 users");
    }

    @Test
    void nicknameAndChannelNameEdgeCases() {
        TestClient c = server.connect("edgy");
        String thirty = "n".repeat(30);
        c.send("NICK " + thirty);
        c.expect("NICK", thirty);
        for (String bad : new String[] {"9lives", "-dash", "a,b", "x*y", "q?", "at@host", "#chan", "été"}) {
            c.send("NICK " + bad);
            c.expect("432");
        }
        c.send("NICK ALICE");
        c.expect("433", thirty, "ALICE");
        String fifty = "#" + "c".repeat(49);
        c.send("JOIN " + fifty);
        c.expect("JOIN", fifty);
        c.send("JOIN #" + "c".repeat(50));
        c.expect("476");
        c.send("JOIN #bell");
        c.expect("476");
        c.send("JOIN #LOBBY");
        assertThat(c.drain()).noneMatch(m -> m.command().equals("JOIN"));
        assertOthersStillChat("edge cases");
    }

    @Test
    void socketDroppedInTheMiddleOfRegistrationLeavesNoTrace() {
        TestClient half = server.open();
        half.send("NICK halfway");
        half.drain();
        half.close();
        // The server learns of the close when it reads the end of the stream, which a new connection's registration
        // may overtake: the nickname must be free once it has (ISON answers without it), not before.
        TestClient probe = server.connect("probe");
        awaitNickFree(probe, "halfway");
        server.connect("halfway");
        assertOthersStillChat("half registration");
    }

    /** Asks ISON until {@code nick} is not online, for at most ten seconds. */
    private static void awaitNickFree(TestClient asker, String nick) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            asker.send("ISON " + nick);
            if (asker.expect("303", asker.nick()).last().isEmpty()) return;
            assertThat(System.nanoTime()).as("%s still online after 10 s", nick).isLessThan(deadline);
        }
    }
}
