package chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator blocks, the data directory and REHASH's rules, as the command line and config file give them. */
class ConfigTest {

    static final String HASH = "pbkdf2-sha256$600000$nUtIvPwLTVzmNoc/Vb87iw$MQfWn3YUo0vjWJw5GKU1Dx0YZ7QcemxookKZgt4fUnA";

    @TempDir
    Path dir;

    private ServerConfig parseFile(String text, String... flags) throws Exception {
        Path file = dir.resolve("chat.conf");
        Files.writeString(file, text);
        String[] args = new String[flags.length + 2];
        args[0] = "--config";
        args[1] = file.toString();
        System.arraycopy(flags, 0, args, 2, flags.length);
        return Main.parse(args, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void operatorBlocksAndDataDirFromTheFile() throws Exception {
        ServerConfig c = parseFile("""
                oper.alice.password = %s
                oper.alice.hosts = *@127.0.0.1, *@::1
                oper.bob-2.password = %s
                data-dir = %s
                """.formatted(HASH, HASH, dir.resolve("d")));
        assertThat(c.operators()).containsOnlyKeys("alice", "bob-2");
        assertThat(c.operators().get("alice").hosts()).containsExactly("*@127.0.0.1", "*@::1");
        assertThat(c.operators().get("bob-2").hosts()).isEqualTo(OperatorBlock.ANY_HOST);
        assertThat(c.dataDir()).isEqualTo(dir.resolve("d"));
        assertThat(c.operators().get("alice").allows("~x", "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(c.operators().get("alice").allows("~x", "10.0.0.1")).isFalse();
        assertThat(c.operators().get("alice").toString()).doesNotContain("pbkdf2");
    }

    @Test
    void defaultsAndFlags() throws Exception {
        ServerConfig c = Main.parse(new String[] {"--data-dir", "/var/lib/chat"}, System.out);
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/chat"));
        assertThat(c.operators()).isEmpty();
        assertThat(ServerConfig.defaults().dataDir()).isEqualTo(Path.of("data"));
    }

    @Test
    void fileKeysMayKeepTheirDashesAndFlagsWin() throws Exception {
        ServerConfig c = parseFile("default-channel = #home\nmax-targets = 3\n", "--max-targets", "5");
        assertThat(c.defaultChannel()).isEqualTo("#home");
        assertThat(c.maxTargets()).isEqualTo(5);
    }

    @Test
    void operatorBlocksMayNameAnAccountWithOrWithoutAPassword() throws Exception {
        ServerConfig c = parseFile("oper.alice.account = Alice\noper.bob.password = %s\noper.bob.account = bob\n"
                .formatted(HASH));
        assertThat(c.operators().get("alice").account()).isEqualTo("Alice");
        assertThat(c.operators().get("alice").passwordHash()).isNull();
        assertThat(c.operators().get("bob").account()).isEqualTo("bob");
        assertThat(c.operators().get("bob").passwordHash()).isEqualTo(HASH);
        assertThat(parseFile("oper.carol.password = " + HASH + "\n").operators().get("carol").account()).isNull();
    }

    @Test
    void badOperatorBlocksAreRefusedWithoutShowingTheValue() {
        assertThatThrownBy(() -> parseFile("oper.alice.password = hunter2\n"))
                .hasMessageContaining("oper.alice.password").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> parseFile("oper.alice.hosts = *@*\n")).hasMessageContaining("oper.alice.password is missing");
        assertThatThrownBy(() -> parseFile("oper.alice.pass = x\n")).hasMessageContaining("unknown option: oper.alice.pass");
        assertThatThrownBy(() -> parseFile("oper.password = " + HASH + "\n")).hasMessageContaining("operator name");
        assertThatThrownBy(() -> parseFile("oper.a.b.password = " + HASH + "\n")).hasMessageContaining("operator name");
        assertThatThrownBy(() -> parseFile("oper.alice.password = %s\noper.alice.hosts = a@b@c\n".formatted(HASH)))
                .hasMessageContaining("oper.alice.hosts");
        String weak = "pbkdf2-sha256$1000$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertThatThrownBy(() -> parseFile("oper.alice.password = " + weak + "\n")).hasMessageContaining("at least 600000");
    }

    @Test
    void configSourceReadsTheFileAgain() throws Exception {
        Path file = dir.resolve("chat.conf");
        Files.writeString(file, "max-targets = 3\n");
        ConfigSource source = ConfigSource.ofArgs("--config", file.toString());
        assertThat(source.name()).isEqualTo(file.toString());
        assertThat(source.load().maxTargets()).isEqualTo(3);
        Files.writeString(file, "max-targets = 4\n");
        assertThat(source.load().maxTargets()).isEqualTo(4);
        assertThat(ConfigSource.ofArgs("--port", "1").name()).isEqualTo("(no config file)");
        assertThat(ConfigSource.ofArgs("--config=" + file).name()).isEqualTo(file.toString());
        assertThatThrownBy(() -> ConfigSource.ofArgs("--help").load()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reloadKeepsWhatCannotChangeWhileRunning() {
        ServerConfig running = ServerConfig.defaults();
        ServerConfig next = running.withPort(7000).withCaseMapping(chat.protocol.CaseMapping.ASCII)
                .withMotd(List.of("new")).withDataDir(Path.of("elsewhere"));
        assertThat(running.fixedSettingsChangedIn(next)).containsExactly("port", "casemapping", "data-dir");
        ServerConfig applied = running.keepingFixedSettings(next);
        assertThat(applied.port()).isEqualTo(running.port());
        assertThat(applied.caseMapping()).isEqualTo(running.caseMapping());
        assertThat(applied.dataDir()).isEqualTo(running.dataDir());
        assertThat(applied.motd()).containsExactly("new");
        assertThat(running.fixedSettingsChangedIn(applied)).isEmpty();
        assertThat(running.fixedSettingsChangedIn(running.withMotd(List.of()))).isEmpty();
    }

    @Test
    void hashPasswordPrintsAHashOfOneLine() throws Exception {
        char[] line = Main.readLine(new BufferedReader(new StringReader("pass word\nignored\n")));
        assertThat(line).containsExactly("pass word".toCharArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.printHash(line, new PrintStream(out), new PrintStream(err))).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("pbkdf2-sha256$600000$");
        assertThat(chat.server.auth.PasswordHash.verify("pass word".toCharArray(), hash)).isTrue();
        assertThat(line).containsOnly('\0');
        assertThat(Main.printHash(null, new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(Main.printHash(new char[0], new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no password given");
        assertThat(Main.readLine(new BufferedReader(new StringReader("")))).isNull();
    }
}
