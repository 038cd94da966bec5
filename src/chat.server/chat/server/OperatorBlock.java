package chat.server;

import chat.server.auth.PasswordHash;
import chat.server.limit.UserHostMask;
import java.util.List;
import java.util.Objects;

/**
 * One operator block of the configuration: who may become an IRC operator with {@code OPER name password}.
 * Validated when the configuration is read. A block names a password, an account, or both (as Ergo's
 * operator blocks may name a certificate or account in place of a password).
 *
 * @param name         the name given to OPER (letters, digits, '_' and '-'; compared exactly, as InspIRCd does)
 * @param passwordHash a {@code pbkdf2-sha256$...} hash from {@code chat-server --hash-password}, or null for none
 * @param hosts        {@code user@host} masks the client must match (globs, IP addresses or CIDR networks)
 * @param account      the account the client must be logged in to, or null for any (or none)
 */
public record OperatorBlock(String name, String passwordHash, List<String> hosts, String account) {

    /** The hosts of a block that names none: any. */
    public static final List<String> ANY_HOST = List.of("*@*");

    public OperatorBlock {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || !name.chars().allMatch(c -> c == '_' || c == '-' || (c < 128 && Character.isLetterOrDigit(c)))) {
            throw new IllegalArgumentException("operator name must be letters, digits, '_' or '-': '" + name + "'");
        }
        if (account != null && account.isBlank()) account = null;
        if (account != null) account = account.trim();
        if (passwordHash == null && account == null) {
            throw new IllegalArgumentException("oper." + name + ".password is missing (or name an oper." + name + ".account)");
        }
        if (passwordHash != null) {
            try {
                PasswordHash.requireWellFormed(passwordHash, PasswordHash.ITERATIONS);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("oper." + name + ".password: " + e.getMessage());
            }
        }
        hosts = List.copyOf(hosts.isEmpty() ? ANY_HOST : hosts);
        for (String host : hosts) {
            try {
                UserHostMask.parse(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("oper." + name + ".hosts: " + e.getMessage());
            }
        }
    }

    /** A block with a password and no account. */
    public OperatorBlock(String name, String passwordHash, List<String> hosts) {
        this(name, passwordHash, hosts, null);
    }

    /** Whether a client with this user name and host may use the block. */
    public boolean allows(String user, String host) {
        for (String mask : hosts) {
            if (UserHostMask.parse(mask).matches(user, host)) return true;
        }
        return false;
    }

    /** Never shows the hash. */
    @Override
    public String toString() {
        return "OperatorBlock[" + name + ", hosts=" + hosts + (account == null ? "" : ", account=" + account) + "]";
    }
}
