package chat.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HelpTopicsTest {

    /** A command added to the table needs its HELP topic, and HELP must not describe commands that do not exist. */
    @Test
    void thereIsHelpOnExactlyTheCommandsInTheTable() {
        assertThat(HelpTopics.subjects()).containsExactlyInAnyOrderElementsOf(CommandTable.standard().verbs());
    }

    @Test
    void everyTopicStartsWithItsSyntaxAndHasADescription() {
        for (String subject : HelpTopics.subjects()) {
            List<String> lines = HelpTopics.lookup(subject.toLowerCase(java.util.Locale.ROOT));
            assertThat(lines.get(0)).startsWith(subject);
            assertThat(lines).hasSizeGreaterThan(1).allMatch(l -> !l.isBlank());
        }
    }

    @Test
    void theIndexListsEverySubjectInShortLines() {
        List<String> index = HelpTopics.lookup(null);
        assertThat(index.get(0)).isEqualTo("** Help System **");
        assertThat(String.join(" ", index.subList(2, index.size())).split(" "))
                .containsExactlyElementsOf(HelpTopics.subjects());
        assertThat(index).allMatch(l -> l.length() <= 60);
        assertThat(HelpTopics.lookup("")).isEqualTo(index);
        assertThat(HelpTopics.lookup("NOSUCHTHING")).isNull();
    }
}
