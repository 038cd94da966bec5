package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The IRCv3 netsplit and netjoin batch types, as the specification's examples show them on the wire. */
class NetBatchTest {

    private static List<String> wire(List<IrcMessage> lines) {
        return lines.stream().map(LineWriter::format).toList();
    }

    @Test
    void aNetsplitWrapsTheQuitsForBatchClientsAndLeavesThemPlainForOthers() {
        List<IrcMessage> quits = List.of(NetBatch.quit("aji!a@a", "irc.hub", "other.host"),
                NetBatch.quit("nenolod!a@a", "irc.hub", "other.host"));
        assertThat(wire(NetBatch.lines("irc.hub", NetBatch.NETSPLIT, "yXNAbvnRHTRBv", "irc.hub", "other.host", quits, true)))
                .containsExactly(
                        ":irc.hub BATCH +yXNAbvnRHTRBv netsplit irc.hub other.host",
                        "@batch=yXNAbvnRHTRBv :aji!a@a QUIT :irc.hub other.host",
                        "@batch=yXNAbvnRHTRBv :nenolod!a@a QUIT :irc.hub other.host",
                        ":irc.hub BATCH -yXNAbvnRHTRBv");
        assertThat(wire(NetBatch.lines("irc.hub", NetBatch.NETSPLIT, "r", "irc.hub", "other.host", quits, false)))
                .containsExactly(":aji!a@a QUIT :irc.hub other.host", ":nenolod!a@a QUIT :irc.hub other.host");
    }

    @Test
    void aNetjoinWrapsTheJoinsAndNothingIsSentForNobody() {
        List<IrcMessage> joins = List.of(IrcMessage.from("aji!a@a", "JOIN", "#atheme"));
        assertThat(wire(NetBatch.lines("irc.hub", NetBatch.NETJOIN, "4lMeQwsaOMs6s", "irc.hub", "other.host", joins, true)))
                .containsExactly(
                        ":irc.hub BATCH +4lMeQwsaOMs6s netjoin irc.hub other.host",
                        "@batch=4lMeQwsaOMs6s :aji!a@a JOIN #atheme",
                        ":irc.hub BATCH -4lMeQwsaOMs6s");
        assertThat(NetBatch.lines("irc.hub", NetBatch.NETJOIN, "r", "a", "b", List.of(), true)).isEmpty();
        assertThatThrownBy(() -> NetBatch.lines("irc.hub", "chathistory", "r", "a", "b", joins, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
