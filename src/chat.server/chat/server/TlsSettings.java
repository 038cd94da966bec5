package chat.server;

import java.nio.file.Path;

/**
 * The TLS listener. With no certificate configured, a self-signed one for development is made at first
 * start (with the JDK's keytool) and kept in {@link #generatedKeyStore} (by default {@code tls/self-signed.p12}
 * in the data directory), 0600, its random password in a 0600 file beside it; a real deployment names its own.
 *
 * @param port              TLS port; -1 turns TLS off, 0 picks a free port
 * @param certificate       a PKCS#12 file (.p12/.pfx), or a PEM certificate chain; null for the generated one
 * @param privateKey        the PEM (PKCS#8) private key that goes with a PEM certificate; else null
 * @param password          the PKCS#12 password (may be empty)
 * @param generatedKeyStore where the development certificate is made and kept; null for the data directory's
 */
public record TlsSettings(int port, Path certificate, Path privateKey, String password, Path generatedKeyStore) {

    /** Default TLS port. */
    public static final int DEFAULT_PORT = 6697;
    /** Where the development certificate goes by default, inside the data directory. */
    public static final Path GENERATED_KEY_STORE = Path.of("tls", "self-signed.p12");

    public TlsSettings {
        if (port < -1 || port > 65535) throw new IllegalArgumentException("tls-port must be -1 (off) or 0..65535");
        if (certificate != null && privateKey == null && !isPkcs12(certificate)) {
            throw new IllegalArgumentException("a PEM certificate needs --tls-key with its private key");
        }
        if (password == null) password = "";
    }

    /** TLS on the default port with a generated development certificate. */
    public static TlsSettings defaults() {
        return new TlsSettings(DEFAULT_PORT, null, null, "", null);
    }

    /** No TLS listener. */
    public static TlsSettings off() {
        return new TlsSettings(-1, null, null, "", null);
    }

    public boolean enabled() {
        return port >= 0;
    }

    public TlsSettings withPort(int newPort) {
        return new TlsSettings(newPort, certificate, privateKey, password, generatedKeyStore);
    }

    /** Where the development certificate is kept for a server whose data directory is {@code dataDir}. */
    public Path generatedKeyStoreIn(Path dataDir) {
        return generatedKeyStore != null ? generatedKeyStore : dataDir.resolve(GENERATED_KEY_STORE);
    }

    public TlsSettings withGeneratedKeyStore(Path store) {
        return new TlsSettings(port, certificate, privateKey, password, store);
    }

    static boolean isPkcs12(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }
}
