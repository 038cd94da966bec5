package chat.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.delivery.ModeLines;
import chat.server.change.ModeChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModeStringTest {

    private static ModeString.Parsed parse(String modestring, String... args) {
        return ModeString.channel(modestring, List.of(args));
    }

    @Test
    void parametersAreTakenByTheCharmodesTypes() {
        ModeString.Parsed parsed = parse("+ik-l+ob-k", "sesame", "alice", "*!*@bad", "old");
        assertThat(parsed.changes()).containsExactly(
                new ModeChange(true, 'i', null),
                new ModeChange(true, 'k', "sesame"),
                new ModeChange(false, 'l', null),
                new ModeChange(true, 'o', "alice"),
                new ModeChange(true, 'b', "*!*@bad"),
                new ModeChange(false, 'k', "old"));
        assertThat(parsed.listQueries()).isEmpty();
        assertThat(parsed.unknown()).isEmpty();
    }

    @Test
    void listLettersWithoutParametersAreQueriesAndOthersMissingOneAreSkipped() {
        ModeString.Parsed parsed = parse("b+eIq-k+ovl");
        assertThat(parsed.listQueries()).containsExactly('b', 'e', 'I', 'q');
        assertThat(parsed.changes()).containsExactly(new ModeChange(false, 'k', null));
    }

    @Test
    void unknownLettersAreReportedOnce() {
        ModeString.Parsed parsed = parse("+ZZx-Z");
        assertThat(parsed.unknown()).containsExactly('Z', 'x');
        assertThat(parsed.changes()).isEmpty();
    }

    @Test
    void parameterisedChangesPastModesAreIgnored() {
        ModeString.Parsed parsed = parse("+vvvvvi", "a", "b", "c", "d", "e");
        assertThat(parsed.changes()).extracting(ModeChange::param).containsExactly("a", "b", "c", "d", null);
    }

    @Test
    void theAnnouncementRepeatsASignOnlyWhenItChanges() {
        IrcMessage line = ModeLines.message("alice!~a@h", "#dev", List.of(
                new ModeChange(true, 'i', null), new ModeChange(true, 'o', "bob"),
                new ModeChange(false, 'k', "*"), new ModeChange(false, 'l', null), new ModeChange(true, 'm', null)));
        assertThat(line.params()).containsExactly("#dev", "+io-kl+m", "bob", "*");
    }

    @Test
    void anAnnouncementTooLongForOneLineIsSplit() {
        String mask = "*!*@" + "h".repeat(190);
        List<ModeChange> applied = List.of(new ModeChange(true, 'b', mask + "1"), new ModeChange(true, 'b', mask + "2"),
                new ModeChange(true, 'b', mask + "3"), new ModeChange(true, 'b', mask + "4"));
        List<IrcMessage> lines = ModeLines.announce("alice!~a@h", "#dev", applied);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).params()).containsExactly("#dev", "+bb", mask + "1", mask + "2");
        assertThat(lines.get(1).params()).containsExactly("#dev", "+bb", mask + "3", mask + "4");
    }
}
