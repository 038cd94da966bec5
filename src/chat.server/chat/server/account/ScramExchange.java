package chat.server.account;

import chat.server.spi.ScramCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 section 5): client-first, server-first,
 * client-final, server-final. Channel binding is not offered ({@code p=} is refused). An unknown user gets a
 * made-up salt from {@code decoy} and fails at the proof, so that failures do not tell which names exist.
 * Confined to the connection's reader thread.
 */
public final class ScramExchange {

    /** How an exchange ends. */
    public enum State { AWAITING_CLIENT_FIRST, AWAITING_CLIENT_FINAL, SUCCEEDED, FAILED }

    private final Function<String, Optional<ScramCredentials>> lookup;
    private final Function<String, ScramCredentials> decoy;
    private final String serverNonce;
    private State state = State.AWAITING_CLIENT_FIRST;
    private String user;
    private boolean known;
    private ScramCredentials credentials;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /**
     * @param lookup      the stored keys of a user name, if it is registered
     * @param decoy       stand-in keys for a name that is not
     * @param serverNonce this exchange's random part of the nonce (printable, no comma)
     */
    public ScramExchange(Function<String, Optional<ScramCredentials>> lookup, Function<String, ScramCredentials> decoy,
                         String serverNonce) {
        this.lookup = lookup;
        this.decoy = decoy;
        this.serverNonce = serverNonce;
    }

    public State state() {
        return state;
    }

    /** The authentication identity the client named (after client-first), or null. */
    public String user() {
        return user;
    }

    /** Takes client-first-message; returns server-first-message, or null when it is malformed (FAILED). */
    public String clientFirst(String message) {
        if (state != State.AWAITING_CLIENT_FIRST) return fail();
        String[] parts = message.split(",", -1);
        if (parts.length < 4) return fail();
        String flag = parts[0];
        if (!flag.equals("n") && !flag.equals("y")) return fail();
        String authzid = parts[1];
        if (!parts[2].startsWith("n=") || !parts[3].startsWith("r=") || parts[3].length() < 3) return fail();
        for (int i = 4; i < parts.length; i++) {
            if (parts[i].startsWith("m=")) return fail(); // mandatory extensions are not supported
        }
        String name = decodeName(parts[2].substring(2));
        if (name == null || name.isEmpty()) return fail();
        if (!authzid.isEmpty() && !(authzid.startsWith("a=") && name.equals(decodeName(authzid.substring(2))))) return fail();
        user = name;
        gs2Header = flag + "," + authzid + ",";
        clientFirstBare = message.substring(gs2Header.length());
        Optional<ScramCredentials> found = lookup.apply(name);
        known = found.isPresent();
        credentials = found.orElseGet(() -> decoy.apply(name));
        nonce = parts[3].substring(2) + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credentials.salt()) + ",i="
                + credentials.iterations();
        state = State.AWAITING_CLIENT_FINAL;
        return serverFirst;
    }

    /** Takes client-final-message; returns server-final-message ({@code v=...}), or null when the proof fails. */
    public String clientFinal(String message) {
        if (state != State.AWAITING_CLIENT_FINAL) return fail();
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) return fail();
        String withoutProof = message.substring(0, proofAt);
        String[] parts = withoutProof.split(",", -1);
        if (parts.length < 2 || !parts[0].startsWith("c=") || !parts[1].equals("r=" + nonce)) return fail();
        byte[] binding;
        byte[] proof;
        try {
            binding = Base64.getDecoder().decode(parts[0].substring(2));
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return fail();
        }
        if (!MessageDigest.isEqual(binding, gs2Header.getBytes(StandardCharsets.UTF_8))) return fail();
        if (proof.length != Scram.KEY_BYTES) return fail();
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] storedKey = credentials.storedKey();
        byte[] signature = Scram.hmac(storedKey, authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) clientKey[i] = (byte) (proof[i] ^ signature[i]);
        boolean ok = MessageDigest.isEqual(Scram.sha256(clientKey), storedKey) & known;
        if (!ok) return fail();
        state = State.SUCCEEDED;
        return "v=" + Base64.getEncoder().encodeToString(Scram.hmac(credentials.serverKey(), authMessage));
    }

    private String fail() {
        state = State.FAILED;
        return null;
    }

    /** saslname: "=2C" is ',' and "=3D" is '='; any other '=' is malformed. */
    private static String decodeName(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (s.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (s.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
