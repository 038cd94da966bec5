package chat.server.state;

import chat.server.account.ScramExchange;

/**
 * A connection's login in progress: the SASL exchange with its buffered chunks, a PASS password waiting for
 * the nickname, and the generation of its current nickname claim. All confined to the connection's reader
 * thread except {@link #claim}, which the claim timer reads.
 */
public final class Authentication {

    private String mechanism;
    private final StringBuilder chunks = new StringBuilder();
    private ScramExchange scram;
    private String verifiedAccount;
    private String pendingPassword;
    private volatile int claim;

    /** The SASL mechanism in progress, or null. */
    public String mechanism() {
        return mechanism;
    }

    public void start(String saslMechanism) {
        reset();
        mechanism = saslMechanism;
    }

    /** Forgets the exchange in progress. */
    public void reset() {
        mechanism = null;
        chunks.setLength(0);
        scram = null;
        verifiedAccount = null;
    }

    /** The base64 received so far for the current SASL message. */
    public StringBuilder chunks() {
        return chunks;
    }

    public ScramExchange scram() {
        return scram;
    }

    public void setScram(ScramExchange exchange) {
        scram = exchange;
    }

    /** A SCRAM account whose server-final was sent; the login completes on the client's next (empty) reply. */
    public String verifiedAccount() {
        return verifiedAccount;
    }

    public void setVerifiedAccount(String account) {
        verifiedAccount = account;
    }

    /** A PASS password given without an account name: tried against the nickname. */
    public String pendingPassword() {
        return pendingPassword;
    }

    public void setPendingPassword(String password) {
        pendingPassword = password;
    }

    /** The current nickname claim's generation; each new claim (and each login) moves it on. */
    public int claim() {
        return claim;
    }

    public int nextClaim() {
        return ++claim;
    }
}
