package chat.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.Capability;
import chat.protocol.CaseMapping;
import chat.server.change.ModeChange;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** #17: the NAMES text a channel keeps for its joiners follows every change of its members. */
class ChannelNamesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    private final Registry registry = new Registry(CaseMapping.RFC1459, clock);

    private User user(String nick, Capability... capabilities) {
        Link link = new Link(new RecordingOutbound(), "10.0.0.1", clock.millis());
        int bits = 0;
        for (Capability c : capabilities) bits |= c.bit();
        link.setCapabilityBits(bits);
        User u = link.user();
        registry.changeNick(u, nick);
        registry.settings().setUserName(u, "~" + nick, "Real " + nick);
        registry.register(u);
        return u;
    }

    private static String text(NameList names) {
        assertThat(names).isInstanceOf(NameList.Text.class);
        NameList.Text t = (NameList.Text) names;
        return new String(t.utf8(), 0, t.length(), StandardCharsets.UTF_8);
    }

    private String joined(User u) {
        return text(registry.join(u, "#lobby", true).names());
    }

    @Test
    void eachJoinerSeesEveryoneBeforeItAndItself() {
        assertThat(joined(user("alice"))).isEqualTo("@alice");
        assertThat(joined(user("bob"))).isEqualTo("@alice bob");
        assertThat(joined(user("carol"))).isEqualTo("@alice bob carol");
    }

    @Test
    void whatAJoinerWasGivenStaysAsItWasWhileOthersJoin() {
        joined(user("alice"));
        NameList bobs = registry.join(user("bob"), "#lobby", true).names();
        for (int i = 0; i < 50; i++) joined(user("user" + i));

        assertThat(text(bobs)).isEqualTo("@alice bob");
    }

    @Test
    void aNewNickIsShownToTheNextJoiner() {
        joined(user("alice"));
        User bob = user("bob");
        joined(bob);

        registry.changeNick(bob, "robert");

        assertThat(joined(user("carol"))).isEqualTo("@alice robert carol");
    }

    @Test
    void aMemberWhoLeftIsNotShown() {
        User alice = user("alice");
        joined(alice);
        joined(user("bob"));

        registry.part(alice, "#lobby");

        assertThat(joined(user("carol"))).isEqualTo("bob carol");
    }

    @Test
    void membersRemovedTogetherAreNotShown() {
        joined(user("alice"));
        User bob = user("bob");
        joined(bob);
        User carol = user("carol");
        joined(carol);

        registry.removeAll(List.of(bob, carol), "Server shutting down");

        assertThat(joined(user("dave"))).isEqualTo("@alice dave");
    }

    @Test
    void prefixesAreShownAsEachJoinerAsks() {
        User alice = user("alice");
        joined(alice);
        User bob = user("bob");
        joined(bob);
        registry.moderation().changeModes(alice, "#lobby",
                List.of(new ModeChange(true, 'o', "bob"), new ModeChange(true, 'v', "bob")));

        assertThat(joined(user("carol"))).isEqualTo("@alice @bob carol");
        assertThat(joined(user("dave", Capability.MULTI_PREFIX))).isEqualTo("@alice @+bob carol dave");
        assertThat(joined(user("erin"))).isEqualTo("@alice @bob carol dave erin");
    }

    @Test
    void userhostInNamesGetsEachMembersEntry() {
        joined(user("alice"));

        NameList names = registry.join(user("bob", Capability.USERHOST_IN_NAMES), "#lobby", true).names();

        assertThat(names).isInstanceOfSatisfying(NameList.Entries.class, e -> assertThat(e.entries())
                .extracting(n -> n.identity().prefix()).containsExactly("alice!~alice@10.0.0.1", "bob!~bob@10.0.0.1"));
    }
}
