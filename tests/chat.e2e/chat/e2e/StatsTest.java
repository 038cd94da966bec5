package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** STATS for operators: uptime, command counts, K- and D-lines, connections by transport. */
class StatsTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(Opers::withAdmin);

    @Test
    void operatorsGetEachReportOthersAreRefused() {
        TestClient user = server.connect("user");
        user.send("STATS u");
        user.expect("481", "user");
        TestClient oper = Opers.operUp(server.connect("oper"));
        oper.send("STATS u");
        assertThat(oper.expect("242", "oper").last()).startsWith("Server Up 0 days");
        oper.expect("219", "oper", "u");
        oper.send("STATS m");
        assertThat(oper.expect("212", "oper", "OPER").params().get(2)).isEqualTo("1");
        oper.expect("219", "oper", "m");
        oper.send("KLINE *@bad.example :spam");
        oper.send("DLINE 192.0.2.0/24 :abuse");
        oper.send("STATS k");
        assertThat(oper.expect("216", "oper", "K", "*@bad.example").last()).startsWith("spam");
        oper.expect("219", "oper", "k");
        oper.send("STATS d");
        assertThat(oper.expect("225", "oper", "D", "192.0.2.0/24").last()).startsWith("abuse");
        oper.expect("219", "oper", "d");
        oper.send("STATS l");
        assertThat(oper.expect("211", "oper", "chat.local[tcp]").params().get(2)).isEqualTo("2");
        oper.expect("219", "oper", "l");
        oper.send("STATS x");
        oper.expect("263", "oper", "STATS");
        oper.expect("219", "oper", "x");
    }
}
