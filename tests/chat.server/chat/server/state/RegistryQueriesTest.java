package chat.server.state;

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

    private Session user(String nick) {
        Session s = new Session(NOWHERE, "127.0.0.1", CLOCK.millis());
        registry.changeNick(s, nick);
        s.setUser("~" + nick, "Real " + nick);
        assertThat(registry.register(s)).isTrue();
        return s;
    }

    private static Channel channelOf(Session s, String name) {
        return s.channels.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void invisibleUserIsHiddenFromWhoByMaskUntilAChannelIsShared() {
        Session alice = user("alice");
        Session bob = user("bob");
        bob.setInvisible(true);
        assertThat(registry.directory().visibleUsers(alice)).containsExactly(alice);
        assertThat(registry.directory().visibleUsers(bob)).containsExactly(alice, bob);

        registry.join(alice, "#x", true);
        registry.join(bob, "#x", false);
        assertThat(registry.directory().visibleUsers(alice)).containsExactly(alice, bob);

        registry.part(bob, "#x");
        assertThat(registry.directory().visibleUsers(alice)).containsExactly(alice);
        alice.setOperator(true);
        assertThat(registry.directory().visibleUsers(alice)).containsExactly(alice, bob);
    }

    @Test
    void invisibleMemberIsHiddenFromWhoChannelOfNonMembersOnly() {
        Session alice = user("alice");
        Session bob = user("bob");
        Session carol = user("carol");
        registry.join(alice, "#x", true);
        registry.join(bob, "#x", false);
        bob.setInvisible(true);

        UserDirectory.ChannelWho seenByCarol = registry.directory().whoChannel(carol, "#X");
        assertThat(seenByCarol.exists()).isTrue();
        assertThat(seenByCarol.channel()).isEqualTo("#x");
        assertThat(seenByCarol.members()).extracting(UserDirectory.Member::session).containsExactly(alice);

        UserDirectory.ChannelWho seenByAlice = registry.directory().whoChannel(alice, "#x");
        assertThat(seenByAlice.members()).extracting(UserDirectory.Member::session).containsExactly(alice, bob);
        assertThat(seenByAlice.members()).extracting(UserDirectory.Member::modes).containsExactly("@", "");

        assertThat(registry.directory().whoChannel(carol, "#nothing").exists()).isFalse();
    }

    @Test
    void secretChannelShowsNothingToNonMembersInWhoAndWhois() {
        Session alice = user("alice");
        Session carol = user("carol");
        registry.join(alice, "#open", true);
        registry.join(alice, "#hidden", true);
        channelOf(alice, "#hidden").modes().secret = true;

        assertThat(registry.directory().whoChannel(carol, "#hidden").members()).isEmpty();
        assertThat(registry.directory().whoChannel(alice, "#hidden").members()).hasSize(1);
        assertThat(registry.directory().whoisChannels(carol, alice)).containsExactly("@#open");
        assertThat(registry.directory().whoisChannels(alice, alice)).containsExactlyInAnyOrder("@#open", "@#hidden");

        carol.setOperator(true);
        assertThat(registry.directory().whoChannel(carol, "#hidden").members()).hasSize(1);
    }

    @Test
    void whowasRecordsNickChangesAndDeparturesOfRegisteredUsersOnly() {
        Session alice = user("alice");
        registry.changeNick(alice, "alicia");
        registry.remove(alice);

        Session unregistered = new Session(NOWHERE, "127.0.0.1", CLOCK.millis());
        registry.changeNick(unregistered, "ghost");
        registry.changeNick(unregistered, "ghost2");
        registry.remove(unregistered);

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
        Session alice = user("alice");
        Session bob = user("bob");
        Session carol = user("carol");
        bob.setInvisible(true);
        carol.setOperator(true);
        registry.join(alice, "#x", true);
        registry.remove(carol);

        UserDirectory.UserCounts counts = registry.directory().userCounts();
        assertThat(counts).isEqualTo(new UserDirectory.UserCounts(2, 1, 0, 1, 3));
    }
}
