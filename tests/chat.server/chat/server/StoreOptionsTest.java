package chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreOptionsTest {

    private static ServerConfig parse(String... args) throws IOException {
        return Main.parse(args, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void defaultsAreTheDocumentedOnes() throws IOException {
        StoreConfig s = parse().store();
        assertThat(s.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(s.historyEnabled()).isTrue();
        assertThat(s.syncEveryCommit()).isTrue();
        assertThat(s.passwordIterations()).isEqualTo(600_000);
        assertThat(s.historyMaxAge()).isEqualTo(Duration.ofDays(90));
        assertThat(s.joinReplayLines()).isEqualTo(20);
        assertThat(s.replayDefaultChannel()).isFalse();
        assertThat(s.nickEnforcement()).isEqualTo(StoreConfig.NickEnforcement.GUEST);
    }

    @Test
    void everyStoreOptionIsRead() throws IOException {
        StoreConfig s = parse("--data-dir", "/tmp/x", "--history", "off", "--history-max-age", "7",
                "--history-max-per-target", "50", "--join-replay", "0", "--join-replay-default-channel", "on",
                "--store-sync", "normal", "--password-iterations", "4096", "--nick-claim-timeout", "5",
                "--nick-enforcement", "refuse", "--registration", "off").store();
        assertThat(s.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(s.history()).isFalse();
        assertThat(s.historyMaxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(s.historyMaxPerTarget()).isEqualTo(50);
        assertThat(s.joinReplayLines()).isZero();
        assertThat(s.replayDefaultChannel()).isTrue();
        assertThat(s.syncEveryCommit()).isFalse();
        assertThat(s.passwordIterations()).isEqualTo(4096);
        assertThat(s.nickClaimTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.nickEnforcement()).isEqualTo(StoreConfig.NickEnforcement.REFUSE);
        assertThat(s.registrationOpen()).isFalse();
        assertThat(parse("--data-dir", "none").store().enabled()).isFalse();
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> parse("--password-iterations", "1000")).hasMessageContaining("at least 4096");
        assertThatThrownBy(() -> parse("--history", "maybe")).hasMessageContaining("on or off");
        assertThatThrownBy(() -> parse("--store-sync", "sometimes")).hasMessageContaining("full or normal");
        assertThatThrownBy(() -> parse("--nick-enforcement", "kill")).hasMessageContaining("guest, refuse or none");
        assertThatThrownBy(() -> parse("--join-replay", "-1")).hasMessageContaining("must not be negative");
    }
}
