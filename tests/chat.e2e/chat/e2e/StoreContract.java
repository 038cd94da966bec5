package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.spi.Account;
import chat.server.spi.Activity;
import chat.server.spi.ChannelMask;
import chat.server.spi.ChannelSettings;
import chat.server.spi.Position;
import chat.server.spi.ScramCredentials;
import chat.server.spi.ServerBan;
import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoreProvider;
import chat.server.spi.StoredMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store promises through the SPI, with the same assertions for each store module: a subclass names
 * a fresh, empty store for each test ({@link #freshUrl}) and its password.
 */
abstract class StoreContract {

    private String url;

    /** The URL of a new empty store. */
    abstract String freshUrl() throws Exception;

    /** The password for the store, or null. */
    abstract String password();

    @BeforeEach
    void freshStore() throws Exception {
        url = freshUrl();
    }

    /** Opens the test's store (the same database every time within a test). */
    Store open(Duration maxAge, int maxPerTarget, Clock clock) throws IOException {
        return open(url, password(), maxAge, maxPerTarget, clock);
    }

    Store open() throws IOException {
        return open(Duration.ZERO, 0, Clock.systemUTC());
    }

    String url() {
        return url;
    }

    /** Opens {@code url} with the provider serving its scheme, as the server does. */
    static Store open(String url, String password, Duration maxAge, int maxPerTarget, Clock clock) throws IOException {
        StoreOptions options = new StoreOptions(url, password, false, maxAge, maxPerTarget, clock);
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class)) {
            if (p.schemes().contains(options.scheme())) return p.open(options);
        }
        throw new IOException("no provider for " + url);
    }

    static ScramCredentials credentials(int seed) {
        return new ScramCredentials(new byte[] {(byte) seed, 2, 3}, 4096, new byte[] {4, 5}, new byte[] {6, (byte) seed});
    }

    static StoredMessage message(String conversation, String msgid, long time, String text) {
        return new StoredMessage(0, msgid, time, conversation, "alice!~alice@127.0.0.1", "alice", "PRIVMSG",
                conversation, text, Map.of());
    }

    static List<String> texts(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::text).toList();
    }

    @Test
    void accountsAreCreatedOnceUpdatedListedAndDeleted() throws Exception {
        try (Store store = open()) {
            var accounts = store.accounts();
            Account alice = new Account("alice", "Alice", credentials(1), null, 1000);
            assertThat(accounts.create(alice).get()).isTrue();
            assertThat(accounts.create(new Account("alice", "ALICE", credentials(2), null, 2000)).get()).isFalse();
            assertThat(accounts.create(new Account("bob", "Bob", credentials(3), "bob@example.org", 3000)).get()).isTrue();
            Account found = accounts.find("alice").orElseThrow();
            assertThat(found.name()).isEqualTo("Alice");
            assertThat(found.createdMillis()).isEqualTo(1000);
            assertThat(found.credentials().salt()).containsExactly(1, 2, 3);
            assertThat(found.credentials().iterations()).isEqualTo(4096);
            assertThat(accounts.all()).extracting(Account::key).containsExactly("alice", "bob");
            assertThat(accounts.find("bob").orElseThrow().email()).isEqualTo("bob@example.org");
            assertThat(accounts.setCredentials("alice", credentials(9)).get()).isTrue();
            assertThat(accounts.setCredentials("nobody", credentials(9)).get()).isFalse();
            assertThat(accounts.find("alice").orElseThrow().credentials().serverKey()).containsExactly(6, 9);
            assertThat(accounts.delete("alice").get()).isTrue();
            assertThat(accounts.delete("alice").get()).isFalse();
            assertThat(accounts.find("alice")).isEmpty();
        }
    }

    @Test
    void hostileKeysAreJustData() throws Exception {
        String evil = "x'); DROP TABLE accounts; --ü\u2603";
        try (Store store = open()) {
            assertThat(store.accounts().create(new Account(evil, evil, credentials(1), "a@b'c", 1)).get()).isTrue();
            assertThat(store.accounts().find(evil).orElseThrow().name()).isEqualTo(evil);
            assertThat(store.accounts().find("x")).isEmpty();
            store.history().append(message("#" + evil, "m", 1, evil), List.of()).get();
            assertThat(texts(store.history().range("#" + evil, null, null, 10, false))).containsExactly(evil);
        }
    }

    @Test
    void historyRangesAreOrderedByTimeThenCommitOrder() throws Exception {
        try (Store store = open()) {
            var history = store.history();
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 1; i <= 10; i++) writes.add(history.append(message("#c", "m" + i, i * 10L, "text " + i), List.of()));
            writes.add(history.append(message("#other", "o1", 55, "elsewhere"), List.of()));
            writes.add(history.append(message("#c", "same-time", 50, "text 5 again"), List.of()));
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();

            assertThat(texts(history.range("#c", null, null, 3, true))).containsExactly("text 8", "text 9", "text 10");
            assertThat(texts(history.range("#c", null, null, 3, false))).containsExactly("text 1", "text 2", "text 3");
            assertThat(texts(history.range("#c", null, Position.before(50), 2, true))).containsExactly("text 3", "text 4");
            assertThat(texts(history.range("#c", Position.after(50), null, 2, false))).containsExactly("text 6", "text 7");
            Position five = history.position("#c", "m5").orElseThrow();
            assertThat(texts(history.range("#c", five, null, 2, false))).containsExactly("text 5 again", "text 6");
            assertThat(history.position("#other", "m5")).isEmpty();
            assertThat(texts(history.range("#c", Position.after(20), Position.before(60), 100, false)))
                    .containsExactly("text 3", "text 4", "text 5", "text 5 again");
        }
    }

    @Test
    void targetsListPrivatePartiesAndTheGivenChannels() throws Exception {
        try (Store store = open()) {
            var history = store.history();
            history.append(message("dm:~alice ~bob", "a", 10, "hi bob"), List.of("~alice", "~bob")).get();
            history.append(message("dm:~bob ~carol", "b", 20, "hi carol"), List.of("~bob", "~carol")).get();
            history.append(message("#c", "c", 30, "chan"), List.of()).get();
            history.append(message("#d", "d", 40, "other chan"), List.of()).get();
            assertThat(history.targets("~alice", List.of("#c"), 0, 100, 10))
                    .containsExactly(new Activity("dm:~alice ~bob", 10), new Activity("#c", 30));
            assertThat(history.targets("~alice", List.of(), 15, 100, 10)).isEmpty();
            assertThat(history.targets("~bob", List.of(), 0, 100, 1)).containsExactly(new Activity("dm:~alice ~bob", 10));
            // A conversation is listed by its latest message: one that went on after the window is not in it.
            history.append(message("#c", "c2", 60, "later"), List.of()).get();
            assertThat(history.targets("~alice", List.of("#c"), 0, 50, 10))
                    .containsExactly(new Activity("dm:~alice ~bob", 10));
            assertThat(history.targets("~alice", List.of("#c"), 0, 100, 10))
                    .containsExactly(new Activity("dm:~alice ~bob", 10), new Activity("#c", 60));
        }
    }

    @Test
    void tagsAndUnicodeSurviveTheRoundTrip() throws Exception {
        try (Store store = open()) {
            StoredMessage m = new StoredMessage(0, "x", 1, "#c", "a!b@c", null, "TAGMSG", "#c", null,
                    Map.of("+draft/react", "👍 ;\\x", "+flag", ""));
            store.history().append(m, List.of()).get();
            StoredMessage back = store.history().range("#c", null, null, 10, true).get(0);
            assertThat(back.tags()).isEqualTo(m.tags());
            assertThat(back.text()).isNull();
            assertThat(back.account()).isNull();
            assertThat(back.seq()).isPositive();
        }
    }

    @Test
    void afterSeqPagesThroughEverythingInCommitOrder() throws Exception {
        try (Store store = open()) {
            for (int i = 0; i < 25; i++) store.history().append(message(i % 2 == 0 ? "#a" : "#b", "m" + i, 1000 - i, "t" + i), List.of());
            store.history().append(message("#a", "last", 1, "t25"), List.of()).get();
            List<String> seen = new ArrayList<>();
            long after = 0;
            for (List<StoredMessage> page; !(page = store.history().afterSeq(after, 10)).isEmpty(); after = page.getLast().seq()) {
                seen.addAll(texts(page));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i <= 25; i++) expected.add("t" + i);
            assertThat(seen).isEqualTo(expected);
        }
    }

    @Test
    void retentionDeletesByAgeAndKeepsTheNewestPerConversation() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(100_000), ZoneOffset.UTC);
        try (Store store = open(Duration.ofSeconds(50), 3, clock)) {
            var history = store.history();
            for (int i = 1; i <= 6; i++) history.append(message("#c", "c" + i, 60_000 + i, "c" + i), List.of()).get();
            history.append(message("#old", "o", 10_000, "too old"), List.of()).get();
            assertThat(history.expire().get()).isEqualTo(4);
            assertThat(texts(history.range("#c", null, null, 10, false))).containsExactly("c4", "c5", "c6");
            assertThat(history.range("#old", null, null, 10, false)).isEmpty();
        }
    }

    @Test
    void writesQueuedAtCloseAreCommittedAndSurviveAReopen() throws Exception {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        try (Store store = open()) {
            for (int i = 0; i < 500; i++) writes.add(store.history().append(message("#c", "m" + i, i, "t" + i), List.of()));
        }
        assertThat(writes).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        try (Store store = open()) {
            assertThat(store.history().range("#c", null, null, 1000, false)).hasSize(500);
            assertThat(store.history().append(message("#c", "late", 1, "late"), List.of()).get()).isNull();
            assertThat(store.available()).isTrue();
        }
    }

    @Test
    void channelSettingsMasksAndBansPersist() throws Exception {
        try (Store store = open()) {
            store.channels().save(new ChannelSettings("#c", "#C", "alice", "the topic", "alice", 5, "+nt", 1)).get();
            assertThat(store.channels().addMask("#c", new ChannelMask('b', "*!*@evil", "alice", 7)).get()).isTrue();
            assertThat(store.channels().addMask("#c", new ChannelMask('b', "*!*@evil", "alice", 8)).get()).isFalse();
            store.channels().save(new ChannelSettings("#c", "#C", "alice", "new topic", "bob", 6, "+ntk key", 1)).get();
            store.bans().add(new ServerBan("KLINE", "*@bad.host", "spam", "oper", 1, 0)).get();
            store.bans().add(new ServerBan("KLINE", "*@bad.host", "more spam", "oper2", 2, 0)).get();
            store.bans().add(new ServerBan("DLINE", "10.0.0.0/8", "lapsed", "oper", 1, 2)).get();
        }
        try (Store store = open()) {
            ChannelSettings c = store.channels().find("#c").orElseThrow();
            assertThat(c.topic()).isEqualTo("new topic");
            assertThat(c.modes()).isEqualTo("+ntk key");
            assertThat(store.channels().all()).extracting(ChannelSettings::key).containsExactly("#c");
            assertThat(store.channels().masks("#c")).containsExactly(new ChannelMask('b', "*!*@evil", "alice", 7));
            assertThat(store.bans().all()).containsExactly(new ServerBan("KLINE", "*@bad.host", "more spam", "oper2", 2, 0));
            assertThat(store.bans().remove("KLINE", "*@bad.host").get()).isTrue();
            assertThat(store.bans().remove("KLINE", "*@bad.host").get()).isFalse();
            assertThat(store.channels().removeMask("#c", 'b', "*!*@evil").get()).isTrue();
            assertThat(store.channels().addMask("#c", new ChannelMask('e', "*!*@friend", "alice", 9)).get()).isTrue();
            assertThat(store.channels().delete("#c").get()).isTrue();
            assertThat(store.channels().delete("#c").get()).isFalse();
            assertThat(store.channels().masks("#c")).isEmpty();
        }
    }

    @Test
    void botSettingsAreReplacedRemovedAndKeptPerBot() throws Exception {
        try (Store store = open()) {
            store.bots().put("guard", "limit", "5").get();
            store.bots().put("guard", "limit", "7").get();
            store.bots().put("guard", "mode", "quiet").get();
            store.bots().put("fun", "limit", "1").get();
            store.bots().remove("guard", "mode").get();
        }
        try (Store store = open()) {
            assertThat(store.bots().load("guard")).isEqualTo(Map.of("limit", "7"));
            assertThat(store.bots().load("fun")).isEqualTo(Map.of("limit", "1"));
            assertThat(store.bots().load("nobody")).isEmpty();
        }
    }

    @Test
    void readMarkersOnlyMoveForward() throws Exception {
        try (Store store = open()) {
            var markers = store.readMarkers();
            assertThat(markers.find("alice", "#c")).isEmpty();
            markers.raise("alice", "#c", 100).get();
            markers.raise("alice", "#c", 50).get();
            markers.raise("alice", "bob", 70).get();
            assertThat(markers.find("alice", "#c")).hasValue(100);
            markers.raise("alice", "#c", 150).get();
            assertThat(markers.find("alice", "#c")).hasValue(150);
            assertThat(markers.find("alice", "bob")).hasValue(70);
            assertThat(markers.find("bob", "#c")).isEmpty();
        }
    }

    @Test
    void deleteRemovesOneMessageAndForgetEveryPrivateConversationOfAParty() throws Exception {
        try (Store store = open()) {
            var history = store.history();
            history.append(message("#c", "keep", 1, "kept"), List.of()).get();
            history.append(message("#c", "gone", 2, "redacted"), List.of()).get();
            history.append(message("dm:~alice ~bob", "a", 3, "to bob"), List.of("~alice", "~bob")).get();
            history.append(message("dm:~bob ~carol", "b", 4, "to carol"), List.of("~bob", "~carol")).get();
            history.append(message("dm:~alice ~carol", "c", 5, "alice to carol"), List.of("~alice", "~carol")).get();
            assertThat(history.delete("#c", "gone").get()).isTrue();
            assertThat(history.delete("#c", "gone").get()).isFalse();
            assertThat(history.delete("#other", "keep").get()).isFalse();
            assertThat(texts(history.range("#c", null, null, 10, false))).containsExactly("kept");

            assertThat(history.forget("~bob").get()).isEqualTo(2);
            assertThat(history.range("dm:~alice ~bob", null, null, 10, false)).isEmpty();
            assertThat(history.range("dm:~bob ~carol", null, null, 10, false)).isEmpty();
            assertThat(history.targets("~carol", List.of(), 0, 100, 10)).containsExactly(new Activity("dm:~alice ~carol", 5));
            assertThat(texts(history.range("dm:~alice ~carol", null, null, 10, false))).containsExactly("alice to carol");
        }
    }
}
