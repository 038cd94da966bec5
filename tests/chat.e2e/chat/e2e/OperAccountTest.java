package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.OperatorBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Operator blocks that name an account: only a client logged in to it may use them. */
@Tag("Modern")
class OperAccountTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s, c -> c.withOperators(Map.of(
            "boss", new OperatorBlock("boss", null, List.of(), "alice"),
            "both", new OperatorBlock("both", Opers.HASH, List.of(), "alice"))));

    /** Connects {@code nick} and registers (and so logs in to) the account of that name. */
    private TestClient loggedIn(String nick) {
        TestClient c = server.connect(nick);
        c.send("REGISTER * * :secret words");
        c.expect("900", nick, "*", nick);
        return c;
    }

    @Test
    void theBlocksAccountOpersWithoutAPassword() {
        TestClient alice = loggedIn("alice");
        alice.send("OPER boss");
        List<IrcMessage> got = alice.drain();
        assertThat(got).extracting(IrcMessage::command).containsExactly("381", "MODE");
        assertThat(got.get(1).params()).containsExactly("alice", "+o");
    }

    @Test
    void anotherAccountOrNoAccountGets464() {
        TestClient bob = loggedIn("bob");
        bob.send("OPER boss");
        bob.expect("464", "bob");
        bob.send("OPER both " + Opers.PASSWORD);
        bob.expect("464", "bob");
        TestClient guest = server.connect("guest");
        guest.send("OPER boss");
        guest.expect("464", "guest");
        guest.send("OPER both " + Opers.PASSWORD);
        guest.expect("464", "guest");
        guest.send("MODE guest");
        assertThat(guest.expect("221", "guest").last()).doesNotContain("o");
    }

    @Test
    void aBlockWithBothNeedsTheAccountAndThePassword() {
        TestClient alice = loggedIn("alice");
        alice.send("OPER both wrong");
        alice.expect("464", "alice");
        alice.send("OPER both");
        alice.expect("461", "alice", "OPER");
        alice.send("OPER both " + Opers.PASSWORD);
        alice.expect("381", "alice");
        alice.expect("MODE", "alice", "+o");
    }

    @Test
    void anUnknownNameWithoutAPasswordStillGets461() {
        TestClient c = server.connect("carol");
        c.send("OPER nobody");
        c.expect("461", "carol", "OPER");
    }
}
