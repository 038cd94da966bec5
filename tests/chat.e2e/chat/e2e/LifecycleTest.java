package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keep-alive and shutdown: idle clients are pinged, silent ones dropped, everyone told on shutdown. */
class LifecycleTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withTimeouts(
            c.registrationTimeout(), Duration.ofMillis(600), Duration.ofMillis(900)));

    @Test
    void idleClientIsPingedAndDroppedWhenSilent() {
        TestClient talker = server.connect("talker").answerPings();
        TestClient silent = server.connect("silent");
        talker.expect("PING");
        List<IrcMessage> beforeClose = silent.awaitClose();
        assertThat(beforeClose).anyMatch(m -> m.command().equals("PING"));
        IrcMessage quit = talker.expect("QUIT");
        assertThat(quit.sourceNick()).isEqualTo("silent");
        assertThat(quit.last()).startsWith("Ping timeout");
        talker.send("PRIVMSG talker :still alive");
        talker.expect("PRIVMSG", "talker", "still alive");
    }

    @Test
    void shutdownTellsEveryClient() {
        TestClient a = server.connect("a");
        TestClient b = server.connect("b");
        server.server().close();
        assertThat(a.awaitClose()).anyMatch(m -> m.command().equals("ERROR") && m.last().equals("Server shutting down"));
        assertThat(b.awaitClose()).anyMatch(m -> m.command().equals("ERROR"));
    }

    @Test
    void onShutdownEachClientHearsOnlyThatTheServerIsGoingNotTheOthersQuits() {
        // #17: everyone is on #lobby; a shutdown that announced each departure to the members still there
        // sent N squared QUIT lines and took seconds with thousands of clients.
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < 60; i++) clients.add(server.connect("member" + i));
        TestClient last = clients.getLast();
        last.send("PING :all-joined");
        last.expect("PONG");
        for (TestClient c : clients) c.drain();
        server.server().close();
        for (TestClient c : clients) {
            List<IrcMessage> lines = c.awaitClose();
            assertThat(lines).anyMatch(m -> m.command().equals("ERROR") && m.last().equals("Server shutting down"));
            assertThat(lines).noneMatch(m -> m.command().equals("QUIT"));
        }
    }
}
