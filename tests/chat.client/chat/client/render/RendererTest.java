package chat.client.render;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.Numeric;
import chat.protocol.ParseResult;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RendererTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:01:30Z"), ZoneOffset.UTC);
    private static final View VIEW = new View("me", "#lobby", CaseMapping.RFC1459);

    private final Renderer renderer = new Renderer(CLOCK);

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of(":alice!a@h PRIVMSG #lobby :hi", "12:01 <alice> hi"),
                Arguments.of(":alice!a@h PRIVMSG #LOBBY :hi", "12:01 <alice> hi"),
                Arguments.of(":alice!a@h PRIVMSG #dev :hi", "12:01 [#dev] <alice> hi"),
                Arguments.of(":bob!b@h PRIVMSG me :psst", "12:01 [private] <bob> psst"),
                Arguments.of(":bob!b@h PRIVMSG ME :psst", "12:01 [private] <bob> psst"),
                Arguments.of(":bob!b@h PRIVMSG @#lobby :ops only", "12:01 [@#lobby] <bob> ops only"),
                Arguments.of(":alice!a@h PRIVMSG #lobby :\u0001ACTION waves\u0001", "12:01 * alice waves"),
                Arguments.of(":alice!a@h PRIVMSG #dev :\u0001ACTION waves\u0001", "12:01 [#dev] * alice waves"),
                Arguments.of(":bob!b@h PRIVMSG me :\u0001ACTION winks", "12:01 [private] * bob winks"),
                Arguments.of(":bob!b@h PRIVMSG me :\u0001VERSION\u0001", "12:01 [private] * bob sent a CTCP VERSION"),
                Arguments.of(":alice!a@h PRIVMSG #lobby :\u0002bold\u0002 \u000304,01red\u0003 \u001b[2Jx",
                        "12:01 <alice> bold red [2Jx"),
                Arguments.of(":bob!b@h NOTICE me :text", "12:01 -bob- text"),
                Arguments.of(":bob!b@h NOTICE #dev :text", "12:01 [#dev] -bob- text"),
                Arguments.of(":irc.example NOTICE * :*** Looking up your hostname",
                        "12:01 -irc.example- *** Looking up your hostname"),
                Arguments.of("NOTICE AUTH :hello", "12:01 -server- hello"),
                Arguments.of(":carol!c@h JOIN #lobby", "12:01 * carol joined #lobby"),
                Arguments.of(":me!m@h JOIN #dev", "12:01 * you joined #dev"),
                Arguments.of(":carol!c@h PART #lobby :see you", "12:01 * carol left #lobby (see you)"),
                Arguments.of(":carol!c@h PART #lobby", "12:01 * carol left #lobby"),
                Arguments.of(":dave!d@h QUIT :Ping timeout", "12:01 * dave quit (Ping timeout)"),
                Arguments.of(":dave!d@h QUIT", "12:01 * dave quit"),
                Arguments.of(":dave!d@h NICK dan", "12:01 * dave is now known as dan"),
                Arguments.of(":me!m@h NICK myself", "12:01 * you are now known as myself"),
                Arguments.of(":op!o@h KICK #lobby bob :spam", "12:01 * bob was kicked from #lobby by op (spam)"),
                Arguments.of(":op!o@h KICK #lobby me", "12:01 * you were kicked from #lobby by op"),
                Arguments.of(":alice!a@h TOPIC #lobby :new topic",
                        "12:01 * alice changed the topic of #lobby to: new topic"),
                Arguments.of(":alice!a@h TOPIC #lobby :", "12:01 * alice cleared the topic of #lobby"),
                Arguments.of(":alice!a@h INVITE me #dev", "12:01 * alice invites you to #dev (type /join #dev)"),
                Arguments.of(":alice!a@h INVITE bob #dev", "12:01 * alice invites bob to #dev"),
                Arguments.of(":srv 341 me bob #dev", "* you invited bob to #dev"),
                Arguments.of(":alice!a@h MODE #lobby +b bob!*@*", "12:01 * alice sets mode +b bob!*@* on #lobby"),
                Arguments.of(":alice!a@h MODE #lobby -q bob!*@*", "12:01 * alice sets mode -q bob!*@* on #lobby"),
                Arguments.of(":alice!a@h MODE #lobby +lk 10 key", "12:01 * alice sets mode +lk 10 key on #lobby"),
                Arguments.of(":srv MODE me :+o", "12:01 * your mode changed: +o"),
                Arguments.of(":me!m@h MODE ME -i", "12:01 * your mode changed: -i"),
                Arguments.of(":srv MODE #lobby", "12:01 * srv MODE #lobby"),
                Arguments.of(":srv 324 me #lobby +ntl 10", "* modes of #lobby: +ntl 10"),
                Arguments.of(":srv 329 me #lobby 1740830400", "* #lobby was created on 2025-03-01 12:00"),
                Arguments.of(":srv 221 me +iw", "* your modes: +iw"),
                Arguments.of(":srv 381 me :You are now an IRC operator", "* you are now an IRC operator"),
                Arguments.of(":srv 305 me :You are no longer marked as being away",
                        "* you are back (no longer marked as away)"),
                Arguments.of(":srv 306 me :You have been marked as being away",
                        "* you are marked as away (/away alone to come back)"),
                Arguments.of(":srv 301 me bob :gone fishing", "* bob is away: gone fishing"),
                Arguments.of(":srv 321 me Channel :Users  Name", ""),
                Arguments.of(":srv 322 me #dev 3 :all about dev", "#dev  3  all about dev"),
                Arguments.of(":srv 322 me #quiet 1 :", "#quiet  1"),
                Arguments.of(":srv 323 me :End of /LIST", "* no channels"),
                Arguments.of(":srv 352 me #lobby b host srv bob H@ :0 Bob Smith",
                        "* #lobby  bob  b@host  H@  Bob Smith"),
                Arguments.of(":srv 315 me b* :End of WHO list", "* no one matches b*"),
                Arguments.of(":srv 367 me #lobby bob!*@* alice!a@h 1740830400",
                        "* #lobby ban bob!*@* (set by alice on 2025-03-01 12:00)"),
                Arguments.of(":srv 367 me #lobby bob!*@*", "* #lobby ban bob!*@*"),
                Arguments.of(":srv 368 me #lobby :End of channel ban list", "* no bans on #lobby"),
                Arguments.of(":srv 728 me #lobby q bob!*@* alice 1740830400",
                        "* #lobby quiet bob!*@* (set by alice on 2025-03-01 12:00)"),
                Arguments.of(":srv 729 me #lobby q :End of channel quiet list", "* no quiets on #lobby"),
                Arguments.of(":srv 311 me bob", "* bob"),
                Arguments.of(":srv 482 me #lobby :You're not a channel operator",
                        "! #lobby: You're not a channel operator"),
                Arguments.of(":srv 481 me :Permission Denied- You're not an IRC operator",
                        "! Permission Denied- You're not an IRC operator"),
                Arguments.of(":op!o@h MODE #lobby +o bob", "12:01 * op sets mode +o bob on #lobby"),
                Arguments.of(":srv 332 me #lobby :all about chat", "* topic of #lobby: all about chat"),
                Arguments.of(":srv 331 me #lobby :No topic is set", "* no topic is set for #lobby"),
                Arguments.of(":srv 333 me #lobby alice!a@h 1740830400", "* topic of #lobby set by alice on 2025-03-01 12:00"),
                Arguments.of(":srv 001 me :Welcome to the chat, me", "* Welcome to the chat, me"),
                Arguments.of(":srv 002 me :Your host is srv", "* Your host is srv"),
                Arguments.of(":srv 004 me srv v1 io ov", ""),
                Arguments.of(":srv 005 me CASEMAPPING=ascii :are supported", ""),
                Arguments.of(":srv 254 me 2 :channels formed", "* 2 channels formed"),
                Arguments.of(":srv 375 me :- srv message of the day", "- srv message of the day"),
                Arguments.of(":srv 372 me :- be nice", "- be nice"),
                Arguments.of(":srv 376 me :End of MOTD", ""),
                Arguments.of(":srv 433 * alice :Nickname is already in use", "! alice: Nickname is already in use"),
                Arguments.of(":srv 403 me #nope :No such channel", "! #nope: No such channel"),
                Arguments.of(":srv 461 me PRIVMSG :Not enough parameters", "! PRIVMSG: Not enough parameters"),
                Arguments.of(":srv 451 * :You have not registered", "! You have not registered"),
                Arguments.of(":srv 421 me CAP :Unknown command", ""),
                Arguments.of(":srv 421 me FOO :Unknown command", "! FOO: Unknown command"),
                Arguments.of(":srv 501 me :Unknown MODE flag", "! Unknown MODE flag"),
                Arguments.of(":srv 999 me some :thing new", "* some thing new"),
                Arguments.of(":srv FAIL JOIN CHANNEL_FULL #dev :Channel is full",
                        "! #dev: Channel is full"),
                Arguments.of(":srv FAIL NICK NICKNAME_RESERVED :Reserved", "! Reserved"),
                Arguments.of("ERROR :Closing link: (Ping timeout)", "! server: Closing link: (Ping timeout)"),
                Arguments.of("PING :abc", ""),
                Arguments.of(":srv PONG srv :abc", ""),
                Arguments.of(":srv CAP * LS :", ""),
                Arguments.of(":oper!o@h WALLOPS :maintenance soon", "12:01 [wallops] <oper> maintenance soon"),
                Arguments.of(":srv WALLOPS :rehashing", "12:01 [wallops] <srv> rehashing"),
                Arguments.of(":alice!a@h AWAY :lunch", "12:01 * alice is away: lunch"),
                Arguments.of(":alice!a@h AWAY", "12:01 * alice is back"),
                Arguments.of(":alice!a@h PRIVMSG #lobby", "12:01 * alice PRIVMSG #lobby"),
                Arguments.of(":srv 730 me :bob!b@h,carol!c@h", "* online: bob, carol"),
                Arguments.of(":srv 731 me :dave", "* offline: dave"),
                Arguments.of(":srv 732 me :bob,dave", "* monitoring: bob, dave"),
                Arguments.of(":srv 733 me :End of MONITOR list", ""),
                Arguments.of(":srv 734 me 100 eve,fay :Monitor list is full",
                        "! monitor list is full (at most 100): eve,fay not added"),
                Arguments.of(":op!o@h REDACT #lobby abc :spam", "12:01 * op withdrew a message (spam)"),
                Arguments.of(":bob!b@h REDACT #dev abc", "12:01 * bob withdrew a message in #dev"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("lines")
    void renders(String wire, String shown) {
        List<String> expected = shown.isEmpty() ? List.of() : List.of(shown);
        assertThat(renderer.render(message(wire), VIEW)).isEqualTo(expected);
    }

    @Test
    void gathersNamesUntilTheEndOfTheList() {
        assertThat(renderer.render(message(":srv 353 me = #lobby :@alice bob"), VIEW)).isEmpty();
        assertThat(renderer.render(message(":srv 353 me = #dev :zed"), VIEW)).isEmpty();
        assertThat(renderer.render(message(":srv 353 me = #lobby :carol me"), VIEW)).isEmpty();
        assertThat(renderer.render(message(":srv 366 me #lobby :End of /NAMES list"), VIEW))
                .containsExactly("* users in #lobby: @alice bob carol me");
        assertThat(renderer.render(message(":srv 366 me #dev :End of /NAMES list"), VIEW))
                .containsExactly("* users in #dev: zed");
        assertThat(renderer.render(message(":srv 366 me #empty :End of /NAMES list"), VIEW))
                .containsExactly("* no users in #empty");
    }

    @Test
    void aMultilineBatchIsShownAsOneMessageWithItsLinesIndented() {
        List<String> shown = renderAll(
                ":alice!a@h BATCH +m1 draft/multiline #lobby",
                "@batch=m1 :alice!a@h PRIVMSG #lobby :first line",
                "@batch=m1 :alice!a@h PRIVMSG #lobby :second ",
                "@batch=m1;draft/multiline-concat :alice!a@h PRIVMSG #lobby :half",
                "@batch=m1 :alice!a@h PRIVMSG #lobby :",
                ":alice!a@h BATCH -m1");
        assertThat(shown).containsExactly("12:01 <alice> first line", "      | second half", "      | ");
    }

    @Test
    void whoisIsASmallBlock() {
        List<String> shown = renderAll(
                ":srv 311 me bob b host.example * :Bob Smith",
                ":srv 312 me bob chat.local :The chat server",
                ":srv 313 me bob :is an IRC operator",
                ":srv 301 me bob :lunch",
                ":srv 330 me bob bobby :is logged in as",
                ":srv 378 me bob :is connecting from *@host.example 127.0.0.1",
                ":srv 319 me bob :@#lobby #dev ",
                ":srv 317 me bob 3725 1740830400 :seconds idle, signon time",
                ":srv 318 me bob :End of /WHOIS list",
                ":srv 301 me bob :lunch");
        assertThat(shown).containsExactly(
                "* bob is b@host.example (Bob Smith)",
                "*   server: chat.local (The chat server)",
                "*   is an IRC operator",
                "*   away: lunch",
                "*   account: bobby",
                "*   is connecting from *@host.example 127.0.0.1",
                "*   channels: @#lobby #dev",
                "*   idle 1h 2m 5s, signed on 2025-03-01 12:00",
                "* bob is away: lunch");
    }

    @Test
    void whoisOfNobodyShowsTheErrorOnly() {
        assertThat(renderAll(":srv 401 me ghost :No such nick/channel", ":srv 318 me ghost :End of /WHOIS list"))
                .containsExactly("! ghost: No such nick/channel");
    }

    @Test
    void whoListsOneLinePerPersonThenHowMany() {
        assertThat(renderAll(
                ":srv 352 me #lobby a h1 srv alice H@ :0 Alice",
                ":srv 352 me #lobby b h2 srv bob G :3 Bob B",
                ":srv 315 me #lobby :End of WHO list",
                ":srv 315 me #lobby :End of WHO list")).containsExactly(
                "* #lobby  alice  a@h1  H@  Alice",
                "* #lobby  bob  b@h2  G  Bob B",
                "* 2 people matching #lobby",
                "* no one matches #lobby");
    }

    @Test
    void listShowsChannelSizeAndTopicThenHowMany() {
        assertThat(renderAll(
                ":srv 321 me Channel :Users  Name",
                ":srv 322 me #lobby 12 :welcome all",
                ":srv 322 me #dev 3 :",
                ":srv 323 me :End of /LIST")).containsExactly(
                "#lobby  12  welcome all",
                "#dev  3",
                "* 2 channels");
    }

    @Test
    void banAndQuietListsAreCountedPerChannel() {
        assertThat(renderAll(
                ":srv 367 me #lobby a!*@* op 1740830400",
                ":srv 728 me #lobby q q!*@* op 1740830400",
                ":srv 367 me #dev d!*@*",
                ":srv 367 me #lobby *!*@spam op 1740830400",
                ":srv 368 me #lobby :End of channel ban list",
                ":srv 729 me #lobby q :End of channel quiet list",
                ":srv 368 me #dev :End of channel ban list")).containsExactly(
                "* #lobby ban a!*@* (set by op on 2025-03-01 12:00)",
                "* #lobby quiet q!*@* (set by op on 2025-03-01 12:00)",
                "* #dev ban d!*@*",
                "* #lobby ban *!*@spam (set by op on 2025-03-01 12:00)",
                "* 2 bans on #lobby",
                "* 1 quiet on #lobby",
                "* 1 ban on #dev");
    }

    @Test
    void idleTimesReadAsDaysHoursMinutesSeconds() {
        assertThat(QueryReplies.duration("0")).isEqualTo("0s");
        assertThat(QueryReplies.duration("59")).isEqualTo("59s");
        assertThat(QueryReplies.duration("90061")).isEqualTo("1d 1h 1m 1s");
        assertThat(QueryReplies.duration("soon")).isEqualTo("soon");
    }

    @Test
    void numericNamesMatchTheTable() {
        assertThat(renderer.render(IrcMessage.from("srv", Numeric.ERR_NICKNAMEINUSE.code(), "*", "bob", "In use"), VIEW))
                .containsExactly("! bob: In use");
    }

    static Stream<Arguments> echoes() {
        return Stream.of(
                Arguments.of("PRIVMSG #lobby :hello there", "12:01 <me> hello there"),
                Arguments.of("PRIVMSG #dev :hello", "12:01 [#dev] <me> hello"),
                Arguments.of("PRIVMSG a,b :hi both", "12:01 [to a,b] <me> hi both"),
                Arguments.of("PRIVMSG #dev,bob :hi", "12:01 [to #dev,bob] <me> hi"),
                Arguments.of("PRIVMSG bob :psst", "12:01 [to bob] <me> psst"),
                Arguments.of("PRIVMSG #lobby :\u0001ACTION waves\u0001", "12:01 * me waves"),
                Arguments.of("JOIN #dev", ""),
                Arguments.of("NICK dan", ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("echoes")
    void echoesWhatWeSay(String wire, String shown) {
        assertThat(renderer.echo(message(wire), VIEW).orElse("")).isEqualTo(shown);
    }

    @Test
    void historyComesUnderAHeaderWithTheTimesItWasSaid() {
        assertThat(renderAll(
                ":srv BATCH +h1 chathistory #dev",
                "@batch=h1;time=2025-03-01T09:15:00.000Z :bob!b@h PRIVMSG #dev :morning",
                "@batch=h1;time=2025-02-27T18:00:00.000Z :me!m@h PRIVMSG #dev :old news",
                ":srv BATCH -h1")).containsExactly(
                "* history of #dev:",
                "09:15 <bob> morning",
                "2025-02-27 18:00 <me> old news");
    }

    @Test
    void aMultilineMessageInHistoryKeepsItsTimeUnderTheHeader() {
        assertThat(renderAll(
                ":srv BATCH +h2 chathistory #dev",
                "@batch=h2;time=2025-02-28T08:30:00.000Z;msgid=x1 :bob!b@h BATCH +m2 draft/multiline #dev",
                "@batch=m2 :bob!b@h PRIVMSG #dev :first",
                "@batch=m2 :bob!b@h PRIVMSG #dev :second",
                "@batch=h2 :bob!b@h BATCH -m2",
                "@batch=h2;time=2025-03-01T09:00:00.000Z :bob!b@h PRIVMSG #dev :after",
                ":srv BATCH -h2")).containsExactly(
                "* history of #dev:",
                "2025-02-28 08:30 <bob> first",
                "      | second",
                "09:00 <bob> after");
    }

    @Test
    void whatIsShownIsAboutTheWholeMultilineMessage() {
        assertThat(renderer.show(message(":bob!b@h BATCH +m3 draft/multiline me"), VIEW).message()).isNull();
        assertThat(renderer.show(message("@batch=m3 :bob!b@h PRIVMSG me :one"), VIEW).message()).isNull();
        assertThat(renderer.show(message("@batch=m3 :bob!b@h PRIVMSG me :two"), VIEW).message()).isNull();
        Renderer.Shown whole = renderer.show(message(":bob!b@h BATCH -m3"), VIEW);
        assertThat(whole.message()).isEqualTo(IrcMessage.from("bob!b@h", "PRIVMSG", "me", "one\ntwo"));
        assertThat(whole.lines()).hasSize(2);
        IrcMessage plain = message(":bob!b@h PRIVMSG #lobby :hi");
        assertThat(renderer.show(plain, VIEW).message()).isEqualTo(plain);
    }

    @Test
    void anEmptyHistorySaysSo() {
        assertThat(renderAll(":srv BATCH +e chathistory #quiet", ":srv BATCH -e",
                ":srv BATCH +p chathistory bob", ":srv BATCH -p")).containsExactly(
                "* no history of #quiet", "* no history with bob");
    }

    @Test
    void aLiveMessageCarriesTheServersTime() {
        assertThat(renderAll("@time=2025-03-01T11:59:00.000Z :alice!a@h PRIVMSG #lobby :hi"))
                .containsExactly("11:59 <alice> hi");
    }

    @Test
    void accountAndLoginRepliesAreSentencesNotProtocol() {
        assertThat(renderAll(
                ":srv REGISTER SUCCESS me :Account created",
                "AUTHENTICATE +",
                ":srv 900 me me!m@h me :You are now logged in as me",
                ":srv 903 me :SASL authentication successful",
                ":srv 904 me :SASL authentication failed",
                ":srv FAIL CHATHISTORY INVALID_TARGET LATEST bob :Messages could not be retrieved")).containsExactly(
                "* the account me is registered; you are logged in to it",
                "* You are now logged in as me",
                "! cannot log in: SASL authentication failed",
                "! cannot show the history of bob: Messages could not be retrieved");
    }

    @Test
    void aPrivateChatThatIsCurrentShowsNoPrefix() {
        View withBob = new View("me", "bob", CaseMapping.RFC1459);
        assertThat(renderer.render(message(":bob!b@h PRIVMSG me :psst"), withBob)).containsExactly("12:01 <bob> psst");
        assertThat(renderer.echo(message("PRIVMSG bob :back"), withBob)).contains("12:01 <me> back");
    }

    @Test
    void timeIsLocalToTheClockZone() {
        Renderer tokyo = new Renderer(CLOCK.withZone(ZoneOffset.ofHours(9)));
        assertThat(tokyo.render(message(":alice!a@h PRIVMSG #lobby :hi"), VIEW)).containsExactly("21:01 <alice> hi");
    }

    private List<String> renderAll(String... wires) {
        return Stream.of(wires).flatMap(w -> renderer.render(message(w), VIEW).stream()).toList();
    }

    private static IrcMessage message(String wire) {
        return switch (LineParser.parse(wire)) {
            case ParseResult.Parsed parsed -> parsed.message();
            case ParseResult.Rejected rejected -> throw new AssertionError(wire + ": " + rejected);
        };
    }
}
