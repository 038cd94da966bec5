package chat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IrcTest {

    private final List<String> heard = new ArrayList<>();

    private final Irc.Events events = new Irc.Events() {
        @Override
        public void registered(Client c) {
            heard.add("registered " + c.nick);
        }

        @Override
        public void joined(Client c) {
            heard.add("joined " + c.nick);
        }

        @Override
        public void message(Client c, byte[] buf, int start, int end) {
            heard.add("message " + new String(buf, start, end - start, StandardCharsets.US_ASCII));
        }

        @Override
        public void closed(Client c, String reason) {
            heard.add("closed " + c.nick);
        }
    };

    private void feed(Irc irc, Client c, String line) {
        // Surround the line with other bytes: the parser must keep to its slice.
        byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.US_ASCII);
        irc.line(c, b, 2, b.length - 2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ":b3!~b3@127.0.0.1 PRIVMSG #bench :3 17 99 the quick brown fox|3 17 99 the quick brown fox",
            ":b3!b3@127.0.0.1 PRIVMSG b4 :1 2 3|1 2 3",
            "PRIVMSG b4 single|single"})
    void aPrivmsgHandsOverItsText(String line, String text) throws IOException {
        try (EventLoop loop = new EventLoop()) {
            Irc irc = new Irc(loop, events);
            feed(irc, new Client(0, "b4"), line);
        }
        assertThat(heard).containsExactly("message " + text);
    }

    @Test
    void registrationEndsWithTheMotdAfterTheWelcome() throws IOException {
        try (EventLoop loop = new EventLoop()) {
            Irc irc = new Irc(loop, events);
            Client c = new Client(0, "c0");
            feed(irc, c, ":srv 376 * :End of MOTD"); // before 001: not yet
            feed(irc, c, ":srv 001 c0 :Welcome");
            feed(irc, c, ":srv 005 c0 NICKLEN=30 :are supported");
            feed(irc, c, ":srv 422 c0 :MOTD File is missing");
            feed(irc, c, ":srv 376 c0 :End of MOTD"); // once only
            feed(irc, c, ":srv 366 c0 #bench :End of /NAMES list.");
            assertThat(c.registered).isTrue();
        }
        assertThat(heard).containsExactly("registered c0", "joined c0");
    }

    @Test
    void withAnAutojoinChannelOnlyItsEndOfNamesMarksTheClientJoined() throws IOException {
        try (EventLoop loop = new EventLoop()) {
            Irc irc = new Irc(loop, events, "#lobby");
            Client c = new Client(7, "c7");
            feed(irc, c, ":srv 001 c7 :Welcome");
            feed(irc, c, ":srv 376 c7 :End of MOTD");
            feed(irc, c, ":c7!c7@127.0.0.1 JOIN #lobby");
            feed(irc, c, ":srv 353 c7 = #lobby :c7 c1 c2 c3");
            // Other clients joining after us, and another channel's end of NAMES: not ours.
            feed(irc, c, ":c8!c8@127.0.0.1 JOIN #lobby");
            feed(irc, c, ":c9!~c9@127.0.0.1 JOIN :#lobby");
            feed(irc, c, ":srv 366 c7 #lobbyx :End of /NAMES list.");
            feed(irc, c, ":srv 366 c7 #other :End of /NAMES list.");
            assertThat(c.joined).isFalse();
            assertThat(heard).containsExactly("registered c7");
            feed(irc, c, ":srv 366 c7 #Lobby :End of /NAMES list.");
            feed(irc, c, ":c10!c10@127.0.0.1 JOIN #lobby");
            feed(irc, c, ":srv 366 c7 #lobby :End of /NAMES list."); // once only
            assertThat(c.joined).isTrue();
        }
        assertThat(heard).containsExactly("registered c7", "joined c7");
    }
}
