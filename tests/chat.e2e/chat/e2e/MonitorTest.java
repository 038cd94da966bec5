package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** IRCv3 MONITOR and extended-monitor: notify lists, as irctest checks them. */
@Tag("IRCv3")
class MonitorTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private static List<IrcMessage> numerics(TestClient c) {
        return c.drain().stream().filter(m -> m.command().matches("73[0-4]|432")).toList();
    }

    @Test
    void isupportAdvertisesTheLimit() {
        TestClient foo = server.connect("foo");
        foo.send("VERSION");
        assertThat(foo.drain()).filteredOn(m -> m.command().equals("005")).flatExtracting(IrcMessage::params)
                .contains("MONITOR=100");
    }

    @Test
    void aMonitoredNickIsReportedOfflineThenOnlineThenOfflineAgain() {
        TestClient foo = server.connect("foo");
        foo.send("MONITOR + bar");
        foo.expect("731", "foo", "bar");
        TestClient bar = server.connect("bar");
        foo.expect("730", "foo", "bar!~bar@127.0.0.1");
        bar.send("QUIT :bye");
        foo.expect("731", "foo", "bar");
        TestClient again = server.connect("bar");
        foo.expect("730", "foo", "bar!~bar@127.0.0.1");
        again.send("MONITOR + foo,nobody");
        assertThat(numerics(again)).extracting(IrcMessage::params).containsExactly(
                List.of("bar", "foo!~foo@127.0.0.1"), List.of("bar", "nobody"));
    }

    @Test
    void nickChangesReportOnlineAndOfflineButACaseChangeNothing() {
        TestClient bar = server.connect("bar");
        bar.send("MONITOR + qux");
        bar.expect("731", "bar", "qux");
        TestClient baz = server.connect("baz");
        assertThat(numerics(bar)).isEmpty();
        baz.send("NICK qux");
        baz.expect("NICK", "qux");
        bar.expect("730", "bar", "qux!~baz@127.0.0.1");
        baz.send("NICK QUX");
        baz.expect("NICK", "QUX");
        assertThat(numerics(bar)).isEmpty();
        baz.send("NICK bazbat");
        baz.expect("NICK", "bazbat");
        bar.expect("731", "bar", "QUX");
    }

    @Test
    void listRemoveClearAndStatus() {
        TestClient foo = server.connect("foo");
        server.connect("bar");
        foo.send("MONITOR L");
        assertThat(numerics(foo)).extracting(IrcMessage::command).containsExactly("733");
        foo.send("MONITOR + bar,baz,*!user@host");
        assertThat(numerics(foo)).extracting(IrcMessage::command).containsExactlyInAnyOrder("432", "730", "731");
        foo.send("MONITOR S");
        assertThat(numerics(foo)).extracting(m -> m.command() + " " + m.last())
                .containsExactlyInAnyOrder("730 bar!~bar@127.0.0.1", "731 baz");
        foo.send("MONITOR L");
        assertThat(numerics(foo)).extracting(m -> m.command() + " " + m.last())
                .containsExactly("732 bar,baz", "733 End of MONITOR list");
        foo.send("MONITOR - bar");
        assertThat(numerics(foo)).isEmpty();
        foo.send("MONITOR L");
        assertThat(numerics(foo)).extracting(IrcMessage::last).containsExactly("baz", "End of MONITOR list");
        foo.send("MONITOR C");
        foo.send("MONITOR L");
        assertThat(numerics(foo)).extracting(IrcMessage::command).containsExactly("733");
    }

    @Test
    void aFullListRefusesTheRestWith734() {
        TestClient foo = server.connect("foo");
        StringBuilder nicks = new StringBuilder();
        for (int i = 0; i < 100; i++) nicks.append(i == 0 ? "" : ",").append("n").append(i);
        foo.send("MONITOR + " + nicks);
        foo.drain();
        foo.send("MONITOR + late1,late2");
        IrcMessage full = foo.expect("734");
        assertThat(full.params()).containsExactly("foo", "100", "late1,late2", "Monitor list is full");
    }

    @Test
    void anUnmonitoredNickIsNoLongerReported() {
        TestClient foo = server.connect("foo");
        TestClient other = server.connect("other");
        foo.send("MONITOR + qux");
        other.send("MONITOR + qux");
        foo.drain();
        other.send("MONITOR - qux");
        other.drain();
        server.connect("qux");
        foo.expect("730", "foo", "qux!~qux@127.0.0.1");
        assertThat(numerics(other)).isEmpty();
    }

    @Test
    void extendedMonitorBringsAwayAndSetnameOfMonitoredNicksWithTheirCapabilities() {
        TestClient bar = server.connect("bar");
        bar.send("PART #lobby");
        bar.expect("PART", "#lobby");
        TestClient watcher = server.connectWithCaps("foo", "extended-monitor", "away-notify", "setname");
        TestClient plain = server.connectWithCaps("plain", "away-notify", "setname");
        watcher.send("MONITOR + bar");
        plain.send("MONITOR + bar");
        watcher.expect("730", "foo");
        plain.expect("730", "plain");
        bar.send("AWAY :afk");
        bar.send("SETNAME :new name");
        bar.drain();
        List<IrcMessage> got = watcher.drain().stream()
                .filter(m -> m.command().equals("AWAY") || m.command().equals("SETNAME")).toList();
        assertThat(got).extracting(m -> m.sourceNick() + " " + m.command() + " " + m.last())
                .containsExactly("bar AWAY afk", "bar SETNAME new name");
        assertThat(plain.drain()).noneMatch(m -> m.command().equals("AWAY") || m.command().equals("SETNAME"));
    }

    @Test
    void extendedMonitorCapabilityIsOffered() {
        TestClient c = server.open();
        c.send("CAP LS 302");
        assertThat(c.drain()).filteredOn(m -> m.command().equals("CAP")).flatExtracting(m -> List.of(m.last().split(" ")))
                .contains("extended-monitor");
    }
}
