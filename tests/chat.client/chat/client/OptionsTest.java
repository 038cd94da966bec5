package chat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.client.net.Transport;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void plainByDefaultOnPort12345() {
        Options o = Options.parse(new String[] {"--nick", "alice"});
        assertThat(o.transport()).isEqualTo(Transport.PLAIN);
        assertThat(o.port()).isEqualTo(12345);
    }

    @Test
    void tlsDefaultsToPort6697AndChecksCertificates() {
        Options o = Options.parse(new String[] {"--tls"});
        assertThat(o.transport()).isEqualTo(Transport.TLS);
        assertThat(o.port()).isEqualTo(6697);
    }

    @Test
    void insecureTlsKeepsAnExplicitPort() {
        Options o = Options.parse(new String[] {"--port=7000", "--tls", "--insecure"});
        assertThat(o.transport()).isEqualTo(Transport.TLS_INSECURE);
        assertThat(o.port()).isEqualTo(7000);
    }

    @Test
    void insecureWithoutTlsIsRefused() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--insecure"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls");
    }

    @Test
    void theConfigFileGivesDefaultsAndTheCommandLineWins() {
        java.util.Properties config = new java.util.Properties();
        config.setProperty("host", "irc.example.org");
        config.setProperty("tls", "true");
        config.setProperty("nick", "alice");
        config.setProperty("account", "alice");
        config.setProperty("bell", "yes");
        Options o = Options.parse(new String[] {"--nick", "bob"}, config);
        assertThat(o.host()).isEqualTo("irc.example.org");
        assertThat(o.transport()).isEqualTo(Transport.TLS);
        assertThat(o.port()).isEqualTo(6697);
        assertThat(o.nick()).isEqualTo("bob");
        assertThat(o.account()).isEqualTo("alice");
        assertThat(o.bell()).isTrue();
    }

    @Test
    void aConfigFileWithAnUnknownKeyOrABadFlagIsRefused() {
        java.util.Properties typo = new java.util.Properties();
        typo.setProperty("hots", "x");
        assertThatThrownBy(() -> Options.parse(new String[0], typo)).hasMessageContaining("hots");
        java.util.Properties bad = new java.util.Properties();
        bad.setProperty("tls", "maybe");
        assertThatThrownBy(() -> Options.parse(new String[0], bad)).hasMessageContaining("tls");
    }

    @Test
    void theConfigFileIsReadFromTheGivenPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("client.properties");
        java.nio.file.Files.writeString(file, "port=7000\nnick=carol\n");
        String[] args = {"--config", file.toString()};
        assertThat(Options.configFile(args)).isEqualTo(file);
        Options o = Options.parse(args, Options.load(file));
        assertThat(o.port()).isEqualTo(7000);
        assertThat(o.nick()).isEqualTo("carol");
    }

    @Test
    void helpListsEveryOption() {
        for (String option : new String[] {"--host", "--port", "--nick", "--tls", "--insecure", "--account", "--bell",
                "--plain", "--config", "--help"}) {
            assertThat(Options.USAGE).contains(option);
        }
    }
}
