package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The TLS listener with a generated development certificate: TLS and plain clients chat together. */
class TlsTest {

    @TempDir
    static Path certificates;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(c -> c.withTls(
            TlsSettings.defaults().withPort(0).withGeneratedKeyStore(certificates.resolve("dev.p12"))));

    private static SSLContext trustingEverything() throws GeneralSecurityException {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }

    @Test
    void tlsClientChatsWithAPlainClient() throws Exception {
        SSLSocket socket = (SSLSocket) trustingEverything().getSocketFactory()
                .createSocket("127.0.0.1", server.server().tlsPort());
        socket.startHandshake();
        assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        TestClient secure = server.track(new TestClient(socket)).register("secure");
        TestClient plain = server.connect("plain");
        secure.send("PRIVMSG #lobby :over TLS");
        plain.expect("PRIVMSG", "#lobby", "over TLS");
        plain.send("PRIVMSG secure :back in clear");
        secure.expect("PRIVMSG", "secure", "back in clear");
    }

    @Test
    void oldProtocolVersionsAreRefused() throws Exception {
        SSLSocket socket = (SSLSocket) trustingEverything().getSocketFactory()
                .createSocket("127.0.0.1", server.server().tlsPort());
        socket.setEnabledProtocols(new String[] {"TLSv1.1"});
        try (socket) {
            socket.startHandshake();
            throw new AssertionError("a TLS 1.1 handshake succeeded");
        } catch (IOException expected) {
            assertThat(expected).isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }

    @Test
    void opensslClientCanRegister() throws Exception {
        Process openssl = new ProcessBuilder("openssl", "s_client", "-quiet", "-connect",
                "127.0.0.1:" + server.server().tlsPort()).redirectErrorStream(true).start();
        try (OutputStream in = openssl.getOutputStream(); InputStream out = openssl.getInputStream()) {
            TestClient watcher = server.connect("watcher");
            in.write("NICK viassl\r\nUSER v 0 * :v\r\nPRIVMSG #lobby :hello from openssl\r\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            watcher.expect("PRIVMSG", "#lobby", "hello from openssl");
            in.write("QUIT :done\r\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            String transcript = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(transcript).contains(" 001 viassl ");
        } finally {
            openssl.waitFor(10, TimeUnit.SECONDS);
            openssl.destroy();
        }
    }

    @Test
    void bundledClientConnectsWithTlsAndInsecure() throws Exception {
        TestClient watcher = server.connect("watcher");
        java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
        int code = chat.client.Main.run(new String[] {"--port", Integer.toString(server.server().tlsPort()), "--tls",
                "--insecure", "--nick", "tlsuser"},
                new java.io.ByteArrayInputStream("over tls\n/quit\n".getBytes(StandardCharsets.UTF_8)),
                new java.io.PrintStream(screen, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(watcher.expect("PRIVMSG", "#lobby", "over tls").sourceNick()).isEqualTo("tlsuser");
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("warning: --insecure").contains("(TLS)");
    }

    @Test
    void bundledClientRefusesAnUntrustedCertificateWithoutInsecure() {
        java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
        int code = chat.client.Main.run(new String[] {"--port", Integer.toString(server.server().tlsPort()), "--tls",
                "--nick", "careful"}, new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintStream(screen, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        // #16: one line that says why and what to do, not PKIX's chain of causes.
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("cannot connect")
                .contains("certificate is not trusted").contains("--insecure").doesNotContain("PKIX");
    }
}
