package chat.client.term;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.render.View;
import chat.client.session.Roster;
import chat.client.term.Completions.Completion;
import chat.protocol.CaseMapping;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompletionsTest {

    private static final List<String> COMMANDS = List.of("/join", "/msg", "/switch");

    private final Roster roster = new Roster() {
        @Override
        public View view() {
            return new View("alice", "#lobby", CaseMapping.RFC1459);
        }

        @Override
        public List<String> targets() {
            return List.of("#lobby", "#dev", "carol");
        }

        @Override
        public List<String> members(String channel) {
            return channel.equals("#lobby") ? List.of("alice", "bob", "dave") : List.of();
        }
    };

    @Test
    void commandsAtTheStartOfTheLine() {
        assertThat(Completions.of("/sw", 0, roster, COMMANDS)).extracting(Completion::value)
                .containsExactly("/join", "/msg", "/switch");
    }

    @Test
    void channelsForAHash() {
        assertThat(Completions.of("#", 1, roster, COMMANDS)).extracting(Completion::value)
                .containsExactly("#lobby", "#dev");
    }

    @Test
    void nicknamesOfTheCurrentChannelAndPrivateChatsButNotMine() {
        assertThat(Completions.of("b", 2, roster, COMMANDS)).extracting(Completion::value)
                .containsExactly("bob", "dave", "carol");
        assertThat(Completions.of("b", 0, roster, COMMANDS)).extracting(Completion::value)
                .containsExactly("bob:", "dave:", "carol:");
    }
}
