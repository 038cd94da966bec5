package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.AbuseLimits;
import chat.server.WebSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** IRC over WebSocket as the IRCv3 WebSocket specification says, and a WebSocket client as a client like any other. */
@Tag("ircv3-websocket")
class WebSocketTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c
            .withWeb(WebSettings.defaults().withPorts(0, -1))
            .withLimits(AbuseLimits.relaxed().withFlood(10, 20, 2048)));

    private int httpPort() {
        return server.server().frontendAddress("http").getPort();
    }

    private WsClient ws(String... protocols) throws Exception {
        WsClient c = WsClient.open(httpPort(), protocols);
        assertThat(c.status()).isEqualTo(101);
        return c;
    }

    @Test
    void theClientsFirstKnownSubprotocolIsChosenAndFramesFollowIt() throws Exception {
        try (WsClient binary = ws("binary.ircv3.net", "text.ircv3.net");
             WsClient text = ws("x-unknown", "text.ircv3.net", "binary.ircv3.net")) {
            assertThat(binary.protocol()).isEqualTo("binary.ircv3.net");
            assertThat(text.protocol()).isEqualTo("text.ircv3.net");
            binary.send(WsClient.BINARY, "NICK bin".getBytes(StandardCharsets.UTF_8));
            binary.send(WsClient.BINARY, "USER bin 0 * :bin".getBytes(StandardCharsets.UTF_8));
            WsClient.Frame welcome = binary.next();
            assertThat(welcome.opcode()).isEqualTo(WsClient.BINARY);
            assertThat(welcome.text()).contains(" 001 bin ").doesNotContain("\r").doesNotContain("\n");
            text.register("txt");
            text.sendText("PING :hello");
            WsClient.Frame pong = nextNonNumeric(text);
            assertThat(pong.opcode()).isEqualTo(WsClient.TEXT);
            assertThat(pong.text()).endsWith("PONG chat.local hello").doesNotContain("\r\n");
        }
    }

    private static WsClient.Frame nextNonNumeric(WsClient c) {
        while (true) {
            WsClient.Frame f = c.next();
            if (f.text().contains("PONG")) return f;
        }
    }

    @Test
    void aClientThatAsksForNoSubprotocolGetsTextAndMayUseEither() throws Exception {
        try (WsClient plain = ws()) {
            assertThat(plain.protocol()).isNull();
            plain.send(WsClient.BINARY, "NICK plain".getBytes(StandardCharsets.UTF_8));
            plain.sendText("USER plain 0 * :plain");
            IrcMessage welcome = plain.expect("001");
            assertThat(welcome.params()).startsWith("plain");
            plain.sendText("PING :x");
            WsClient.Frame f = nextNonNumeric(plain);
            assertThat(f.opcode()).isEqualTo(WsClient.TEXT);
        }
    }

    @Test
    void aWebSocketClientChatsWithATcpClientInAChannelAndPrivately() throws Exception {
        TestClient alice = server.connect("alice");
        try (WsClient bob = ws("text.ircv3.net")) {
            bob.register("bob");
            bob.expect("JOIN", "#lobby");
            alice.expect("JOIN", "#lobby");
            alice.send("PRIVMSG #lobby :hello from tcp");
            assertThat(bob.expect("PRIVMSG", "#lobby", "hello from tcp").sourceNick()).isEqualTo("alice");
            bob.sendText("PRIVMSG #lobby :héllo from the web");
            assertThat(alice.expect("PRIVMSG", "#lobby", "héllo from the web").sourceNick()).isEqualTo("bob");
            bob.sendText("PRIVMSG alice :psst");
            assertThat(alice.expect("PRIVMSG", "alice", "psst").sourceNick()).isEqualTo("bob");
            alice.send("WHOIS bob");
            IrcMessage user = alice.expect("311", "alice", "bob");
            assertThat(user.params().get(3)).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void theJdkWebSocketClientTalksToo() throws Exception {
        TestClient alice = server.connect("alice");
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("text.ircv3.net")
                .buildAsync(URI.create("ws://127.0.0.1:" + httpPort() + "/webirc"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        received.add(data.toString());
                        ws.request(1);
                        return CompletableFuture.completedFuture(null);
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            assertThat(socket.getSubprotocol()).isEqualTo("text.ircv3.net");
            socket.sendText("NICK jdk", true).get(10, TimeUnit.SECONDS);
            socket.sendText("USER jdk 0 * :jdk", true).get(10, TimeUnit.SECONDS);
            alice.expect("JOIN", "#lobby");
            socket.sendText("PRIVMSG alice :from java.net.http", true).get(10, TimeUnit.SECONDS);
            assertThat(alice.expect("PRIVMSG", "alice", "from java.net.http").sourceNick()).isEqualTo("jdk");
            assertThat(received.poll(10, TimeUnit.SECONDS)).doesNotEndWith("\n");
        } finally {
            socket.abort();
        }
    }

    @Test
    void invalidUtf8InATextMessageFailsTheConnectionAndInABinaryOneIsRefusedLikeTcp() throws Exception {
        TestClient alice = server.connect("alice");
        try (WsClient text = ws("text.ircv3.net"); WsClient binary = ws("binary.ircv3.net")) {
            text.register("texter");
            text.send(WsClient.TEXT, new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', 'a', 'l', 'i', 'c', 'e', ' ', ':', (byte) 0xff, (byte) 0xfe});
            assertThat(text.expectClose().closeCode()).isEqualTo(1007);
            assertThat(alice.expect("QUIT").sourceNick()).isEqualTo("texter");

            binary.send(WsClient.BINARY, "NICK bin".getBytes(StandardCharsets.UTF_8));
            binary.send(WsClient.BINARY, "USER bin 0 * :bin".getBytes(StandardCharsets.UTF_8));
            binary.expect("001");
            binary.send(WsClient.BINARY, new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', 'a', 'l', 'i', 'c', 'e', ' ', ':', (byte) 0xc3, (byte) 0x28});
            binary.expect("FAIL", "PRIVMSG", "INVALID_UTF8");
            binary.send(WsClient.BINARY, "PRIVMSG alice :still here".getBytes(StandardCharsets.UTF_8));
            assertThat(alice.expect("PRIVMSG", "alice", "still here").sourceNick()).isEqualTo("bin");
        }
    }

    @Test
    void aMessageHoldingCrLfIsRefusedAndNotRun() throws Exception {
        TestClient alice = server.connect("alice");
        try (WsClient web = ws("text.ircv3.net")) {
            web.register("web");
            web.sendText("PRIVMSG alice :one\r\nPRIVMSG alice :two");
            web.expect("FAIL", "*", "INVALID_MESSAGE");
            web.sendText("PRIVMSG alice :three\r\n");
            assertThat(alice.expect("PRIVMSG", "alice").last()).isEqualTo("three");
        }
    }

    @Test
    void aPageFromAnotherOriginIsRefusedTheServersOwnIsNot() throws Exception {
        try (WsClient evil = WsClient.open(httpPort(), "http://evil.example", List.of("text.ircv3.net"), Map.of());
             WsClient own = WsClient.open(httpPort(), "http://127.0.0.1:" + httpPort(), List.of("text.ircv3.net"), Map.of())) {
            assertThat(evil.status()).isEqualTo(403);
            assertThat(own.status()).isEqualTo(101);
        }
    }

    @Test
    void floodLimitsApplyToWebSocketClientsAndOthersKeepChatting() throws Exception {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        try (WsClient flooder = ws("text.ircv3.net")) {
            flooder.register("flooder");
            try {
                for (int i = 0; i < 1000; i++) flooder.sendText("PRIVMSG #lobby :flood " + i);
            } catch (AssertionError closedWhileWriting) {
                // the server may cut the flooder off before it has written everything
            }
            IrcMessage quit = alice.expect("QUIT");
            assertThat(quit.sourceNick()).isEqualTo("flooder");
            assertThat(quit.last()).isEqualTo("Excess Flood");
            alice.send("PRIVMSG #lobby :after the flood");
            assertThat(bob.expect("PRIVMSG", "#lobby", "after the flood").sourceNick()).isEqualTo("alice");
        }
    }
}
