package chat.e2e;

import chat.server.OperatorBlock;
import chat.server.ServerConfig;
import java.util.List;
import java.util.Map;

/** Operator blocks for tests, and a verb to become an operator. */
final class Opers {

    /** The password of every test operator block. */
    static final String PASSWORD = "hunter2";
    /** {@link #PASSWORD} as {@code chat-server --hash-password} printed it. */
    static final String HASH = "pbkdf2-sha256$600000$nUtIvPwLTVzmNoc/Vb87iw$MQfWn3YUo0vjWJw5GKU1Dx0YZ7QcemxookKZgt4fUnA";

    private Opers() {
    }

    /** The config with an operator block {@code admin} usable from any host. */
    static ServerConfig withAdmin(ServerConfig c) {
        return c.withOperators(Map.of("admin", new OperatorBlock("admin", HASH, List.of())));
    }

    /** Sends OPER admin and waits for 381 and the +o. */
    static TestClient operUp(TestClient client) {
        client.send("OPER admin " + PASSWORD);
        client.expect("381", client.nick());
        client.expect("MODE", client.nick(), "+o");
        return client;
    }
}
