package chat.server.net;

import chat.server.TlsSettings;
import chat.server.spi.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
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
    /** The environment variable that hands keytool the generated password. */
    private static final String PASSWORD_VARIABLE = "CHAT_KEYSTORE_PASSWORD";

    private TlsContexts() {
    }

    /** Random bytes in a generated keystore's password. */
    static final int GENERATED_PASSWORD_BYTES = 24;

    /**
     * The context for these settings; generates the development certificate (in {@code dataDir} unless the
     * settings name another place) when none is configured.
     */
    public static SSLContext load(TlsSettings tls, Path dataDir) throws IOException, GeneralSecurityException {
        KeyStore store;
        char[] password;
        if (tls.certificate() == null) {
            Path generated = tls.generatedKeyStoreIn(dataDir);
            if (!Files.exists(generated) || !Files.exists(passwordFile(generated))) generateSelfSigned(generated);
            password = Files.readString(passwordFile(generated), StandardCharsets.US_ASCII).strip().toCharArray();
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

    /** Where a generated keystore's password is kept: beside it, 0600. */
    public static Path passwordFile(Path keyStore) {
        return keyStore.resolveSibling(keyStore.getFileName() + ".password");
    }

    /**
     * Makes a self-signed certificate for localhost with the JDK's keytool, in a PKCS#12 file with a random
     * password kept in {@link #passwordFile} (#10: both 0600 in a 0700 directory; the password goes to keytool
     * through its environment, never its command line). For development only: clients must be told to accept
     * it (the bundled client's --insecure). A keystore from an older version, with no password file, is replaced.
     */
    public static void generateSelfSigned(Path keyStore) throws IOException {
        Path parent = PrivateFiles.directory(keyStore.toAbsolutePath().getParent());
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path partial = parent.resolve(keyStore.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        byte[] secret = new byte[GENERATED_PASSWORD_BYTES];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "chat", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-validity", "825", "-storetype", "PKCS12", "-keystore", partial.toString(),
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
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
        PrivateFiles.restrict(partial);
        Path passwordFile = PrivateFiles.file(passwordFile(keyStore));
        Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
        Files.move(partial, keyStore, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.log(Level.WARNING, "made a self-signed development certificate in " + keyStore
                + " (its password in " + passwordFile + "); clients must be told to trust it (chat-client --tls --insecure)");
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
