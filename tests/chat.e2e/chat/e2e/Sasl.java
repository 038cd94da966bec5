package chat.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The client side of SASL for tests: PLAIN payloads and a SCRAM-SHA-256 client (RFC 5802) written apart from the server's. */
final class Sasl {

    private Sasl() {
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String unb64(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    static String plain(String user, String password) {
        return b64("\0" + user + "\0" + password);
    }

    /** Logs {@code client} in with PLAIN (the client is between CAP LS and CAP END, or registered). */
    static void loginPlain(TestClient client, String user, String password) {
        client.send("AUTHENTICATE PLAIN");
        client.expect("AUTHENTICATE", "+");
        client.send("AUTHENTICATE " + plain(user, password));
    }

    /** One SCRAM-SHA-256 client exchange. */
    static final class Scram {
        private final String user;
        private final String password;
        private final String clientNonce;
        private String clientFirstBare;
        private byte[] serverKey;
        private String authMessage;

        Scram(String user, String password) {
            this.user = user;
            this.password = password;
            byte[] n = new byte[18];
            new SecureRandom().nextBytes(n);
            this.clientNonce = Base64.getEncoder().encodeToString(n);
        }

        String clientFirst() {
            clientFirstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
            return "n,," + clientFirstBare;
        }

        String clientFinal(String serverFirst) throws Exception {
            String nonce = null;
            byte[] salt = null;
            int iterations = 0;
            for (String part : serverFirst.split(",")) {
                if (part.startsWith("r=")) nonce = part.substring(2);
                if (part.startsWith("s=")) salt = Base64.getDecoder().decode(part.substring(2));
                if (part.startsWith("i=")) iterations = Integer.parseInt(part.substring(2));
            }
            if (nonce == null || !nonce.startsWith(clientNonce)) throw new AssertionError("bad server nonce: " + serverFirst);
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            serverKey = hmac(salted, "Server Key");
            String withoutProof = "c=biws,r=" + nonce;
            authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            byte[] signature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) proof[i] = (byte) (clientKey[i] ^ signature[i]);
            return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
        }

        boolean verifies(String serverFinal) throws Exception {
            return serverFinal.equals("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)));
        }

        private static byte[] hmac(byte[] key, String data) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
    }
}
