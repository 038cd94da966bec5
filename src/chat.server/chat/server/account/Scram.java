package chat.server.account;

import chat.server.spi.ScramCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The SCRAM-SHA-256 key schedule (RFC 5802 section 3, RFC 7677), with the JDK's PBKDF2 and HMAC. */
public final class Scram {

    /** The SASL mechanism name. */
    public static final String MECHANISM = "SCRAM-SHA-256";
    /** SHA-256 output, and so the length of every key. */
    static final int KEY_BYTES = 32;

    private Scram() {
    }

    /** The stored keys for {@code password} (SASLprep'd here) with this salt and iteration count. */
    public static ScramCredentials credentials(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(SaslPrep.prepare(password), salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key");
        return new ScramCredentials(salt, iterations, sha256(clientKey), hmac(salted, "Server Key"));
    }

    /** Whether {@code password} matches: derives the stored key anew and compares in constant time. */
    public static boolean matches(ScramCredentials stored, String password) {
        ScramCredentials offered = credentials(password, stored.salt(), stored.iterations());
        return MessageDigest.isEqual(offered.storedKey(), stored.storedKey());
    }

    /** Hi(password, salt, i) = PBKDF2-HMAC-SHA256; the JDK encodes the characters as UTF-8. */
    static byte[] saltedPassword(String prepared, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(prepared.toCharArray(), salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] hmac(byte[] key, String data) {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
