package chat.server.net;

import chat.server.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Builds the server's {@link SSLContext} from PKCS#12 or PEM files, making a development certificate if needed. */
public final class TlsContexts {

    private static final System.Logger LOG = System.getLogger("chat.server");

    private TlsContexts() {
    }

    /** The context for these settings; generates the development certificate when none is configured. */
    public static SSLContext load(TlsSettings tls) throws IOException, GeneralSecurityException {
        KeyStore store;
        char[] password;
        if (tls.certificate() == null) {
            Path generated = tls.generatedKeyStore();
            if (!Files.exists(generated)) generateSelfSigned(generated);
            password = TlsSettings.GENERATED_PASSWORD.toCharArray();
            store = loadPkcs12(generated, password);
        } else if (tls.privateKey() == null) {
            password = tls.password().toCharArray();
            store = loadPkcs12(tls.certificate(), password);
        } else {
            password = new char[0];
            store = loadPem(tls.certificate(), tls.privateKey(), password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /**
     * Makes a self-signed certificate for localhost with the JDK's keytool, in a PKCS#12 file. For
     * development only: clients must be told to accept it (the bundled client's --insecure).
     */
    public static void generateSelfSigned(Path keyStore) throws IOException {
        Path parent = keyStore.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path partial = parent.resolve(keyStore.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "chat", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-validity", "825", "-storetype", "PKCS12", "-keystore", partial.toString(),
                "-storepass", TlsSettings.GENERATED_PASSWORD, "-keypass", TlsSettings.GENERATED_PASSWORD);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed to make a development certificate: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a development certificate", e);
        }
        Files.move(partial, keyStore, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.log(Level.WARNING, "made a self-signed development certificate in " + keyStore
                + "; clients must be told to trust it (chat-client --tls --insecure)");
    }

    private static KeyStore loadPkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static KeyStore loadPem(Path certificates, Path key, char[] password)
            throws IOException, GeneralSecurityException {
        List<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certificates)) {
            chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        if (chain.isEmpty()) throw new GeneralSecurityException("no certificate in " + certificates);
        String pem = Files.readString(key, StandardCharsets.US_ASCII);
        if (!pem.contains("BEGIN PRIVATE KEY")) {
            throw new GeneralSecurityException(key + " must hold an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); "
                    + "convert with: openssl pkcs8 -topk8 -nocrypt -in old.key -out new.key");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
        String algorithm = chain.get(0).getPublicKey().getAlgorithm();
        PrivateKey privateKey = KeyFactory.getInstance(algorithm).generatePrivate(spec);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("chat", privateKey, password, chain.toArray(Certificate[]::new));
        return store;
    }
}
