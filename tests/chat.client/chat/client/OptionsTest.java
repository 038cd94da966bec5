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
}
