package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.OperatorBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #10 (4): OPER could be guessed at 200 tries in 30 s. Failed attempts are now throttled per address and per
 * block, logged, and told to the operators online; an operator from another address is not held up.
 */
@Tag("security")
class OperBruteForceTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withOperators(Map.of(
            "admin", new OperatorBlock("admin", Opers.HASH, List.of()),
            "local", new OperatorBlock("local", Opers.HASH, List.of()))));

    @Test
    void guessingIsStoppedAfterThreeTriesAndTheOperatorsAreTold() {
        TestClient watcher = Opers.operUp(server.connectFrom("127.0.0.3", "watcher"));
        TestClient attacker = server.connectFrom("127.0.0.2", "mallory");
        for (int i = 0; i < 3; i++) {
            attacker.send("OPER admin guess" + i);
            assertThat(attacker.expect("464", "mallory").last()).isEqualTo("Password incorrect");
            IrcMessage told = watcher.expect("NOTICE", "watcher");
            assertThat(told.last()).startsWith("*** Failed OPER attempt by mallory!~mallory@127.0.0.2 (as admin: wrong password)");
        }
        // the fourth try, even the right password, is refused unchecked
        attacker.send("OPER admin " + Opers.PASSWORD);
        assertThat(attacker.expect("464", "mallory").last())
                .matches("Too many failed OPER attempts from your address: try again in \\d+ seconds");
        assertThat(attacker.drain()).noneMatch(m -> m.command().equals("381"));

        // two more on another block make five from this address: every block is closed to it
        attacker.send("OPER local guess");
        attacker.expect("464", "mallory");
        attacker.send("OPER nosuchblock guess");
        attacker.expect("464", "mallory");
        attacker.send("OPER local " + Opers.PASSWORD);
        assertThat(attacker.expect("464", "mallory").last()).startsWith("Too many failed OPER attempts");
        assertThat(watcher.drain()).filteredOn(m -> m.command().equals("NOTICE")).hasSize(2)
                .anyMatch(m -> m.last().contains("127.0.0.2 must now wait"));

        // the real operator, from his own address, is not held up
        Opers.operUp(server.connectFrom("127.0.0.4", "realop"));
    }
}
