package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.AbuseLimits;
import chat.server.WebSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * #13: the server sends a WebSocket client's lines in batches (many lines of one write in one flush); each still
 * arrives as a message of its own, whole, in order, without CR LF, whatever its length.
 */
@Tag("ircv3-websocket")
class WebSocketBatchTest {

    private static final int LINES = 600;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c
            .withWeb(WebSettings.defaults().withPorts(0, -1))
            .withLimits(AbuseLimits.relaxed()));

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"text.ircv3.net,", "binary.ircv3.net,", "text.ircv3.net,permessage-deflate", "binary.ircv3.net,permessage-deflate",
            "text.ircv3.net,identity"})
    void linesSentFasterThanTheyAreWrittenArriveAsOneMessageEachInOrder(String protocol, String extension) throws Exception {
        TestClient alice = server.connect("alice");
        // Browsers ask for permessage-deflate, which chat applies on the way to Jetty's connection.
        Map<String, String> headers = extension == null ? Map.of() : Map.of("Sec-WebSocket-Extensions", extension);
        try (WsClient web = WsClient.open(server.server().frontendAddress("http").getPort(), null, List.of(protocol), headers)) {
            // #13: the server's messages never refer to earlier ones (one compressed line serves every receiver). An
            // extension other than ours (Jetty's identity) sends the lines through Jetty's session, not its connection.
            assertThat(web.header("sec-websocket-extensions")).isEqualTo(extension == null ? null
                    : extension.equals("permessage-deflate") ? extension + ";server_no_context_takeover" : extension);
            boolean binary = protocol.startsWith("binary");
            for (String line : List.of("NICK web", "USER web 0 * :web")) {
                if (binary) web.send(WsClient.BINARY, line.getBytes(StandardCharsets.UTF_8));
                else web.sendText(line);
            }
            web.expect("001");
            // All of alice's lines in one TCP write: the server relays them faster than one WebSocket write each.
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < LINES; i++) {
                // From a few bytes to past 125 (a 16-bit frame length) and on to the 512-byte limit.
                String text = i + " é " + "x".repeat(i * 7 % 420);
                sent.add(text);
                burst.writeBytes(("PRIVMSG web :" + text + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            alice.sendRaw(burst.toByteArray());
            int expected = binary ? WsClient.BINARY : WsClient.TEXT;
            for (String text : sent) {
                WsClient.Frame f = nextPrivmsg(web);
                assertThat(f.opcode()).isEqualTo(expected);
                assertThat(f.text()).startsWith(":alice!").endsWith(" PRIVMSG web :" + text).doesNotContain("\r", "\n");
            }
            alice.send("PRIVMSG web :all done");
            assertThat(nextPrivmsg(web).text()).endsWith(" PRIVMSG web :all done");
        }
    }

    private static WsClient.Frame nextPrivmsg(WsClient c) {
        while (true) {
            WsClient.Frame f = c.next();
            if (f.text().contains(" PRIVMSG ")) return f;
        }
    }
}
