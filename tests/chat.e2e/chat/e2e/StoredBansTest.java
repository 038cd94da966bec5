package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a store, K-lines and D-lines are kept in it (not in bans.txt) and survive restarts. */
@Tag("Modern")
class StoredBansTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s, Opers::withAdmin);

    @Test
    void klineAndDlineSurviveRestartUntilLifted() {
        TestClient op = Opers.operUp(server.connect("op"));
        op.send("KLINE ~victim@* :come back tomorrow");
        op.expect("NOTICE", "op", "Added permanent K-line on ~victim@*: come back tomorrow");
        op.send("DLINE 127.0.0.2 :persistent");
        op.expect("NOTICE", "op", "Added permanent D-line on 127.0.0.2/32: persistent");
        assertThat(op.drain()).noneMatch(m -> m.command().equals("NOTICE"));
        assertThat(server.dataDirectory().resolve("bans.txt")).doesNotExist();

        server.restart();
        KlineTest.assertRefused(server.open(), "victim", "come back tomorrow");
        DlineTest.assertRefusedAtAccept(server.openFrom("127.0.0.2"), "persistent");
        op = Opers.operUp(server.connect("op"));
        op.send("UNKLINE ~victim@*");
        op.expect("NOTICE", "op", "Removed K-line on ~victim@*");
        op.send("UNDLINE 127.0.0.2");
        op.expect("NOTICE", "op", "Removed D-line on 127.0.0.2/32");

        server.restart();
        server.connect("victim");
        server.connectFrom("127.0.0.2", "back");
    }
}
