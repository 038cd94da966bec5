package chat.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.render.View;
import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionsTest {

    private static final View ME = new View("alice", "#lobby", CaseMapping.RFC1459);

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "bob!b@h | #lobby | hi alice, lunch? | true",
            "bob!b@h | #lobby | ALICE: there | true",
            "bob!b@h | #lobby | @alice look | true",
            "bob!b@h | #lobby | malice aforethought | false",
            "bob!b@h | #lobby | alice_ is someone else | false",
            "bob!b@h | #lobby | nothing for you | false",
            "bob!b@h | alice | just between us | true",
            "alice!a@h | #lobby | I am alice | false",
            "irc.server | alice | a server notice | false"})
    void privateMessagesAndMentionsConcernMe(String source, String target, String text, boolean concerns) {
        assertThat(Mentions.concernsMe(IrcMessage.from(source, "PRIVMSG", target, text), ME)).isEqualTo(concerns);
    }
}
