package chat.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.CaseMapping;
import chat.server.change.Change;
import chat.server.change.Identity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** #9: every state change comes out of the registry as a typed change, delivered then heard by listeners. */
class RegistryChangesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    private final Registry registry = new Registry(CaseMapping.RFC1459, clock);
    private final List<String> order = new ArrayList<>();
    private final List<Change> heard = new ArrayList<>();
    private final List<Announcement> delivered = new ArrayList<>();

    RegistryChangesTest() {
        registry.deliverThrough((announcement, echo) -> {
            assertThat(registry.lock.isHeldByCurrentThread()).as("delivered under the lock").isFalse();
            delivered.add(announcement);
            order.add("deliver " + announcement.change().getClass().getSimpleName());
        });
        registry.addListener(change -> {
            assertThat(registry.lock.isHeldByCurrentThread()).as("heard under the lock").isFalse();
            heard.add(change);
            order.add("hear " + change.getClass().getSimpleName());
        });
    }

    private User user(String nick) {
        User u = new Link(new RecordingOutbound(), "10.0.0.1", clock.millis()).user();
        registry.changeNick(u, nick);
        registry.settings().setUserName(u, "~" + nick, "Real " + nick);
        assertThat(registry.register(u)).isTrue();
        return u;
    }

    @Test
    void joinTopicPartAndQuitComeOutAsTypedChangesWithTheirAudience() {
        User alice = user("alice");
        User bob = user("bob");
        Identity aliceBefore = alice.identity();
        heard.clear();
        delivered.clear();
        order.clear();

        registry.join(alice, "#a", true);
        registry.join(bob, "#A", true);
        registry.setTopic(alice, "#a", "hello");
        registry.part(bob, "#a", "later", null);
        registry.remove(alice, "Quit: bye");

        assertThat(heard).containsExactly(
                new Change.Joined(aliceBefore, null, "#a"),
                new Change.Joined(bob.identity(), null, "#a"),
                new Change.TopicSet(aliceBefore, "#a", "hello"),
                new Change.Parted(bob.identity(), "#a", "later"),
                new Change.Quit(aliceBefore, "Quit: bye"));
        assertThat(delivered.get(1).audience()).containsExactlyInAnyOrder(alice, bob);
        assertThat(delivered.get(3).audience()).as("a PART reaches the members before it").containsExactlyInAnyOrder(alice, bob);
        assertThat(delivered.get(4).audience()).as("a QUIT reaches the peers left").isEmpty();
        assertThat(order.subList(0, 2)).containsExactly("deliver Joined", "hear Joined");
    }

    @Test
    void userStateChangesAreTypedToo() {
        User alice = user("alice");
        heard.clear();

        registry.settings().setAway(alice, "lunch");
        registry.settings().changeModes(alice, "+iw", null);
        registry.settings().oper(alice, null);
        registry.settings().changeAccount(alice, "Alice");
        registry.changeNick(alice, "alicia");

        assertThat(heard).extracting(c -> c.getClass().getSimpleName()).containsExactly(
                "AwayChanged", "UserModesChanged", "UserModesChanged", "AccountChanged", "NickChanged");
        assertThat(heard.get(1)).isEqualTo(new Change.UserModesChanged(alice.identity().withNick("alice"), "+iw", false));
        assertThat(alice.awayMessage()).isEqualTo("lunch");
        assertThat(alice.userModes()).isEqualTo("iow");
        assertThat(alice.account()).isEqualTo("Alice");
    }

    @Test
    void applyRunsAChangeDecidedElsewhereThroughTheSamePath() {
        User alice = user("alice");
        User bob = user("bob");
        registry.join(alice, "#a", true);
        heard.clear();

        assertThat(registry.apply(new Change.Joined(bob.identity(), null, "#a"))).isTrue();
        assertThat(registry.apply(new Change.TopicSet(alice.identity(), "#a", "from afar"))).isTrue();
        assertThat(registry.apply(new Change.AwayChanged(bob.identity(), "gone"))).isTrue();
        assertThat(registry.apply(new Change.Joined(new Identity("nobody", "~n", "h", "N"), null, "#a")))
                .as("an unknown actor").isFalse();

        assertThat(registry.channelDirectory().channelsOf(bob)).containsExactly("#a");
        assertThat(registry.channelDirectory().topic(bob, "#a").topic().text()).isEqualTo("from afar");
        assertThat(bob.awayMessage()).isEqualTo("gone");
        assertThat(heard).hasSize(3);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<Change> second = new ArrayList<>();
        registry.addListener(change -> {
            throw new IllegalStateException("listener failure (expected by the test)");
        });
        registry.addListener(second::add);
        User alice = user("alice");

        registry.join(alice, "#a", true);

        assertThat(second).extracting(c -> c.getClass().getSimpleName()).containsExactly("Registered", "Joined");
    }
}
