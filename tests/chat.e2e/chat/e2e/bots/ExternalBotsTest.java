package chat.e2e.bots;

import static org.assertj.core.api.Assertions.assertThat;

import chat.e2e.ServerExtension;
import chat.e2e.TestClient;
import chat.protocol.IrcMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bots from outside: Limnoria (Debian's {@code limnoria}, installed by {@code make test} when missing) and the
 * example bot in {@code examples/}, each started as its own process against a real server, joining a channel,
 * marking itself {@code +B} and answering a command.
 */
@Tag("bots")
class ExternalBotsTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @TempDir
    Path dir;

    private Process bot;

    @AfterEach
    void stopBot() throws InterruptedException {
        if (bot == null) return;
        bot.destroy();
        if (!bot.waitFor(10, TimeUnit.SECONDS)) bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("bot.log").toFile()).start();
    }

    private String log() throws IOException {
        return Files.exists(dir.resolve("bot.log")) ? Files.readString(dir.resolve("bot.log")) : "(no log)";
    }

    /** Waits for {@code nick} to join {@code channel}, seen by {@code watcher}; says what the bot logged if not. */
    private void awaitJoin(TestClient watcher, String nick, String channel) throws IOException {
        try {
            IrcMessage join;
            do {
                join = watcher.expect("JOIN", channel);
            } while (!join.source().startsWith(nick + "!"));
        } catch (AssertionError e) {
            throw new AssertionError(nick + " did not join " + channel + "; its log:\n" + log(), e);
        }
    }

    @Test
    void limnoriaJoinsAndAnswers() throws IOException {
        Path supybot = Path.of("/usr/bin/supybot");
        assertThat(supybot).as("Limnoria (apt-get install limnoria; make test installs it)").isExecutable();
        TestClient tester = server.connect("tester");
        tester.send("JOIN #bots");
        tester.expect("JOIN", "#bots");
        Path conf = dir.resolve("limbo.conf");
        Files.writeString(conf, String.join("\n",
                "supybot.nick: Limbo",
                "supybot.ident: limbo",
                "supybot.user: Limnoria under test",
                "supybot.networks: chat",
                "supybot.networks.chat.servers: 127.0.0.1:" + server.port(),
                "supybot.networks.chat.channels: #bots",
                "supybot.networks.chat.ssl: False",
                "supybot.directories.conf: " + dir.resolve("conf"),
                "supybot.directories.data: " + dir.resolve("data"),
                "supybot.directories.data.tmp: " + dir.resolve("data/tmp"),
                "supybot.directories.data.web: " + dir.resolve("data/web"),
                "supybot.directories.backup: " + dir.resolve("backup"),
                "supybot.directories.log: " + dir.resolve("logs"),
                "supybot.directories.plugins: ",
                "supybot.plugins: Admin Channel Misc Owner User Utilities",
                "supybot.plugins.Admin: True",
                "supybot.plugins.Channel: True",
                "supybot.plugins.Misc: True",
                "supybot.plugins.Owner: True",
                "supybot.plugins.User: True",
                "supybot.plugins.Utilities: True",
                "supybot.reply.whenAddressedBy.chars: !",
                "supybot.log.stdout: True",
                ""));
        bot = start(List.of(supybot.toString(), "--allow-root", conf.toString()));
        awaitJoin(tester, "Limbo", "#bots");
        tester.send("PRIVMSG #bots :!echo hello from a real bot framework");
        IrcMessage answer = tester.expect("PRIVMSG", "#bots", "hello from a real bot framework");
        assertThat(answer.source()).startsWith("Limbo!");
        tester.send("WHOIS Limbo");
        tester.expect("335", "tester", "Limbo");
    }

    @Test
    void theExampleBotJoinsAndAnswers() throws IOException {
        Path script = Path.of("examples/remind_bot.py").toAbsolutePath();
        assertThat(script).exists();
        TestClient tester = server.connect("tester");
        tester.send("JOIN #bots");
        tester.expect("JOIN", "#bots");
        bot = start(List.of("python3", script.toString(), "--port", String.valueOf(server.port()), "--nick", "Remy",
                "--channels", "#bots"));
        awaitJoin(tester, "Remy", "#bots");
        tester.send("WHOIS Remy");
        tester.expect("335", "tester", "Remy");
        tester.send("PRIVMSG #bots :!remind 1s stretch your legs");
        assertThat(tester.expect("PRIVMSG", "#bots").last()).isEqualTo("tester: I will remind you in 1s.");
        assertThat(tester.expect("PRIVMSG", "#bots").last()).isEqualTo("tester: reminder: stretch your legs");
        tester.send("PRIVMSG #bots :!remind soon");
        assertThat(tester.expect("PRIVMSG", "#bots").last()).startsWith("tester: usage: !remind 10m text");
    }
}
