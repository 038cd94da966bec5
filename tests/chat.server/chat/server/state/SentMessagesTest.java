package chat.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.CaseMapping;
import org.junit.jupiter.api.Test;

class SentMessagesTest {

    private final SentMessages sent = new SentMessages();

    private static User user() {
        return new Link(new RecordingOutbound(), "10.0.0.1", 0).user();
    }

    @Test
    void aChannelMessageIsFoundWithItsSenderAndItsChannelUnderTheCaseMapping() {
        User alice = user();
        sent.rememberInChannel("id-1", alice, "#Chan[x]");

        SentMessages.Sent found = sent.find("id-1");

        assertThat(found.sender()).isSameAs(alice);
        assertThat(found.inChannel("#chan{x}", CaseMapping.RFC1459)).isTrue();
        assertThat(found.inChannel("#other", CaseMapping.RFC1459)).isFalse();
        assertThat(found.between(alice, user())).isFalse();
        assertThat(sent.find("id-2")).isNull();
    }

    @Test
    void aPrivateMessageIsBetweenItsTwoPartiesEitherWayAndNoOneElse() {
        User alice = user();
        User bob = user();
        sent.rememberPrivate("id-1", alice, bob);

        SentMessages.Sent found = sent.find("id-1");

        assertThat(found.between(alice, bob)).isTrue();
        assertThat(found.between(bob, alice)).isTrue();
        assertThat(found.between(alice, user())).isFalse();
        assertThat(found.inChannel("#chan", CaseMapping.RFC1459)).isFalse();
    }

    @Test
    void aForgottenMessageIsGoneAndTheOthersStay() {
        User alice = user();
        sent.rememberInChannel("id-1", alice, "#chan");
        sent.rememberInChannel("id-2", alice, "#chan");

        sent.forget("id-1");

        assertThat(sent.find("id-1")).isNull();
        assertThat(sent.find("id-2")).isNotNull();
    }

    @Test
    void theOldestAreForgottenOnceMoreThanTheBoundAreRemembered() {
        User alice = user();
        for (int i = 0; i < SentMessages.REMEMBERED + 5; i++) sent.rememberInChannel("id-" + i, alice, "#chan");

        assertThat(sent.find("id-0")).isNull();
        assertThat(sent.find("id-4")).isNull();
        assertThat(sent.find("id-5")).isNotNull();
        assertThat(sent.find("id-" + (SentMessages.REMEMBERED + 4))).isNotNull();
    }
}
