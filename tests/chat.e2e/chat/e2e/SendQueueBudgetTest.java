package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.AbuseLimits;
import chat.server.Options;
import chat.server.ServerConfig;
import chat.server.WebSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #17: all send queues share one budget ({@code --sendq-total}). In a busy channel, clients that do not read (on
 * TCP and on WebSocket) are dropped with {@code SendQ exceeded} once the queues together pass half the budget and
 * theirs have not moved for a while, while the clients that read get every message and the server stays up.
 */
class SendQueueBudgetTest {

    /** Pressure past 512 KiB; the other 512 KiB shared by ten connections: a fair share of about 51 KiB each. */
    private static final long BUDGET_BYTES = 1 << 20;
    /**
     * Far more than the test sends to anyone (at most {@link #MAX_ROUNDS} rounds of {@link #ROUND_LINES} lines), so
     * that any {@code SendQ exceeded} here is the shared budget's, not a queue's own limit.
     */
    private static final int SENDQ_BYTES = 32 << 20;
    /** Lines alice sends before waiting until every reader has them: a reader's queue never holds more. */
    private static final int ROUND_LINES = 20;
    /** The kernel takes about 3 MB for a socket that is not read; this is four times what should be needed. */
    private static final int MAX_ROUNDS = 2_000;
    private static final String PADDING = "m".repeat(360);

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withLimits(AbuseLimits.relaxed())
            .withQueues(SENDQ_BYTES, ServerConfig.RECVQ_BYTES)
            .with(Options.SENDQ_TOTAL, BUDGET_BYTES)
            .withWeb(WebSettings.defaults().withPorts(0, -1)));

    @Test
    void clientsThatDoNotReadAreDroppedWhileReadersGetEveryMessage() throws Exception {
        TestClient alice = server.connect("alice");
        List<TestClient> readers = List.of(server.connect("bob"), server.connect("carol"), server.connect("dave"));
        Set<String> sleepers = new LinkedHashSet<>();
        List<Socket> sockets = new ArrayList<>();
        List<WsClient> webSockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                String nick = "sleeper" + i;
                sockets.add(unreadClient(nick));
                sleepers.add(nick);
            }
            WsClient web = WsClient.openUnread(server.server().frontendAddress("http").getPort(), "text.ircv3.net");
            webSockets.add(web);
            web.sendText("NICK websleeper");
            web.sendText("USER websleeper 0 * :never reads");
            sleepers.add("websleeper");
            awaitJoins(alice, sleepers);

            Map<TestClient, Integer> nextSeq = new HashMap<>();
            Map<String, String> quits = new HashMap<>();
            int rounds = 0;
            while (quits.size() < sleepers.size()) {
                assertThat(rounds).as("rounds before every sleeper was dropped (quit: %s)", quits.keySet())
                        .isLessThan(MAX_ROUNDS);
                StringBuilder burst = new StringBuilder();
                for (int i = 0; i < ROUND_LINES; i++) {
                    burst.append("PRIVMSG #lobby :").append(rounds * ROUND_LINES + i).append(' ').append(PADDING)
                            .append("\r\n");
                }
                alice.sendRaw(burst.toString().getBytes(StandardCharsets.US_ASCII));
                int last = rounds * ROUND_LINES + ROUND_LINES - 1;
                for (TestClient reader : readers) readRound(reader, last, nextSeq, quits);
                rounds++;
            }

            assertThat(quits).containsOnlyKeys(sleepers);
            assertThat(quits.values()).containsOnly("SendQ exceeded");
            for (TestClient reader : readers) {
                assertThat(nextSeq.get(reader)).as("messages %s received", reader.nick()).isEqualTo(rounds * ROUND_LINES);
            }
            // The server is up and the channel works, for those who were there and for a newcomer.
            TestClient erin = server.connect("erin");
            alice.send("PRIVMSG #lobby :still here");
            erin.expect("PRIVMSG", "#lobby", "still here");
            for (TestClient reader : readers) reader.expect("PRIVMSG", "#lobby", "still here");
        } finally {
            for (Socket s : sockets) s.close();
            for (WsClient w : webSockets) w.close();
        }
    }

    /** A registered TCP client with a 4 KiB receive buffer that never reads. */
    private Socket unreadClient(String nick) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        socket.getOutputStream().write(("NICK " + nick + "\r\nUSER " + nick + " 0 * :never reads\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static void awaitJoins(TestClient watcher, Set<String> nicks) {
        Set<String> waiting = new HashSet<>(nicks);
        while (!waiting.isEmpty()) waiting.remove(watcher.expect("JOIN", "#lobby").sourceNick());
    }

    /**
     * Reads {@code reader}'s lines up to alice's message number {@code last}, checking that each of hers is the next
     * in order, and noting the sleepers' QUITs.
     */
    private static void readRound(TestClient reader, int last, Map<TestClient, Integer> nextSeq,
                                  Map<String, String> quits) {
        while (true) {
            IrcMessage m = reader.next();
            if (m.command().equals("QUIT")) {
                quits.put(m.sourceNick(), m.last());
            } else if (m.command().equals("PRIVMSG") && "alice".equals(m.sourceNick())) {
                int expected = nextSeq.getOrDefault(reader, 0);
                String text = m.last();
                int seq = Integer.parseInt(text.substring(0, text.indexOf(' ')));
                assertThat(seq).as("%s's next message from alice", reader.nick()).isEqualTo(expected);
                nextSeq.put(reader, seq + 1);
                if (seq == last) return;
            }
        }
    }
}
