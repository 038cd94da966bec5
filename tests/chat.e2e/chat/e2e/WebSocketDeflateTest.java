package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.AbuseLimits;
import chat.server.WebSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #13: permessage-deflate as browsers negotiate it, with a channel's lines compressed once for all its members: each
 * member, inflating in one context for its connection as a browser keeps it, reads every channel line and every line
 * of its own (private messages between them) intact and in order, and the channel's lines reach the members as the
 * same compressed bytes.
 */
@Tag("ircv3-websocket")
class WebSocketDeflateTest {

    private static final String OFFER = "permessage-deflate; client_max_window_bits";
    private static final int MEMBERS = 4;
    private static final int ROUNDS = 40;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c
            .withWeb(WebSettings.defaults().withPorts(0, -1))
            .withLimits(AbuseLimits.relaxed()));

    @Test
    void channelLinesGoToEveryMemberAsOneCompressedPayloadBetweenEachMembersOwnLines() throws Exception {
        int port = server.server().frontendAddress("http").getPort();
        List<WsClient> members = new ArrayList<>();
        try {
            for (int i = 0; i < MEMBERS; i++) {
                WsClient web = WsClient.open(port, null, List.of("text.ircv3.net"), Map.of("Sec-WebSocket-Extensions", OFFER));
                members.add(web);
                assertThat(web.header("sec-websocket-extensions")).isEqualTo("permessage-deflate;server_no_context_takeover");
                web.register("web" + i);
                web.sendText("JOIN #room");
                web.expect("366", "web" + i, "#room", "*");
            }
            TestClient alice = server.connect("alice");
            alice.send("JOIN #room");
            alice.expect("366", "alice", "#room", "*");
            for (WsClient web : members) {
                // The members who joined later came first.
                String line;
                do {
                    line = web.next().text();
                } while (!(line.startsWith(":alice!") && line.endsWith(" JOIN #room")));
            }
            List<List<String>> expected = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) expected.add(new ArrayList<>());
            for (int round = 0; round < ROUNDS; round++) {
                // Past the size below which the server compresses nothing (PerMessageDeflate.MIN_COMPRESSED_BYTES).
                String text = "round " + round + ": the channel's news" + ", the channel's news again, and once more the news".repeat(5);
                alice.send("PRIVMSG #room :" + text);
                for (int i = 0; i < MEMBERS; i++) {
                    expected.get(i).add("PRIVMSG #room :" + text);
                    // Each member's own line, much like its last, between the channel's.
                    String own = "for web" + i + " only, round " + round + ", as private as the round before".repeat(8);
                    alice.send("PRIVMSG web" + i + " :" + own);
                    expected.get(i).add("PRIVMSG web" + i + " :" + own);
                }
            }
            List<List<WsClient.Frame>> received = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                List<WsClient.Frame> frames = new ArrayList<>();
                for (String line : expected.get(i)) {
                    WsClient.Frame f = members.get(i).next();
                    assertThat(f.text()).as("web%d", i).startsWith(":alice!").endsWith(" " + line);
                    frames.add(f);
                }
                received.add(frames);
            }
            // One compressed payload for all the members (a line pushed out of the table early is compressed again).
            int shared = 0;
            for (int m = 0; m < 2 * ROUNDS; m += 2) {
                List<byte[]> payloads = new ArrayList<>();
                for (List<WsClient.Frame> frames : received) {
                    if (frames.get(m).compressed()) payloads.add(frames.get(m).wire());
                }
                long same = payloads.stream().mapToLong(p -> payloads.stream().filter(q -> Arrays.equals(p, q)).count()).max().orElse(0);
                if (payloads.size() == MEMBERS && same == MEMBERS) shared++;
            }
            assertThat(shared).isGreaterThanOrEqualTo(ROUNDS / 2);
            alice.send("PRIVMSG #room :all done");
            for (WsClient web : members) assertThat(web.next().text()).endsWith(" PRIVMSG #room :all done");
        } finally {
            for (WsClient web : members) web.close();
        }
    }
}
