package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.server.ChatServer;
import chat.server.ServerConfig;
import chat.server.StoreConfig;
import chat.server.TlsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * #9: the store is chosen by its URL's scheme, and a store that cannot answer is a state the commands that
 * need it report (FAIL ... TEMPORARILY_UNAVAILABLE, 904 for SASL), never a reason to drop the client.
 */
class StoreOutageTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s.withUrl("faulty:" + s.dataDirectory().resolve("chat.db")));

    @AfterEach
    void storeBack() {
        FaultyStoreProvider.FAILING.set(false);
    }

    /**
     * While the store is down: a REGISTER from {@code registering} gets {@code FAIL REGISTER TEMPORARILY_UNAVAILABLE}
     * and a SASL PLAIN login to {@code account} gets 904 saying the store is unavailable. Returns the SASL
     * client, still connected, to try again once the store is back.
     */
    static TestClient accountCommandsAreRefused(ServerExtension server, TestClient registering, String account,
                                                String password) {
        registering.send("REGISTER * * :another good password");
        registering.expect("FAIL", "REGISTER", "TEMPORARILY_UNAVAILABLE");

        TestClient sasl = server.open();
        sasl.send("CAP LS 302");
        sasl.expect("CAP", "*", "LS");
        sasl.send("CAP REQ sasl");
        sasl.expect("CAP", "*", "ACK");
        Sasl.loginPlain(sasl, account, password);
        assertThat(sasl.expect("904", "*").last()).contains("unavailable");
        return sasl;
    }

    @Test
    void commandsThatNeedTheStoreFailClearlyWhileLiveMessagesFlowAndTheClientStays() {
        AccountTest.registerAccount(server, "alice", "correct horse battery");
        TestClient bob = server.connectWithCaps("bob", "echo-message", "draft/chathistory", "batch", "server-time", "message-tags");
        TestClient carol = server.connect("carol");
        FaultyStoreProvider.FAILING.set(true);

        TestClient dave = server.connect("dave");
        TestClient sasl = accountCommandsAreRefused(server, dave, "alice", "correct horse battery");

        bob.send("PRIVMSG #lobby :said while the store is down");
        carol.expect("PRIVMSG", "#lobby", "said while the store is down");
        bob.expect("FAIL", "PRIVMSG", "STORE_FAILED");
        bob.send("CHATHISTORY LATEST #lobby * 10");
        bob.expect("FAIL", "CHATHISTORY", "TEMPORARILY_UNAVAILABLE");

        FaultyStoreProvider.FAILING.set(false);
        Sasl.loginPlain(sasl, "alice", "correct horse battery");
        sasl.expect("903", "*");
        dave.send("PING :still here");
        dave.expect("PONG");
        bob.send("PRIVMSG #lobby :said after it came back");
        bob.expect("PRIVMSG", "#lobby", "said after it came back");
    }

    @Test
    void aStoreUrlNoModuleServesIsAClearErrorNamingThoseInstalled(@TempDir Path dir) {
        ServerConfig config = ServerConfig.defaults().withPort(0).withMonitorInterval(Duration.ZERO).withTls(TlsSettings.off())
                .withDataDir(dir).withStore(StoreConfig.defaults().withDataDirectory(dir).withUrl("mongodb://db/chat"));
        assertThatThrownBy(() -> ChatServer.start(config)).isInstanceOf(IOException.class)
                .hasMessageContaining("no store module serves \"mongodb:\"").hasMessageContaining("sqlite");
    }

    @Test
    void aPasswordInTheStoreUrlIsRefused() {
        assertThatThrownBy(() -> StoreConfig.defaults().withUrl("postgresql://chat:secret@127.0.0.1:5432/chat"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CHAT_STORE_PASSWORD");
    }
}
