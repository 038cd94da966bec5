package chat.e2e;

import static chat.e2e.ModeTest.join;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LIST with masks and member counts (ELIST=MU), and what +s and +i hide from LIST and NAMES. */
@Tag("Modern")
class ListTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    /** The 322 replies to a LIST (what came before its 321 is skipped), as "channel users topic". */
    private static List<String> list(TestClient client, String command) {
        client.send(command);
        List<IrcMessage> replies = client.drain().stream().dropWhile(m -> !m.command().equals("321")).toList();
        assertThat(replies).extracting(IrcMessage::command).startsWith("321").endsWith("323");
        return replies.stream().filter(m -> m.command().equals("322"))
                .map(m -> m.param(1) + " " + m.param(2) + " " + m.param(3)).toList();
    }

    @Test
    void listShowsEveryChannelWithItsMembersAndTopic() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        join(bob, "#dev");
        alice.send("TOPIC #dev :Release on Friday");
        alice.expect("TOPIC", "#dev");
        join(alice, "#ops");
        assertThat(list(bob, "LIST")).containsExactly("#dev 2 Release on Friday", "#lobby 2 ", "#ops 1 ");
    }

    @Test
    void masksAndMemberCountsFilterTheList() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#dev");
        join(bob, "#dev");
        join(alice, "#design");
        join(alice, "#ops");
        assertThat(list(bob, "LIST #D*")).containsExactly("#design 1 ", "#dev 2 ");
        assertThat(list(bob, "LIST #ops,#DEV")).containsExactly("#dev 2 ", "#ops 1 ");
        assertThat(list(bob, "LIST >1")).containsExactly("#dev 2 ", "#lobby 2 ");
        assertThat(list(bob, "LIST <2")).containsExactly("#design 1 ", "#ops 1 ");
        assertThat(list(bob, "LIST #d* >1")).containsExactly("#dev 2 ");
        assertThat(list(bob, "LIST #nothing*")).isEmpty();
    }

    @Test
    void secretChannelsAreHiddenFromNonMembers() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        join(alice, "#hideout");
        alice.send("MODE #hideout +s");
        alice.expect("MODE", "#hideout", "+s");
        assertThat(list(bob, "LIST")).containsExactly("#lobby 2 ");
        assertThat(list(alice, "LIST")).containsExactly("#hideout 1 ", "#lobby 2 ");
        bob.send("NAMES #hideout");
        assertThat(bob.drain()).extracting(IrcMessage::command).containsExactly("366");
        alice.send("NAMES #hideout");
        assertThat(alice.expect("353", "alice", "@", "#hideout").last()).isEqualTo("@alice");
        join(bob, "#hideout");
        assertThat(list(bob, "LIST")).containsExactly("#hideout 2 ", "#lobby 2 ");
    }

    @Test
    void invisibleUsersAreNeitherNamedNorCountedForNonMembers() {
        TestClient alice = server.connect("alice");
        TestClient bob = server.connect("bob");
        TestClient carol = server.connect("carol");
        join(alice, "#dev");
        join(bob, "#dev");
        bob.send("MODE bob +i");
        bob.expect("MODE", "bob", "+i");
        carol.send("NAMES #dev");
        assertThat(carol.expect("353", "carol", "=", "#dev").last()).isEqualTo("@alice");
        assertThat(list(carol, "LIST #dev")).containsExactly("#dev 1 ");
        alice.send("NAMES #dev");
        assertThat(alice.expect("353", "alice", "=", "#dev").last().split(" ")).containsExactlyInAnyOrder("@alice", "bob");
        assertThat(list(alice, "LIST #dev")).containsExactly("#dev 2 ");
    }
}
