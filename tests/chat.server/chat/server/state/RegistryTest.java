package chat.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.CaseMapping;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RegistryTest {

    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Registry registry = new Registry(CaseMapping.RFC1459, clock);

    private User session() {
        return new Link(new RecordingOutbound(), "10.0.0.1", clock.millis()).user();
    }

    private User user(String nick) {
        User s = session();
        assertThat(registry.changeNick(s, nick).outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
        registry.settings().setUserName(s, "~" + nick, "Real " + nick);
        assertThat(registry.register(s)).isTrue();
        return s;
    }

    /** NAMES as a client without multi-prefix sees them: highest prefix, then nick. */
    private static List<String> shown(NameList names) {
        return switch (names) {
            case NameList.Entries e -> shown(e.entries());
            case NameList.Text t -> t.length() == 0 ? List.of()
                    : List.of(new String(t.utf8(), 0, t.length(), StandardCharsets.UTF_8).split(" "));
        };
    }

    /** NAMES entries as a client without multi-prefix sees them: highest prefix, then nick. */
    private static List<String> shown(List<NameEntry> names) {
        return names.stream()
                .map(e -> (e.prefixes().isEmpty() ? "" : e.prefixes().substring(0, 1)) + e.identity().nick())
                .toList();
    }

    // --- nicknames ---

    @Test
    void firstNickIsClaimedWithoutAudienceBeforeRegistration() {
        User s = session();

        Registry.NickChange change = registry.changeNick(s, "alice");

        assertThat(change.outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
        assertThat(change.audience()).isEmpty();
        assertThat(s.nick()).isEqualTo("alice");
    }

    @Test
    void nickHeldByAnotherSessionIsRefusedUnderTheCaseMapping() {
        User alice = session();
        registry.changeNick(alice, "alice[1]");
        User other = session();

        assertThat(registry.changeNick(other, "ALICE{1}").outcome()).isEqualTo(Registry.NickOutcome.IN_USE);
        assertThat(registry.changeNick(other, "alice[1]").outcome()).isEqualTo(Registry.NickOutcome.IN_USE);
        assertThat(other.nick()).isNull();
        assertThat(alice.nick()).isEqualTo("alice[1]");
    }

    @Test
    void sameNickAgainIsUnchanged() {
        User s = user("alice");

        Registry.NickChange change = registry.changeNick(s, "alice");

        assertThat(change.outcome()).isEqualTo(Registry.NickOutcome.UNCHANGED);
        assertThat(change.audience()).isEmpty();
    }

    @Test
    void changingOnlyTheCaseOfOnesOwnNickIsAChangeAndKeepsItHeld() {
        User s = user("alice");

        Registry.NickChange change = registry.changeNick(s, "ALICE");

        assertThat(change.outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
        assertThat(change.oldPrefix()).isEqualTo("alice!~alice@10.0.0.1");
        assertThat(s.nick()).isEqualTo("ALICE");
        assertThat(registry.findNick("alice")).isSameAs(s);
        assertThat(registry.changeNick(session(), "alice").outcome()).isEqualTo(Registry.NickOutcome.IN_USE);
    }

    @Test
    void changingNickReleasesTheOldOne() {
        User s = user("alice");

        registry.changeNick(s, "alicia");

        assertThat(registry.findNick("alice")).isNull();
        assertThat(registry.findNick("ALICIA")).isSameAs(s);
        assertThat(registry.changeNick(session(), "alice").outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
    }

    @Test
    void nickChangeAudienceIsSelfAndEveryPeerOnce() {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        User loner = user("loner");
        registry.join(alice, "#a", true);
        registry.join(alice, "#b", true);
        registry.join(bob, "#a", true);
        registry.join(bob, "#b", true);
        registry.join(carol, "#b", true);
        registry.join(loner, "#c", true);

        Registry.NickChange change = registry.changeNick(alice, "alicia");

        assertThat(change.oldPrefix()).isEqualTo("alice!~alice@10.0.0.1");
        assertThat(change.audience()).containsExactlyInAnyOrder(alice, bob, carol);
        assertThat(shown(registry.channelDirectory().names(null, "#a").names())).containsExactly("@alicia", "bob");
    }

    // --- registration and lookup ---

    @Test
    void registerNeedsANick() {
        User s = session();

        assertThat(registry.register(s)).isFalse();
        assertThat(s.registered()).isFalse();
        assertThat(registry.counts().users()).isZero();
    }

    @Test
    void findNickSeesOnlyRegisteredSessions() {
        User s = session();
        registry.changeNick(s, "alice");

        assertThat(registry.findNick("alice")).isNull();

        assertThat(registry.register(s)).isTrue();
        assertThat(s.registered()).isTrue();
        assertThat(registry.findNick("ALICE")).isSameAs(s);
        assertThat(registry.counts()).isEqualTo(new Registry.Counts(1, 0));
        assertThat(registry.everyone()).containsExactly(s);
    }

    @Test
    void registerFailsOnceTheSessionWasRemoved() {
        User s = session();
        registry.changeNick(s, "alice");
        registry.remove(s, "bye");

        assertThat(registry.register(s)).isFalse();
        assertThat(registry.counts().users()).isZero();
    }

    @Test
    void removingAnUnregisteredSessionReleasesItsNick() {
        User s = session();
        registry.changeNick(s, "alice");

        assertThat(registry.remove(s, "bye")).isEmpty();
        assertThat(registry.changeNick(session(), "alice").outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
    }

    @Test
    void removedUnregisteredSessionCannotClaimANickAfterwards() {
        // The connection was closed (registration timeout, from the sweeper thread) while its reader thread was
        // still handling a NICK: remove() runs first, changeNick() second.
        User s = session();
        registry.changeNick(s, "first");
        registry.remove(s, "bye");

        registry.changeNick(s, "late");

        assertThat(registry.register(s)).as("a removed session registers").isFalse();
        assertThat(registry.counts().users()).isZero();
        assertThat(registry.changeNick(session(), "late").outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
    }

    @Test
    void removedSessionCannotJoinAChannelAfterwards() {
        // #12: a cluster node applies a JOIN from the log after the client's connection closed; on one server a
        // client dropped (SendQ exceeded) by another thread while its reader handles a JOIN.
        User alice = user("alice");
        User bob = user("bob");
        registry.join(bob, "#lobby", false);
        registry.remove(alice, "bye");

        assertThat(registry.join(alice, "#lobby", false).outcome()).isEqualTo(Registry.JoinOutcome.GONE);
        assertThat(registry.join(alice, "#new", true).outcome()).isEqualTo(Registry.JoinOutcome.GONE);

        assertThat(shown(registry.channelDirectory().names(null, "#lobby").names())).containsExactly("bob");
        assertThat(registry.counts()).isEqualTo(new Registry.Counts(1, 1));
        assertThat(alice.channels).isEmpty();
    }

    @Test
    void removedSessionCannotMonitorAfterwards() {
        // Dropped by another thread while its reader handles MONITOR +: its list, cleared at the drop, stays empty.
        User alice = user("alice");
        registry.remove(alice, "bye");
        registry.monitors().clear(alice);

        assertThat(registry.monitors().add(alice, List.of("bob", "carol"))).isEmpty();

        assertThat(registry.monitors().listOf(alice)).isEmpty();
        assertThat(registry.monitors().watchersOf("bob")).isEmpty();
        User dave = user("dave");
        registry.monitors().add(dave, List.of("bob"));
        assertThat(registry.monitors().watchersOf("bob")).containsExactly(dave);
    }

    @Test
    void removedRegisteredSessionCannotClaimANickAfterwards() {
        // Dropped (SendQ exceeded, from another client's fan-out) while its reader was handling a NICK.
        User alice = user("alice");
        registry.remove(alice, "bye");

        registry.changeNick(alice, "alicia");

        assertThat(registry.findNick("alicia")).isNull();
        assertThat(registry.changeNick(session(), "alicia").outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
    }

    @Test
    void everyoneListsRegisteredSessionsInOrder() {
        User a = user("a");
        User b = user("b");
        User pending = session();
        registry.changeNick(pending, "pending");
        User c = user("c");

        assertThat(registry.everyone()).containsExactly(a, b, c);
    }

    // --- channels ---

    @Test
    void firstJoinerCreatesTheChannelAndIsOperator() {
        User alice = user("alice");

        Registry.JoinResult r = registry.join(alice, "#Chat", true);

        assertThat(r.outcome()).isEqualTo(Registry.JoinOutcome.JOINED);
        assertThat(r.channel()).isEqualTo("#Chat");
        assertThat(r.members()).containsExactly(alice);
        assertThat(r.topic()).isNull();
        assertThat(shown(r.names())).containsExactly("@alice");
        assertThat(registry.counts()).isEqualTo(new Registry.Counts(1, 1));
        assertThat(alice.channels).singleElement()
                .satisfies(c -> assertThat(c.createdAtSeconds()).isEqualTo(NOW.getEpochSecond()));
    }

    @Test
    void creatorIsNoOperatorWhenNotAsked() {
        User alice = user("alice");

        assertThat(shown(registry.join(alice, "#lobby", false).names())).containsExactly("alice");
    }

    @Test
    void laterJoinersAreNotOperatorsAndSeeTheChannelAsCreated() {
        User alice = user("alice");
        User bob = user("bob");
        registry.join(alice, "#Chat[x]", true);

        Registry.JoinResult r = registry.join(bob, "#CHAT{X}", true);

        assertThat(r.outcome()).isEqualTo(Registry.JoinOutcome.JOINED);
        assertThat(r.channel()).isEqualTo("#Chat[x]");
        assertThat(r.members()).containsExactly(alice, bob);
        assertThat(shown(r.names())).containsExactly("@alice", "bob");
        assertThat(registry.counts().channels()).isEqualTo(1);
    }

    @Test
    void joiningTwiceIsAlreadyOn() {
        User alice = user("alice");
        registry.join(alice, "#a", true);

        Registry.JoinResult r = registry.join(alice, "#A", true);

        assertThat(r.outcome()).isEqualTo(Registry.JoinOutcome.ALREADY_ON);
        assertThat(r.members()).isEmpty();
        assertThat(shown(registry.channelDirectory().names(null, "#a").names())).containsExactly("@alice");
    }

    @Test
    void memberArrayHandedOutNeverChanges() {
        User alice = user("alice");
        User bob = user("bob");
        User[] before = registry.join(alice, "#a", true).members();

        registry.join(bob, "#a", true);
        registry.part(alice, "#a");

        assertThat(before).containsExactly(alice);
    }

    @Test
    void partReachesMembersBeforeThePartIncludingThePartingOne() {
        User alice = user("alice");
        User bob = user("bob");
        registry.join(alice, "#a", true);
        registry.join(bob, "#a", true);

        Registry.ChannelAction r = registry.part(bob, "#A");

        assertThat(r).extracting(Registry.ChannelAction::outcome, Registry.ChannelAction::channel)
                .containsExactly(Registry.ChannelOutcome.OK, "#a");
        assertThat(r.members()).containsExactly(alice, bob);
        assertThat(shown(registry.channelDirectory().names(null, "#a").names())).containsExactly("@alice");
        assertThat(registry.channelDirectory().channelsOf(bob)).isEmpty();
    }

    @Test
    void partOfAnUnknownChannelOrOneNotOn() {
        User alice = user("alice");
        User bob = user("bob");
        registry.join(alice, "#a", true);

        Registry.ChannelAction none = registry.part(bob, "#nowhere");
        Registry.ChannelAction notOn = registry.part(bob, "#A");

        assertThat(none.outcome()).isEqualTo(Registry.ChannelOutcome.NO_SUCH_CHANNEL);
        assertThat(none.channel()).isEqualTo("#nowhere");
        assertThat(notOn.outcome()).isEqualTo(Registry.ChannelOutcome.NOT_ON_CHANNEL);
        assertThat(notOn.channel()).isEqualTo("#a");
        assertThat(notOn.members()).isEmpty();
    }

    @Test
    void lastPartRemovesTheChannel() {
        User alice = user("alice");
        registry.join(alice, "#a", true);

        registry.part(alice, "#a");

        assertThat(registry.channelDirectory().names(null, "#a").exists()).isFalse();
        assertThat(registry.counts()).isEqualTo(new Registry.Counts(1, 0));
        // Recreated: the next joiner is its operator.
        User bob = user("bob");
        assertThat(shown(registry.join(bob, "#a", true).names())).containsExactly("@bob");
    }

    @Test
    void channelAudienceIsForMembersOnly() {
        User alice = user("alice");
        User bob = user("bob");
        User eve = user("eve");
        registry.join(alice, "#a", true);
        registry.join(bob, "#a", true);

        Registry.ChannelAction ok = registry.channelDirectory().channelAudience(alice, "#A");

        assertThat(ok.outcome()).isEqualTo(Registry.ChannelOutcome.OK);
        assertThat(ok.channel()).isEqualTo("#a");
        assertThat(ok.members()).containsExactly(alice, bob);
        assertThat(registry.channelDirectory().channelAudience(eve, "#a").outcome()).isEqualTo(Registry.ChannelOutcome.NOT_ON_CHANNEL);
        assertThat(registry.channelDirectory().channelAudience(eve, "#a").members()).isEmpty();
        assertThat(registry.channelDirectory().channelAudience(alice, "#b").outcome()).isEqualTo(Registry.ChannelOutcome.NO_SUCH_CHANNEL);
    }

    @Test
    void namesOfAnUnknownChannel() {
        ChannelDirectory.NamesView view = registry.channelDirectory().names(null, "#Nowhere");

        assertThat(view).isEqualTo(new ChannelDirectory.NamesView(false, "#Nowhere", List.of(), false));
    }

    @Test
    void channelsOfListsTheSessionsChannels() {
        User alice = user("alice");
        registry.join(alice, "#a", true);
        registry.join(alice, "#B", true);

        assertThat(registry.channelDirectory().channelsOf(alice)).containsExactlyInAnyOrder("#a", "#B");
    }

    // --- removal ---

    @Test
    void removeTellsEachPeerOnceAndCleansUp() {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        User dave = user("dave");
        registry.join(alice, "#a", true);
        registry.join(alice, "#b", true);
        registry.join(bob, "#a", true);
        registry.join(bob, "#b", true);
        registry.join(carol, "#b", true);
        registry.join(dave, "#d", true);

        User[] peers = registry.remove(alice, "bye");

        assertThat(peers).containsExactlyInAnyOrder(bob, carol);
        assertThat(registry.findNick("alice")).isNull();
        assertThat(shown(registry.channelDirectory().names(null, "#a").names())).containsExactly("bob");
        assertThat(shown(registry.channelDirectory().names(null, "#b").names())).containsExactly("bob", "carol");
        assertThat(registry.counts()).isEqualTo(new Registry.Counts(3, 3));
        assertThat(registry.everyone()).containsExactly(bob, carol, dave);
        assertThat(alice.channels).isEmpty();
    }

    @Test
    void removeTwiceTellsNobodyTheSecondTime() {
        User alice = user("alice");
        User bob = user("bob");
        registry.join(alice, "#a", true);
        registry.join(bob, "#a", true);

        assertThat(registry.remove(alice, "bye")).containsExactly(bob);
        assertThat(registry.remove(alice, "bye")).isEmpty();
    }

    @Test
    void removeDoesNotReleaseANickNowHeldBySomeoneElse() {
        User alice = user("alice");
        registry.changeNick(alice, "alicia");
        User other = user("alice");

        registry.remove(alice, "bye");

        assertThat(registry.findNick("alice")).isSameAs(other);
    }

    @Test
    void registryIsEmptyAfterEveryoneLeaves() {
        List<User> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            User s = user("u" + i);
            registry.join(s, "#common", true);
            registry.join(s, "#own" + i, true);
            all.add(s);
        }

        for (User s : all) registry.remove(s, "bye");

        assertThat(registry.counts()).isEqualTo(new Registry.Counts(0, 0));
        assertThat(registry.everyone()).isEmpty();
        assertThat(registry.channelDirectory().names(null, "#common").exists()).isFalse();
        for (int i = 0; i < 5; i++) {
            assertThat(registry.changeNick(session(), "u" + i).outcome()).isEqualTo(Registry.NickOutcome.CHANGED);
        }
    }

    @Test
    void racingClaimsForOneNickHaveOneWinner() throws Exception {
        int racers = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Registry.NickOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                User s = session();
                // Alternate the spelling so that case folding is raced too.
                String spelling = i % 2 == 0 ? "Racer" : "racer";
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return registry.changeNick(s, spelling).outcome();
                }));
            }
            go.countDown();
            List<Registry.NickOutcome> results = new ArrayList<>();
            for (Future<Registry.NickOutcome> f : outcomes) results.add(f.get(10, TimeUnit.SECONDS));

            assertThat(results).containsOnlyOnce(Registry.NickOutcome.CHANGED);
            assertThat(results).filteredOn(r -> r == Registry.NickOutcome.IN_USE).hasSize(racers - 1);
        }
    }
}
