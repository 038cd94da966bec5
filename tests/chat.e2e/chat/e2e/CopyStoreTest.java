package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import chat.server.AbuseLimits;
import chat.server.ChatServer;
import chat.server.Main;
import chat.server.ServerConfig;
import chat.server.StoreConfig;
import chat.server.TlsSettings;
import chat.server.spi.Activity;
import chat.server.spi.ChannelMask;
import chat.server.spi.ChannelSettings;
import chat.server.spi.ServerBan;
import chat.server.spi.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #11: chat-server --copy-store moves a single-node SQLite store into PostgreSQL; a server on it goes on from there. */
class CopyStoreTest {

    @TempDir
    Path data;

    private static ChatServer start(Path data, StoreConfig store) throws Exception {
        return ChatServer.start(ServerConfig.defaults().withPort(0).withMonitorInterval(Duration.ZERO).withTls(TlsSettings.off())
                .withLimits(AbuseLimits.defaults().withExempt(List.of("127.0.0.0/8", "::1"))).withDataDir(data)
                .withStore(store.withPasswordIterations(StoreConfig.MIN_PASSWORD_ITERATIONS).withSyncEveryCommit(false)));
    }

    @Test
    void accountsHistoryBansAndChannelsArriveAndTheAccountsStillLogIn() throws Exception {
        String sqlite = "sqlite:" + data.resolve("chat.db");
        ChatServer before = start(data, StoreConfig.defaults().withDataDirectory(data));
        try {
            TestClient alice = new TestClient("127.0.0.1", before.port());
            alice.register("alice");
            alice.send("REGISTER * * :correct horse battery");
            alice.expect("REGISTER", "SUCCESS", "alice");
            alice.send("JOIN #kept");
            alice.expect("366");
            for (int i = 0; i < 5; i++) alice.send("PRIVMSG #kept :line " + i);
            alice.drain();
            alice.close();
        } finally {
            before.close();
        }
        try (Store s = StoreContract.open(sqlite, null, Duration.ZERO, 0, Clock.systemUTC())) {
            s.history().append(StoreContract.message("dm:*carol ~alice", "dm1", 7, "private"), List.of("~alice")).get();
            s.bans().add(new ServerBan("KLINE", "*@bad.host", "spam", "oper", 1, 0)).get();
            s.channels().save(new ChannelSettings("#owned", "#Owned", "alice", "topic", "alice", 2, "+nt", 1)).get();
            s.channels().addMask("#owned", new ChannelMask('b', "*!*@evil", "alice", 3)).get();
        }

        ThrowawayPostgres postgres = ThrowawayPostgres.shared();
        String url = postgres.createDatabase();
        String[] copy = {"--copy-store", "--from", sqlite, "--to", url, "--store-password-file", postgres.passwordFile().toString()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.copyStore(copy, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("copied 1 accounts, 6 messages, 1 bans and 2 registered channels");
        assertThat(Main.copyStore(copy, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not empty");

        try (Store s = StoreContract.open(url, postgres.password(), Duration.ZERO, 0, Clock.systemUTC())) {
            assertThat(s.history().targets("~alice", List.of("#kept"), 0, Long.MAX_VALUE, 10))
                    .extracting(Activity::conversation).containsExactlyInAnyOrder("dm:*carol ~alice", "#kept");
            assertThat(s.channels().masks("#owned")).containsExactly(new ChannelMask('b', "*!*@evil", "alice", 3));
            assertThat(s.bans().all()).extracting(ServerBan::mask).containsExactly("*@bad.host");
        }

        ChatServer after = start(data, StoreConfig.defaults().withUrl(url).withPasswordFile(postgres.passwordFile()));
        try {
            TestClient back = new TestClient("127.0.0.1", after.port());
            back.send("CAP LS 302");
            back.expect("CAP", "*", "LS");
            back.send("CAP REQ :sasl draft/chathistory batch server-time message-tags");
            back.expect("CAP", "*", "ACK");
            Sasl.loginPlain(back, "alice", "correct horse battery");
            back.expect("903", "*");
            back.send("CAP END");
            back.register("alice");
            back.send("JOIN #kept");
            back.expect("366");
            back.send("CHATHISTORY LATEST #kept * 10");
            assertThat(back.drain().stream().filter(m -> m.command().equals("PRIVMSG")).map(IrcMessage::last).toList())
                    .containsExactly("line 0", "line 1", "line 2", "line 3", "line 4");
            back.close();
        } finally {
            after.close();
        }
    }
}
