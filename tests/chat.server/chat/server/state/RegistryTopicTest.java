package chat.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.CaseMapping;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Channel topics in the registry: reading, setting, clearing, and who may. */
class RegistryTopicTest {

    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Registry registry = new Registry(CaseMapping.RFC1459, clock);

    private User user(String nick) {
        User s = new Link(new RecordingOutbound(), "10.0.0.1", clock.millis()).user();
        assertThat(registry.changeNick(s, nick).outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
        registry.settings().setUserName(s, "~" + nick, "Real " + nick);
        assertThat(registry.register(s)).isTrue();
        return s;
    }


    @Test
    void topicIsUnsetAtFirstAndReadableByMembersOnly() {
        User alice = user("alice");
        User eve = user("eve");
        registry.join(alice, "#a", true);

        assertThat(registry.channelDirectory().topic(alice, "#A")).isEqualTo(new ChannelDirectory.TopicView(Registry.ChannelOutcome.OK, "#a", null));
        assertThat(registry.channelDirectory().topic(eve, "#a").outcome()).isEqualTo(Registry.ChannelOutcome.NOT_ON_CHANNEL);
        assertThat(registry.channelDirectory().topic(eve, "#zz").outcome()).isEqualTo(Registry.ChannelOutcome.NO_SUCH_CHANNEL);
    }

    @Test
    void operatorSetsTopicWithSetterAndClockTime() {
        User alice = user("alice");
        User bob = user("bob");
        registry.join(alice, "#a", true);
        registry.join(bob, "#a", true);

        Registry.ChannelAction r = registry.setTopic(alice, "#a", "hello there");

        assertThat(r.outcome()).isEqualTo(Registry.ChannelOutcome.OK);
        assertThat(r.members()).containsExactly(alice, bob);
        Topic topic = registry.channelDirectory().topic(bob, "#a").topic();
        assertThat(topic).isEqualTo(new Topic("hello there", "alice!~alice@10.0.0.1", NOW.getEpochSecond()));
        assertThat(registry.join(user("carol"), "#a", true).topic()).isEqualTo(topic);
    }

    @Test
    void nonOperatorCannotSetTopic() {
        User alice = user("alice");
        User bob = user("bob");
        registry.join(alice, "#a", true);
        registry.join(bob, "#a", true);

        Registry.ChannelAction r = registry.setTopic(bob, "#a", "mine");

        assertThat(r.outcome()).isEqualTo(Registry.ChannelOutcome.NOT_OPERATOR);
        assertThat(r.members()).isEmpty();
        assertThat(registry.channelDirectory().topic(alice, "#a").topic()).isNull();
    }

    @Test
    void setTopicOnUnknownChannelOrNotOn() {
        User alice = user("alice");
        User eve = user("eve");
        registry.join(alice, "#a", true);

        assertThat(registry.setTopic(eve, "#a", "x").outcome()).isEqualTo(Registry.ChannelOutcome.NOT_ON_CHANNEL);
        assertThat(registry.setTopic(eve, "#b", "x").outcome()).isEqualTo(Registry.ChannelOutcome.NO_SUCH_CHANNEL);
    }

    @Test
    void emptyTopicClearsIt() {
        User alice = user("alice");
        registry.join(alice, "#a", true);
        registry.setTopic(alice, "#a", "something");

        assertThat(registry.setTopic(alice, "#a", "").outcome()).isEqualTo(Registry.ChannelOutcome.OK);
        assertThat(registry.channelDirectory().topic(alice, "#a").topic()).isNull();
    }
}
