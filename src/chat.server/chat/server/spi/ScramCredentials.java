package chat.server.spi;

/**
 * A password as SCRAM-SHA-256 keeps it (RFC 5802): never the password itself. PLAIN logins derive the same
 * keys from the offered password and compare, so both mechanisms verify against this one record.
 *
 * @param salt       random per account
 * @param iterations PBKDF2-HMAC-SHA256 iterations
 * @param storedKey  H(HMAC(SaltedPassword, "Client Key"))
 * @param serverKey  HMAC(SaltedPassword, "Server Key")
 */
public record ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    public ScramCredentials {
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
        if (iterations < 1) throw new IllegalArgumentException("iterations must be positive");
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public String toString() {
        return "ScramCredentials[iterations=" + iterations + "]";
    }
}
