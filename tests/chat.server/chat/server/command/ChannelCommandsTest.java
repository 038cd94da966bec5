package chat.server.command;

import static chat.server.command.TestServer.commands;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelCommandsTest {

    private static final String ALICE = "alice!~alice@10.0.0.1";
    private static final String BOB = "bob!~bob@10.0.0.2";

    private final TestServer server = new TestServer();
    private TestServer.Client alice;
    private TestServer.Client bob;

    @BeforeEach
    void twoUsers() {
        alice = server.register("alice");
        bob = server.register("bob");
        alice.take();
    }

    // --- JOIN ---

    @Test
    void firstJoinerOfANewChannelIsItsOperator() {
        List<IrcMessage> replies = alice.ask("JOIN #Dev");

        assertThat(replies).containsExactly(
                IrcMessage.from(ALICE, "JOIN", "#Dev"),
                IrcMessage.from("chat.local", "353", "alice", "=", "#Dev", "@alice"),
                IrcMessage.from("chat.local", "366", "alice", "#Dev", "End of /NAMES list"));
        assertThat(bob.take()).isEmpty();
    }

    @Test
    void laterJoinerIsAnnouncedToMembersAndSeesEveryone() {
        alice.send("JOIN #dev");
        alice.take();

        List<IrcMessage> replies = bob.ask("JOIN #DEV");

        assertThat(replies).containsExactly(
                IrcMessage.from(BOB, "JOIN", "#dev"),
                IrcMessage.from("chat.local", "353", "bob", "=", "#dev", "@alice bob"),
                IrcMessage.from("chat.local", "366", "bob", "#dev", "End of /NAMES list"));
        assertThat(alice.take()).containsExactly(IrcMessage.from(BOB, "JOIN", "#dev"));
    }

    @Test
    void joinerSeesTheTopicBetweenJoinAndNames() {
        alice.send("JOIN #dev");
        alice.send("TOPIC #dev :release on friday");

        List<IrcMessage> replies = bob.ask("JOIN #dev");

        assertThat(commands(replies)).containsExactly("JOIN", "332", "333", "353", "366");
        assertThat(replies.get(1).params()).containsExactly("bob", "#dev", "release on friday");
        assertThat(replies.get(2).params())
                .containsExactly("bob", "#dev", ALICE, Long.toString(TestServer.NOW.getEpochSecond()));
    }

    @Test
    void lobbyHasNoOperator() {
        assertThat(bob.ask("NAMES #lobby")).first().extracting(IrcMessage::last).isEqualTo("alice bob");
    }

    @Test
    void joinSeveralChannelsAtOnce() {
        List<IrcMessage> replies = alice.ask("JOIN #a,#b");

        assertThat(commands(replies)).containsExactly("JOIN", "353", "366", "JOIN", "353", "366");
        assertThat(server.registry.channelDirectory().channelsOf(alice.user)).containsExactlyInAnyOrder("#lobby", "#a", "#b");
    }

    @Test
    void joiningAChannelOneIsOnSaysNothing() {
        assertThat(alice.ask("JOIN #lobby")).isEmpty();
        assertThat(bob.take()).isEmpty();
    }

    @Test
    void invalidChannelNamesAre403AndTheValidOnesAreJoined() {
        String tooLong = "#" + "c".repeat(Names.CHANNELLEN);

        List<IrcMessage> replies = alice.ask("JOIN dev,#ok,#," + tooLong);

        // A name without '#' is no channel (403); one with '#' that breaks the rules is a bad mask (476).
        assertThat(replies).filteredOn(m -> m.command().equals("403")).extracting(m -> m.param(1))
                .containsExactly("dev");
        assertThat(replies).filteredOn(m -> m.command().equals("476")).extracting(m -> m.param(1))
                .containsExactly("#", tooLong);
        assertThat(server.registry.channelDirectory().channelsOf(alice.user)).containsExactlyInAnyOrder("#lobby", "#ok");
    }

    @Test
    void joinZeroPartsEveryChannel() {
        alice.send("JOIN #a");
        bob.send("JOIN #a");
        alice.take();
        bob.take();

        List<IrcMessage> replies = alice.ask("JOIN 0");

        assertThat(replies).containsExactlyInAnyOrder(
                IrcMessage.from(ALICE, "PART", "#lobby"),
                IrcMessage.from(ALICE, "PART", "#a"));
        assertThat(bob.take()).containsExactlyInAnyOrder(
                IrcMessage.from(ALICE, "PART", "#lobby"),
                IrcMessage.from(ALICE, "PART", "#a"));
        assertThat(server.registry.channelDirectory().channelsOf(alice.user)).isEmpty();
    }

    @Test
    void joinNeedsAParameter() {
        assertThat(alice.ask("JOIN"))
                .containsExactly(IrcMessage.from("chat.local", "461", "alice", "JOIN", "Not enough parameters"));
    }

    // --- PART ---

    @Test
    void partIsSeenByAllMembersIncludingThePartingOne() {
        List<IrcMessage> replies = bob.ask("PART #LOBBY :see you");

        IrcMessage part = IrcMessage.from(BOB, "PART", "#lobby", "see you");
        assertThat(replies).containsExactly(part);
        assertThat(alice.take()).containsExactly(part);
        assertThat(server.registry.channelDirectory().names(null, "#lobby").names()).extracting(e -> e.identity().nick()).containsExactly("alice");
    }

    @Test
    void partWithoutReasonHasNoReasonParameter() {
        assertThat(bob.ask("PART #lobby")).containsExactly(IrcMessage.from(BOB, "PART", "#lobby"));
    }

    @Test
    void partOfAnUnknownChannelIs403AndOfAChannelNotOnIs442() {
        alice.send("JOIN #a");

        assertThat(bob.ask("PART #nowhere"))
                .containsExactly(IrcMessage.from("chat.local", "403", "bob", "#nowhere", "No such channel"));
        assertThat(bob.ask("PART #A"))
                .containsExactly(IrcMessage.from("chat.local", "442", "bob", "#a", "You're not on that channel"));
    }

    @Test
    void lastPartRemovesTheChannel() {
        alice.send("JOIN #tmp");
        alice.send("PART #tmp");

        assertThat(server.registry.channelDirectory().names(null, "#tmp").exists()).isFalse();
        assertThat(bob.ask("JOIN #tmp").get(1).last()).isEqualTo("@bob");
    }

    // --- TOPIC ---

    @Test
    void noTopicIs331() {
        alice.send("JOIN #dev");

        assertThat(alice.ask("TOPIC #dev"))
                .containsExactly(IrcMessage.from("chat.local", "331", "alice", "#dev", "No topic is set"));
    }

    @Test
    void operatorSetsTopicAndMembersSeeIt() {
        alice.send("JOIN #dev");
        bob.send("JOIN #dev");
        alice.take();
        bob.take();

        List<IrcMessage> replies = alice.ask("TOPIC #dev :ship it");

        IrcMessage topic = IrcMessage.from(ALICE, "TOPIC", "#dev", "ship it");
        assertThat(replies).containsExactly(topic);
        assertThat(bob.take()).containsExactly(topic);
        assertThat(bob.ask("TOPIC #DEV")).containsExactly(
                IrcMessage.from("chat.local", "332", "bob", "#dev", "ship it"),
                IrcMessage.from("chat.local", "333", "bob", "#dev", ALICE, Long.toString(TestServer.NOW.getEpochSecond())));
    }

    @Test
    void nonOperatorCannotSetTopic() {
        alice.send("JOIN #dev");
        bob.send("JOIN #dev");
        alice.take();

        assertThat(bob.ask("TOPIC #dev :mine now"))
                .containsExactly(IrcMessage.from("chat.local", "482", "bob", "#dev", "You're not channel operator"));
        assertThat(alice.take()).isEmpty();
        assertThat(commands(bob.ask("TOPIC #dev"))).containsExactly("331");
    }

    @Test
    void nobodyIsOperatorOfTheLobby() {
        assertThat(commands(alice.ask("TOPIC #lobby :x"))).containsExactly("482");
    }

    @Test
    void topicOfAnUnknownChannelIs403AndOfAChannelNotOnIs442() {
        alice.send("JOIN #dev");

        assertThat(commands(bob.ask("TOPIC #nowhere"))).containsExactly("403");
        assertThat(commands(bob.ask("TOPIC #nowhere :x"))).containsExactly("403");
        assertThat(bob.ask("TOPIC #dev"))
                .containsExactly(IrcMessage.from("chat.local", "442", "bob", "#dev", "You're not on that channel"));
        assertThat(commands(bob.ask("TOPIC #dev :x"))).containsExactly("442");
    }

    @Test
    void emptyTopicClearsIt() {
        alice.send("JOIN #dev");
        alice.send("TOPIC #dev :something");

        assertThat(alice.ask("TOPIC #dev :")).containsExactly(IrcMessage.from(ALICE, "TOPIC", "#dev", ""));
        assertThat(commands(alice.ask("TOPIC #dev"))).containsExactly("331");
    }

    @Test
    void longTopicIsCutTo390BytesAtACharacterBoundary() {
        alice.send("JOIN #dev");
        String topic = "t" + "\u20ac".repeat(160); // 1 + 480 bytes

        String set = alice.ask("TOPIC #dev :" + topic).getFirst().last();

        assertThat(set.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeBetween(388, 390);
        assertThat(topic).startsWith(set);
        assertThat(alice.ask("TOPIC #dev").getFirst().last()).isEqualTo(set);
    }

    @Test
    void topicNeedsAParameter() {
        assertThat(commands(alice.ask("TOPIC"))).containsExactly("461");
    }

    // --- NAMES ---

    @Test
    void namesOfAChannel() {
        alice.send("JOIN #dev");

        assertThat(bob.ask("NAMES #dev")).containsExactly(
                IrcMessage.from("chat.local", "353", "bob", "=", "#dev", "@alice"),
                IrcMessage.from("chat.local", "366", "bob", "#dev", "End of /NAMES list"));
    }

    @Test
    void namesWithoutChannelOrOfAnUnknownOneIsJustTheEnd() {
        assertThat(alice.ask("NAMES"))
                .containsExactly(IrcMessage.from("chat.local", "366", "alice", "*", "End of /NAMES list"));
        assertThat(alice.ask("NAMES #nowhere"))
                .containsExactly(IrcMessage.from("chat.local", "366", "alice", "#nowhere", "End of /NAMES list"));
    }

    @Test
    void namesOfSeveralChannels() {
        alice.send("JOIN #dev");

        assertThat(commands(alice.ask("NAMES #lobby,#dev,#none"))).containsExactly("353", "353", "366");
    }

    @Test
    void namesSeeANickChange() {
        alice.send("NICK alicia");

        assertThat(bob.ask("NAMES #lobby").getFirst().last()).isEqualTo("alicia bob");
    }

    @Test
    void manyNamesAreSplitAcrossLinesThatEachFit() {
        List<String> expected = new ArrayList<>(List.of("alice", "bob"));
        for (int i = 0; i < 120; i++) {
            String nick = "member" + "x".repeat(20) + i;
            server.register(nick);
            expected.add(nick);
        }

        alice.out.clear();
        alice.send("NAMES #lobby");
        List<byte[]> raw = alice.out.rawLines();
        List<IrcMessage> replies = alice.take();

        assertThat(commands(replies).getLast()).isEqualTo("366");
        assertThat(commands(replies).subList(0, replies.size() - 1)).hasSizeGreaterThan(1).containsOnly("353");
        assertThat(namesIn(replies)).isEqualTo(expected);
        assertThat(raw).allSatisfy(l -> assertThat(l.length + 2).isLessThanOrEqualTo(LineParser.MAX_LINE_BYTES));
    }

    @Test
    void namesOfAChannelWithANonAsciiNameAreNotCut() {
        // 50 characters, the longest valid channel name, but 148 bytes in UTF-8.
        String channel = "#" + "\u20ac".repeat(Names.CHANNELLEN - 1);
        assertThat(Names.isValidChannel(channel)).isTrue();
        alice.send("JOIN " + channel);
        List<String> expected = new ArrayList<>(List.of("@alice"));
        for (int i = 0; i < 40; i++) {
            TestServer.Client c = server.register("user" + "0".repeat(5) + String.format("%02d", i));
            c.send("JOIN " + channel);
            expected.add(c.nick());
        }

        alice.out.clear();
        alice.send("NAMES " + channel);
        List<byte[]> raw = alice.out.rawLines();
        List<IrcMessage> replies = alice.take();

        assertThat(raw).allSatisfy(l -> assertThat(l.length + 2).isLessThanOrEqualTo(LineParser.MAX_LINE_BYTES));
        assertThat(namesIn(replies)).isEqualTo(expected);
    }

    @Test
    void aJoinerOfABigChannelGetsTheSame353LinesAsNamesGives() {
        // #17: a joiner's names come from the text the channel keeps, NAMES builds them member by member: the lines
        // must be the same, each as full as it can be, whatever the nicks' lengths, prefixes and later changes.
        alice.ask("JOIN #big");
        for (int i = 0; i < 150; i++) {
            TestServer.Client c = server.register("m" + "x".repeat(i % 25) + i);
            c.send("JOIN #big");
            if (i % 40 == 7) alice.send("MODE #big +v " + c.nick());
            if (i == 90) c.send("NICK renamed" + "y".repeat(20));
            if (i == 120) c.send("PART #big");
        }
        TestServer.Client joiner = server.register("z".repeat(25));

        joiner.out.clear();
        joiner.send("JOIN #big");
        List<byte[]> raw = joiner.out.rawLines();
        List<IrcMessage> onJoin = names353(joiner.take());
        List<IrcMessage> onNames = names353(joiner.ask("NAMES #big"));

        assertThat(onJoin).hasSizeGreaterThan(5).isEqualTo(onNames);
        assertThat(raw).allSatisfy(l -> assertThat(l.length + 2).isLessThanOrEqualTo(LineParser.MAX_LINE_BYTES));
        assertThat(namesIn(onJoin)).hasSize(151).contains("+m" + "x".repeat(7) + "7", "renamed" + "y".repeat(20))
                .doesNotContain("m" + "x".repeat(20) + "120");
    }

    private static List<IrcMessage> names353(List<IrcMessage> replies) {
        return replies.stream().filter(m -> m.command().equals("353")).toList();
    }

    private static List<String> namesIn(List<IrcMessage> replies) {
        return replies.stream().filter(m -> m.command().equals("353"))
                .flatMap(m -> Arrays.stream(m.last().split(" "))).toList();
    }
}
