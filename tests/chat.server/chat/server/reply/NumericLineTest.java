package chat.server.reply;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.protocol.Numeric;
import chat.server.state.Link;
import chat.server.state.RecordingOutbound;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A numeric kept encoded gives the bytes the writer gives, whatever the target and the parameters. */
class NumericLineTest {

    private static final String LONG = "x".repeat(600);

    @ParameterizedTest
    @ValueSource(strings = {"alice", "*", "Nick[with]{odd}|chars^", "ünïcode", "a", ":colon", "with space", ""})
    void encodesAsTheWriterDoes(String target) {
        for (NumericLine line : List.of(
                new NumericLine("chat.local", Numeric.RPL_YOURHOST, "Your host is chat.local, running version 1"),
                new NumericLine("chat.local", Numeric.RPL_ISUPPORT, "CHANTYPES=#", "NICKLEN=30", "are supported by this server"),
                new NumericLine("chat.local", Numeric.RPL_MOTD, "- " + LONG),
                new NumericLine("chat.local", Numeric.RPL_MOTD, "- " + "é".repeat(260)),
                new NumericLine("chat.local", Numeric.RPL_MOTD, ""),
                new NumericLine("chat.local", Numeric.RPL_MOTD, "nospace"),
                new NumericLine("chat.local", Numeric.RPL_MOTD, ":starts with a colon"),
                new NumericLine("chat.local", Numeric.ERR_NOMOTD))) {
            IrcMessage message = line.message(target);
            assertThat(new String(line.encode(target), StandardCharsets.UTF_8))
                    .isEqualTo(new String(LineWriter.encodeWithin(message), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTargetThatFillsTheLineIsCutAsTheWriterCutsIt() {
        NumericLine line = new NumericLine("chat.local", Numeric.RPL_MOTD, "- " + "y".repeat(480));
        String target = "n".repeat(40);
        byte[] encoded = line.encode(target);
        assertThat(encoded).isEqualTo(LineWriter.encodeWithin(line.message(target)));
        assertThat(encoded.length).isLessThanOrEqualTo(512);
    }

    @Test
    void theReplyBufferSendsItToTheUsersNickAndCanStillLabelIt() {
        Link link = new Link(new RecordingOutbound(), "10.0.0.1", 0);
        ReplyBuffer reply = new ReplyBuffer("chat.local", link.user());
        reply.numeric(new NumericLine("chat.local", Numeric.RPL_YOURHOST, "Your host is chat.local"));
        reply.numeric(Numeric.RPL_MOTD, "- hello");
        assertThat(reply.messages()).extracting(IrcMessage::params)
                .containsExactly(List.of("*", "Your host is chat.local"), List.of("*", "- hello"));
        reply.applyLabel("L1", true, "b1");
        List<IrcMessage> labeled = reply.messages();
        assertThat(labeled).hasSize(4);
        assertThat(labeled.get(0).tags()).isEqualTo(Map.of("label", "L1"));
        assertThat(labeled.get(1).command()).isEqualTo("002");
        assertThat(labeled.get(1).tags()).isEqualTo(Map.of("batch", "b1"));
        assertThat(new String(reply.drain(), StandardCharsets.UTF_8)).startsWith("@label=L1 :chat.local BATCH +b1 labeled-response\r\n"
                + "@batch=b1 :chat.local 002 * :Your host is chat.local\r\n");
    }
}
