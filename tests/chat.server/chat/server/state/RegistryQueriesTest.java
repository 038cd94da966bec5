package chat.server.state;

import chat.server.change.Identity;
import chat.server.change.ModeChange;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.CaseMapping;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's answers to WHO, WHOIS, WHOWAS and LUSERS, without sockets. */
class RegistryQueriesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
    private final Registry registry = new Registry(CaseMapping.RFC1459, CLOCK);

    private static final Outbound NOWHERE = new Outbound() {
        @Override
        public boolean send(byte[] lines) {
            return true;
        }

        @Override
        public void close(String reason) {
        }
    };

    private User user(String nick) {
        User s = new Link(NOWHERE, "127.0.0.1", CLOCK.millis()).user();
        registry.changeNick(s, nick);
        registry.settings().setUserName(s, "~" + nick, "Real " + nick);
        assertThat(registry.register(s)).isTrue();
        return s;
    }

    private static Channel channelOf(User s, String name) {
        return s.channels.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void invisibleUserIsHiddenFromWhoByMaskUntilAChannelIsShared() {
        User alice = user("alice");
        User bob = user("bob");
        registry.settings().changeModes(bob, "+i", null);
        assertThat(registry.directory().visibleUsers(alice)).containsExactly(alice);
        assertThat(registry.directory().visibleUsers(bob)).containsExactly(alice, bob);

        registry.join(alice, "#x", true);
        registry.join(bob, "#x", false);
        assertThat(registry.directory().visibleUsers(alice)).containsExactly(alice, bob);

        registry.part(bob, "#x");
        assertThat(registry.directory().visibleUsers(alice)).containsExactly(alice);
        registry.settings().oper(alice, null);
        assertThat(registry.directory().visibleUsers(alice)).containsExactly(alice, bob);
    }

    @Test
    void invisibleMemberIsHiddenFromWhoChannelOfNonMembersOnly() {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        registry.join(alice, "#x", true);
        registry.join(bob, "#x", false);
        registry.settings().changeModes(bob, "+i", null);

        UserDirectory.ChannelWho seenByCarol = registry.directory().whoChannel(carol, "#X");
        assertThat(seenByCarol.exists()).isTrue();
        assertThat(seenByCarol.channel()).isEqualTo("#x");
        assertThat(seenByCarol.members()).extracting(UserDirectory.Member::user).containsExactly(alice);

        UserDirectory.ChannelWho seenByAlice = registry.directory().whoChannel(alice, "#x");
        assertThat(seenByAlice.members()).extracting(UserDirectory.Member::user).containsExactly(alice, bob);
        assertThat(seenByAlice.members()).extracting(UserDirectory.Member::modes).containsExactly("@", "");

        assertThat(registry.directory().whoChannel(carol, "#nothing").exists()).isFalse();
    }

    @Test
    void secretChannelShowsNothingToNonMembersInWhoAndWhois() {
        User alice = user("alice");
        User carol = user("carol");
        registry.join(alice, "#open", true);
        registry.join(alice, "#hidden", true);
        channelOf(alice, "#hidden").modes().secret = true;

        assertThat(registry.directory().whoChannel(carol, "#hidden").members()).isEmpty();
        assertThat(registry.directory().whoChannel(alice, "#hidden").members()).hasSize(1);
        assertThat(registry.directory().whoisChannels(carol, alice)).containsExactly("@#open");
        assertThat(registry.directory().whoisChannels(alice, alice)).containsExactlyInAnyOrder("@#open", "@#hidden");

        registry.settings().oper(carol, null);
        assertThat(registry.directory().whoChannel(carol, "#hidden").members()).hasSize(1);
    }

    @Test
    void whowasRecordsNickChangesAndDeparturesOfRegisteredUsersOnly() {
        User alice = user("alice");
        registry.changeNick(alice, "alicia");
        registry.remove(alice, "bye");

        User unregistered = new Link(NOWHERE, "127.0.0.1", CLOCK.millis()).user();
        registry.changeNick(unregistered, "ghost");
        registry.changeNick(unregistered, "ghost2");
        registry.remove(unregistered, "bye");

        List<WhowasEntry> alices = registry.directory().whowas("ALICE", 0);
        assertThat(alices).hasSize(1);
        assertThat(alices.get(0).identity()).isEqualTo(new Identity("alice", "~alice", "127.0.0.1", "Real alice"));
        assertThat(alices.get(0).leftAtSeconds()).isEqualTo(1_700_000_000L);
        assertThat(registry.directory().whowas("alicia", 0)).hasSize(1);
        assertThat(registry.directory().whowas("ghost", 0)).isEmpty();
        assertThat(registry.directory().whowas("ghost2", 0)).isEmpty();
    }

    @Test
    void userCountsSeeInvisibleUsersOperatorsAndTheHighWaterMark() {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        registry.settings().changeModes(bob, "+i", null);
        registry.settings().oper(carol, null);
        registry.join(alice, "#x", true);
        registry.remove(carol, "bye");

        UserDirectory.UserCounts counts = registry.directory().userCounts();
        assertThat(counts).isEqualTo(new UserDirectory.UserCounts(2, 1, 0, 1, 3));
    }

    @Test
    void userCountsFollowEveryModeChangeRegistrationAndQuit() {
        User alice = user("alice");
        User bob = user("bob");
        registry.settings().changeModes(alice, "+i", null);
        registry.settings().changeModes(alice, "+i", null); // set already: counted once
        registry.settings().oper(alice, null);
        registry.settings().oper(bob, null);
        assertThat(registry.directory().userCounts()).isEqualTo(new UserDirectory.UserCounts(2, 1, 2, 0, 2));

        registry.settings().changeModes(bob, "+i-o", null);
        registry.settings().changeModes(alice, "-i", null);
        assertThat(registry.directory().userCounts()).isEqualTo(new UserDirectory.UserCounts(2, 1, 1, 0, 2));

        // Modes set before registration count from registration on; a user who leaves takes its modes along.
        User carol = new Link(NOWHERE, "127.0.0.1", CLOCK.millis()).user();
        registry.changeNick(carol, "carol");
        registry.settings().changeModes(carol, "+i", null);
        assertThat(registry.directory().userCounts().invisible()).isEqualTo(1);
        assertThat(registry.register(carol)).isTrue();
        assertThat(registry.directory().userCounts()).isEqualTo(new UserDirectory.UserCounts(3, 2, 1, 0, 3));
        registry.remove(bob, "bye");
        registry.remove(alice, "bye");
        registry.settings().changeModes(alice, "+i", null); // gone: no longer counted
        assertThat(registry.directory().userCounts()).isEqualTo(new UserDirectory.UserCounts(1, 1, 0, 0, 3));
    }
}
