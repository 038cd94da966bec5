package chat.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.CaseMapping;

import org.junit.jupiter.api.Test;

class SessionTest {

    private final Session session = new Session("alice");

    @Test
    void firstJoinBecomesCurrentAndLaterOnesDoNot() {
        session.joined("#lobby");
        session.joined("#dev");
        assertThat(session.current()).isEqualTo("#lobby");
    }

    @Test
    void leavingTheCurrentChannelFallsBackToTheLastJoined() {
        session.joined("#lobby");
        session.joined("#dev");
        session.joined("#ops");
        session.focus("#dev");
        session.left("#DEV");
        assertThat(session.current()).isEqualTo("#ops");
        session.left("#ops");
        session.left("#lobby");
        assertThat(session.current()).isNull();
    }

    @Test
    void aFailedJoinGivesBackThePreviousChannel() {
        session.joined("#lobby");
        session.focus("#secret");
        session.joinFailed("#secret");
        assertThat(session.current()).isEqualTo("#lobby");
        session.focus("#lobby");
        session.joinFailed("#lobby");
        assertThat(session.current()).as("a channel we are in stays").isEqualTo("#lobby");
    }

    @Test
    void leavingSaysWhetherTheCurrentChannelMoved() {
        session.joined("#lobby");
        session.joined("#dev");
        session.focus("#dev");
        assertThat(session.left("#lobby")).as("not the current one").isFalse();
        assertThat(session.current()).isEqualTo("#dev");
        session.joined("#ops");
        session.focus("#dev");
        assertThat(session.left("#Dev")).isTrue();
        assertThat(session.current()).isEqualTo("#ops");
    }

    @Test
    void aFailedJoinSaysWhetherTheCurrentChannelMoved() {
        session.joined("#lobby");
        session.focus("#secret");
        assertThat(session.joinFailed("#other")).isFalse();
        assertThat(session.joinFailed("#secret")).isTrue();
        assertThat(session.joinFailed("#lobby")).as("a channel we are in").isFalse();
    }

    @Test
    void quittingIsRemembered() {
        assertThat(session.isQuitting()).isFalse();
        session.quitting();
        assertThat(session.isQuitting()).isTrue();
    }

    @Test
    void assumeOnlyFillsAnEmptyCurrentChannel() {
        session.assume("#lobby");
        session.assume("#other");
        assertThat(session.current()).isEqualTo("#lobby");
    }

    @Test
    void viewFollowsNickAndCaseMapping() {
        session.welcome("Alice");
        assertThat(session.registered()).isTrue();
        assertThat(session.view().isMe("alice")).isTrue();
        assertThat(session.view().isMe("Alice[")).isFalse();
        session.nick("a[x");
        assertThat(session.view().isMe("A{X")).isTrue();
        session.mapping(CaseMapping.ASCII);
        assertThat(session.view().isMe("A{X")).isFalse();
    }

    @Test
    void targetsAreTheChannelsThenThePrivateChatsAndCanBeSwitchedTo() {
        session.joined("#lobby");
        session.joined("#dev");
        session.chatWith("bob");
        session.chatWith("BOB");
        assertThat(session.targets()).containsExactly("#lobby", "#dev", "bob");
        assertThat(session.switchTo(2)).isTrue();
        assertThat(session.current()).isEqualTo("#dev");
        assertThat(session.switchTo(3)).isTrue();
        assertThat(session.current()).isEqualTo("bob");
        assertThat(session.switchTo(4)).isFalse();
        assertThat(session.switchTo("#nowhere")).isFalse();
        assertThat(session.current()).isEqualTo("bob");
        assertThat(session.switchTo("carol")).isTrue();
        assertThat(session.targets()).containsExactly("#lobby", "#dev", "bob", "carol");
    }

    @Test
    void membersFollowNamesJoinsPartsQuitsAndNickChanges() {
        session.welcome("alice");
        session.joined("#lobby");
        session.named("#lobby", java.util.List.of("@alice", "+bob", "carol"));
        session.arrived("#LOBBY", "dave");
        session.departed("#lobby", "carol");
        session.renamed("bob", "robert");
        assertThat(session.members("#lobby")).containsExactlyInAnyOrder("alice", "robert", "dave");
        session.quit("dave");
        assertThat(session.members("#lobby")).containsExactlyInAnyOrder("alice", "robert");
        session.departed("#lobby", "alice");
        assertThat(session.members("#lobby")).isEmpty();
    }

    @Test
    void aReconnectForgetsTheChannelsButReturnsThemToJoinAgain() {
        session.welcome("alice");
        session.joined("#lobby");
        session.joined("#dev");
        session.focus("#dev");
        session.chatWith("bob");
        assertThat(session.reconnecting()).containsExactly("#lobby", "#dev");
        assertThat(session.registered()).isFalse();
        assertThat(session.targets()).containsExactly("bob");
        assertThat(session.current()).isEqualTo("#dev");
    }
}
