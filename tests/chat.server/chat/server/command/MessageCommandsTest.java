package chat.server.command;

import static chat.server.command.TestServer.commands;
import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.ParseResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCommandsTest {

    private final TestServer server = new TestServer();
    private TestServer.Client alice;
    private TestServer.Client bob;
    private TestServer.Client carol;

    @BeforeEach
    void threeUsersInTheLobby() {
        alice = server.register("alice");
        bob = server.register("bob");
        carol = server.register("carol");
        alice.take();
        bob.take();
    }

    @Test
    void channelMessageReachesTheOtherMembersAndNotTheSender() {
        assertThat(alice.ask("PRIVMSG #lobby :hello all")).isEmpty();

        IrcMessage relayed = IrcMessage.from("alice!~alice@10.0.0.1", "PRIVMSG", "#lobby", "hello all");
        assertThat(bob.take()).containsExactly(relayed);
        assertThat(carol.take()).containsExactly(relayed);
    }

    @Test
    void channelMessageUsesTheChannelNameAsCreated() {
        alice.send("PRIVMSG #LOBBY :hi");

        assertThat(bob.take()).extracting(m -> m.param(0)).containsExactly("#lobby");
    }

    @Test
    void privateMessageReachesOnlyTheRecipient() {
        assertThat(alice.ask("PRIVMSG BOB :psst")).isEmpty();

        assertThat(bob.take()).containsExactly(IrcMessage.from("alice!~alice@10.0.0.1", "PRIVMSG", "bob", "psst"));
        assertThat(carol.take()).isEmpty();
    }

    @Test
    void severalTargetsEachGetItOnceAndUnknownOnesAre401() {
        List<IrcMessage> replies = alice.ask("PRIVMSG bob,carol,nobody :hi");

        assertThat(replies).containsExactly(IrcMessage.from("chat.local", "401", "alice", "nobody", "No such nick/channel"));
        assertThat(bob.take()).containsExactly(IrcMessage.from("alice!~alice@10.0.0.1", "PRIVMSG", "bob", "hi"));
        assertThat(carol.take()).containsExactly(IrcMessage.from("alice!~alice@10.0.0.1", "PRIVMSG", "carol", "hi"));
    }

    @Test
    void duplicateTargetsUnderTheCaseMappingGetItOnce() {
        assertThat(alice.ask("PRIVMSG bob,BOB,Bob,carol,#lobby,#LOBBY :hi")).isEmpty();

        assertThat(bob.take()).extracting(m -> m.param(0)).containsExactly("bob", "#lobby");
        assertThat(carol.take()).extracting(m -> m.param(0)).containsExactly("carol", "#lobby");
    }

    @Test
    void moreThanTenTargetsIs407AndNothingIsSent() {
        String targets = "bob,carol,n3,n4,n5,n6,n7,n8,n9,n10,n11";

        List<IrcMessage> replies = alice.ask("PRIVMSG " + targets + " :spam");

        assertThat(replies).singleElement().satisfies(m -> {
            assertThat(m.command()).isEqualTo("407");
            assertThat(m.params()).startsWith("alice", targets);
        });
        assertThat(bob.take()).isEmpty();
        assertThat(carol.take()).isEmpty();
    }

    @Test
    void tenTargetsAreAllowed() {
        List<IrcMessage> replies = alice.ask("PRIVMSG bob,carol,n3,n4,n5,n6,n7,n8,n9,n10 :hi");

        assertThat(commands(replies)).containsOnly("401").hasSize(8);
        assertThat(bob.take()).hasSize(1);
        assertThat(carol.take()).hasSize(1);
    }

    @Test
    void targetLimitCountsDistinctTargets() {
        String eleven = String.join(",", "bob", "BOB", "Bob", "bOb", "boB", "BOb", "bOB", "BoB", "bob", "BOB", "carol");

        assertThat(alice.ask("PRIVMSG " + eleven + " :hi")).isEmpty();
        assertThat(bob.take()).hasSize(1);
        assertThat(carol.take()).hasSize(1);
    }

    @Test
    void privmsgWithoutTargetIs411AndWithoutTextIs412() {
        assertThat(alice.ask("PRIVMSG")).containsExactly(
                IrcMessage.from("chat.local", "411", "alice", "No recipient given (PRIVMSG)"));
        assertThat(alice.ask("PRIVMSG bob")).containsExactly(IrcMessage.from("chat.local", "412", "alice", "No text to send"));
        assertThat(commands(alice.ask("PRIVMSG bob :"))).containsExactly("412");
        assertThat(bob.take()).isEmpty();
    }

    @Test
    void unknownChannelIs403AndChannelNotOnIs404() {
        bob.send("JOIN #private");
        bob.take();

        assertThat(alice.ask("PRIVMSG #nowhere :x"))
                .containsExactly(IrcMessage.from("chat.local", "403", "alice", "#nowhere", "No such channel"));
        assertThat(alice.ask("PRIVMSG #PRIVATE :x")).singleElement().satisfies(m -> {
            assertThat(m.command()).isEqualTo("404");
            assertThat(m.param(1)).isEqualTo("#private");
        });
        assertThat(bob.take()).isEmpty();
    }

    @Test
    void messageToOneselfArrives() {
        assertThat(alice.ask("PRIVMSG alice :note to self"))
                .containsExactly(IrcMessage.from("alice!~alice@10.0.0.1", "PRIVMSG", "alice", "note to self"));
    }

    @Test
    void unregisteredNickIsNoSuchNick() {
        server.connect().send("NICK ghost");

        assertThat(commands(alice.ask("PRIVMSG ghost :boo"))).containsExactly("401");
    }

    @Test
    void noticeIsRelayedLikePrivmsg() {
        alice.send("NOTICE #lobby :heads up");
        alice.send("NOTICE bob :just you");

        assertThat(bob.take()).containsExactly(
                IrcMessage.from("alice!~alice@10.0.0.1", "NOTICE", "#lobby", "heads up"),
                IrcMessage.from("alice!~alice@10.0.0.1", "NOTICE", "bob", "just you"));
        assertThat(carol.take()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "NOTICE nobody :x",
        "NOTICE #nowhere :x",
        "NOTICE #private :x",
        "NOTICE bob",
        "NOTICE bob :",
        "NOTICE",
        "NOTICE a,b,c,d,e,f,g,h,i,j,bob :x"})
    void noticeNeverGetsAnErrorReply(String line) {
        carol.send("JOIN #private");

        assertThat(alice.ask(line)).isEmpty();
        assertThat(bob.take()).isEmpty();
    }

    @Test
    void noticeToSeveralTargetsStillReachesTheKnownOnes() {
        assertThat(alice.ask("NOTICE nobody,bob :x")).isEmpty();

        assertThat(bob.take()).hasSize(1);
    }

    @Test
    void relayedLinesAreCutTo512Bytes() {
        String text = "w".repeat(510 - "PRIVMSG #lobby :".length());
        assertThat(LineParser.parse("PRIVMSG #lobby :" + text)).isInstanceOf(ParseResult.Parsed.class);

        alice.send("PRIVMSG #lobby :" + text);
        alice.send("PRIVMSG bob :" + text);

        List<byte[]> lines = bob.out.rawLines();
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l.length + 2).isEqualTo(LineParser.MAX_LINE_BYTES));
        List<IrcMessage> got = bob.take();
        assertThat(got).allSatisfy(m -> assertThat(text).startsWith(m.last()));
    }

    @Test
    void messageCountersCountLines() {
        long inBefore = server.stats.messagesIn();
        long outBefore = server.stats.messagesOut();

        alice.send("PRIVMSG #lobby :hi");
        alice.send("PRIVMSG nobody :hi");

        assertThat(server.stats.messagesIn() - inBefore).isEqualTo(2);
        // Two copies of the channel message and one 401.
        assertThat(server.stats.messagesOut() - outBefore).isEqualTo(3);
    }

    @Test
    void manyRecipientsEachGetOneCopy() {
        List<TestServer.Client> crowd = new ArrayList<>();
        for (int i = 0; i < 50; i++) crowd.add(server.register("u" + i));
        for (TestServer.Client c : crowd) c.take();
        alice.take();
        bob.take();

        alice.send("PRIVMSG #lobby :hello crowd");

        assertThat(crowd).allSatisfy(c -> assertThat(c.take()).hasSize(1));
        assertThat(bob.take()).hasSize(1);
        assertThat(alice.take()).isEmpty();
    }
}
