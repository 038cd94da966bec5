package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.OperatorBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OPER: password, host restriction, user mode +o, and the 481 every operator command gives others. */
@Tag("Modern")
@Tag("RFC2812")
class OperTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withOperators(Map.of(
            "admin", new OperatorBlock("admin", Opers.HASH, List.of()),
            "local", new OperatorBlock("local", Opers.HASH, List.of("*@127.0.0.0/8")),
            "remote", new OperatorBlock("remote", Opers.HASH, List.of("*@10.0.0.0/8", "*@::1")))));

    @Test
    void rightPasswordGives381ThenModeAndCountsInLusers() {
        TestClient op = server.connect("op");
        op.send("LUSERS");
        op.expect("252", "op", "0");
        op.expect("266", "op");
        op.send("OPER admin " + Opers.PASSWORD);
        List<IrcMessage> got = op.drain();
        assertThat(got).extracting(IrcMessage::command).containsExactly("381", "MODE");
        assertThat(got.get(1).params()).containsExactly("op", "+o");
        op.send("LUSERS");
        op.expect("252", "op", "1");
        op.send("QUIT");
        op.awaitClose();
        TestClient other = server.connect("other");
        other.send("LUSERS");
        other.expect("252", "other", "0");
    }

    @Test
    void wrongPasswordAndUnknownNameGetTheSameAnswer() {
        TestClient c = server.connect("guess");
        c.send("OPER admin wrong");
        IrcMessage wrongPassword = c.expect("464", "guess");
        c.send("OPER nobody " + Opers.PASSWORD);
        IrcMessage unknownName = c.expect("464", "guess");
        assertThat(unknownName.params()).isEqualTo(wrongPassword.params());
        c.send("OPER admin :");
        c.expect("464", "guess");
        c.send("KILL guess");
        assertThat(c.drain()).extracting(IrcMessage::command).containsExactly("481");
    }

    @Test
    void hostMustMatchTheBlock() {
        TestClient c = server.connect("roamer");
        c.send("OPER remote " + Opers.PASSWORD);
        c.expect("491", "roamer");
        // A wrong password on a host-restricted block still answers 464, telling nothing about the host.
        c.send("OPER remote wrong");
        c.expect("464", "roamer");
        c.send("OPER local " + Opers.PASSWORD);
        c.expect("381", "roamer");
    }

    @Test
    void operatorCommandsAnswerOthers481BeforeCheckingParameters() {
        TestClient c = server.connect("plain");
        for (String line : List.of("KILL", "KILL plain :bye", "KLINE *@example.com", "UNKLINE *@example.com",
                "DLINE 10.0.0.1", "UNDLINE 10.0.0.1", "REHASH", "WALLOPS :hi", "SAJOIN plain #x", "SAPART plain #lobby")) {
            c.send(line);
            assertThat(c.drain()).as(line).extracting(IrcMessage::command).containsExactly("481");
        }
        c.send("OPER admin");
        c.expect("461", "plain", "OPER");
    }

    @Test
    void sajoinAndSapartMoveAnotherUserPastChannelModes() {
        TestClient op = Opers.operUp(server.connect("op"));
        TestClient user = server.connect("user");
        op.send("JOIN #ops");
        op.expect("366", "op", "#ops");
        op.send("MODE #ops +ik secret");
        op.expect("MODE", "#ops", "+ik", "secret");
        user.send("JOIN #ops");
        user.expect("473", "user", "#ops");
        op.send("SAJOIN user #ops");
        user.expect("JOIN", "#ops");
        user.expect("366", "user", "#ops");
        op.expect("JOIN", "#ops");
        op.send("SAPART user #ops :moved");
        op.expect("PART", "#ops", "moved");
        user.expect("PART", "#ops", "moved");
        op.send("SAPART user #ops");
        op.expect("441", "op", "user", "#ops");
        op.send("SAJOIN nobody #ops");
        op.expect("401", "op", "nobody");
    }
}
