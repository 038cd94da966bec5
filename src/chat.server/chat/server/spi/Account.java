package chat.server.spi;

import java.util.Objects;

/**
 * A registered account.
 *
 * @param key           the name case-folded by the server's casemapping: the identity the store looks up
 * @param name          the name as registered
 * @param credentials   the password's SCRAM keys
 * @param email         the address given at registration, or null
 * @param createdMillis when it was registered
 */
public record Account(String key, String name, ScramCredentials credentials, String email, long createdMillis) {

    public Account {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credentials, "credentials");
    }
}
