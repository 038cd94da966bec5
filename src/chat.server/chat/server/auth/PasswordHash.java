package chat.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for operator blocks: PBKDF2-HMAC-SHA256 from the JDK with a random salt per entry, written
 * as {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}. Verification compares in constant time.
 * Passwords are {@code char[]} so callers can wipe them; nothing here logs or keeps them.
 */
public final class PasswordHash {

    /** PBKDF2 iterations for new hashes, and the least a configured hash may use (OWASP 2023 for SHA-256). */
    public static final int ITERATIONS = 600_000;
    /** Random salt per hash, in bytes. */
    static final int SALT_BYTES = 16;
    /** Derived key length, in bytes. */
    static final int HASH_BYTES = 32;
    /** Most iterations a stored hash may ask for, so a bad config cannot make one OPER take minutes. */
    static final int MAX_ITERATIONS = 100_000_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] NO_SALT = new byte[SALT_BYTES];

    /**
     * A parsed hash.
     *
     * @param iterations PBKDF2 iterations
     * @param salt       the salt
     * @param hash       the derived key
     */
    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private PasswordHash() {
    }

    /** Hashes {@code password} with a fresh salt and {@link #ITERATIONS}. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(password, salt, ITERATIONS);
    }

    /** Hashes with the given salt and iteration count (tests use fewer iterations). */
    static String hash(char[] password, byte[] salt, int iterations) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations, HASH_BYTES));
    }

    /**
     * Whether {@code password} matches {@code encoded}. False for a null or malformed {@code encoded}; a null
     * one (an unknown operator name) still spends the time of a real check, so timing does not tell names.
     * (A configured hash is never malformed: the configuration is refused first.)
     */
    public static boolean verify(char[] password, String encoded) {
        if (encoded == null) {
            derive(password, NO_SALT, ITERATIONS, HASH_BYTES);
            return false;
        }
        Parsed parsed = parse(encoded);
        if (parsed == null) return false;
        byte[] actual = derive(password, parsed.salt(), parsed.iterations(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /**
     * Checks that {@code encoded} is a hash this class wrote, with at least {@code minIterations}.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing the value)
     */
    public static void requireWellFormed(String encoded, int minIterations) {
        Parsed parsed = parse(encoded);
        if (parsed == null) {
            throw new IllegalArgumentException("not a password hash of the form " + SCHEME
                    + "$<iterations>$<salt>$<hash> (make one with chat-server --hash-password)");
        }
        if (parsed.iterations() < minIterations) {
            throw new IllegalArgumentException("password hash uses " + parsed.iterations()
                    + " iterations, at least " + minIterations + " are required");
        }
    }

    private static Parsed parse(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) return null;
        if (parts[1].isEmpty() || parts[1].length() > 9 || !parts[1].chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 1 || iterations > MAX_ITERATIONS) return null;
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(parts[2].getBytes(StandardCharsets.US_ASCII));
            byte[] hash = b64.decode(parts[3].getBytes(StandardCharsets.US_ASCII));
            if (salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Overwrites a password the caller no longer needs. */
    public static void wipe(char[] password) {
        if (password != null) Arrays.fill(password, '\0');
    }
}
