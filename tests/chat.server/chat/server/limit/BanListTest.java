package chat.server.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.server.ManualClock;
import chat.server.spi.BanStore;
import chat.server.spi.ServerBan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BanListTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1_700_000_000_000L));

    private BanEntry kline(String mask, long duration) {
        long now = clock.seconds();
        return new BanEntry(BanEntry.Kind.KLINE, BanEntry.canonicalMask(BanEntry.Kind.KLINE, mask), "reason " + mask,
                "oper", now, duration == 0 ? 0 : now + duration);
    }

    private BanEntry dline(String mask, long duration) {
        long now = clock.seconds();
        return new BanEntry(BanEntry.Kind.DLINE, BanEntry.canonicalMask(BanEntry.Kind.DLINE, mask), "reason " + mask,
                "oper", now, duration == 0 ? 0 : now + duration);
    }

    @Test
    void findsByUserAndHostAndByAddress() {
        BanList bans = BanList.inMemory(clock);
        bans.add(kline("~spam*@*", 0));
        bans.add(dline("10.0.0.0/8", 0));
        bans.add(dline("2001:db8::/32", 0));
        assertThat(bans.findKline("~spammer", "192.0.2.1")).isNotNull();
        assertThat(bans.findKline("~ham", "192.0.2.1")).isNull();
        assertThat(bans.findDline("10.20.30.40").mask()).isEqualTo("10.0.0.0/8");
        assertThat(bans.findDline("2001:db8:0:0:0:0:0:5").mask()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
        assertThat(bans.findDline("192.0.2.1")).isNull();
        assertThat(bans.find("~ham", "10.1.1.1").kind()).isEqualTo(BanEntry.Kind.DLINE);
        assertThat(bans.find("~spam", "192.0.2.1").kind()).isEqualTo(BanEntry.Kind.KLINE);
        assertThat(bans.find("~ham", "192.0.2.1")).isNull();
    }

    @Test
    void entriesExpireByThemselves() {
        BanList bans = BanList.inMemory(clock);
        bans.add(kline("*@192.0.2.1", 3600));
        bans.add(dline("198.51.100.7", 60));
        bans.add(kline("*@192.0.2.2", 0));
        clock.advanceSeconds(59);
        assertThat(bans.findDline("198.51.100.7")).isNotNull();
        clock.advanceSeconds(1);
        assertThat(bans.findDline("198.51.100.7")).isNull();
        assertThat(bans.findKline("~x", "192.0.2.1")).isNotNull();
        clock.advanceSeconds(3600);
        assertThat(bans.findKline("~x", "192.0.2.1")).isNull();
        assertThat(bans.entries()).extracting(BanEntry::mask).containsExactly("*@192.0.2.2");
        assertThat(bans.remove(BanEntry.Kind.KLINE, "*@192.0.2.1")).isNull();
    }

    @Test
    void addReplacesTheSameMaskAndRemoveIgnoresCase() {
        BanList bans = BanList.inMemory(clock);
        assertThat(bans.add(kline("~Bob@host", 0))).isNull();
        assertThat(bans.add(kline("~bob@HOST", 60))).isNotNull();
        assertThat(bans.entries()).hasSize(1);
        assertThat(bans.remove(BanEntry.Kind.KLINE, "~BOB@host")).isNotNull();
        assertThat(bans.entries()).isEmpty();
        assertThat(bans.remove(BanEntry.Kind.DLINE, "10.0.0.1/32")).isNull();
    }

    @Test
    void persistsAndReloadsSkippingExpiredAndBrokenLines() throws Exception {
        Path data = dir.resolve("not/yet/there");
        BanList bans = BanList.open(data, clock);
        assertThat(bans.entries()).isEmpty();
        bans.add(kline("~a@*", 0));
        bans.add(kline("~b@*", 10));
        bans.add(new BanEntry(BanEntry.Kind.DLINE, "10.0.0.0/8", "tabs\tand\nnewlines", "op", clock.seconds(), 0));
        bans.save();
        Path file = data.resolve(BanList.FILE_NAME);
        assertThat(file).exists();
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(file);
        }
        Files.writeString(file, Files.readString(file) + "KLINE\tbroken\n" + "GLINE\t*@*\t0\t0\top\tx\n");
        clock.advanceSeconds(10);
        BanList reloaded = BanList.open(data, clock);
        List<BanEntry> entries = reloaded.entries();
        assertThat(entries).extracting(BanEntry::mask).containsExactly("~a@*", "10.0.0.0/8");
        assertThat(entries.get(1).reason()).isEqualTo("tabs and newlines");
        assertThat(entries.get(1).setBy()).isEqualTo("op");
        reloaded.remove(BanEntry.Kind.KLINE, "~a@*");
        reloaded.save();
        assertThat(BanList.open(data, clock).entries()).extracting(BanEntry::mask).containsExactly("10.0.0.0/8");
    }

    /** A store kept in a map, committing at once. */
    static final class MapBanStore implements BanStore {
        final Map<String, ServerBan> rows = new LinkedHashMap<>();

        @Override
        public List<ServerBan> all() {
            return List.copyOf(rows.values());
        }

        @Override
        public CompletableFuture<Void> add(ServerBan ban) {
            rows.put(ban.kind() + " " + ban.mask(), ban);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Boolean> remove(String kind, String mask) {
            return CompletableFuture.completedFuture(rows.remove(kind + " " + mask) != null);
        }
    }

    @Test
    void withAStoreBansGoThereAndComeBack() throws Exception {
        MapBanStore store = new MapBanStore();
        BanList bans = BanList.open(dir, clock, store);
        BanEntry k = kline("~a@*", 0);
        BanEntry d = new BanEntry(BanEntry.Kind.DLINE, "10.0.0.0/8", "net", "op", clock.seconds(), clock.seconds() + 60);
        bans.add(k);
        bans.persistAdded(k).join();
        bans.add(d);
        bans.persistAdded(d).join();
        assertThat(store.rows.values()).extracting(ServerBan::kind, ServerBan::mask, ServerBan::expiresMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KLINE", "~a@*", 0L),
                        org.assertj.core.groups.Tuple.tuple("DLINE", "10.0.0.0/8", (clock.seconds() + 60) * 1000));
        assertThat(dir.resolve(BanList.FILE_NAME)).doesNotExist();
        assertThat(BanList.open(dir, clock, store).entries()).containsExactly(k, d);
        bans.persistRemoved(bans.remove(BanEntry.Kind.KLINE, "~a@*")).join();
        assertThat(BanList.open(dir, clock, store).entries()).containsExactly(d);
    }

    @Test
    void aBansFileIsImportedIntoAnEmptyStoreOnce() throws Exception {
        BanList file = BanList.open(dir, clock);
        file.add(kline("~old@*", 0));
        file.save();
        MapBanStore store = new MapBanStore();
        assertThat(BanList.open(dir, clock, store).entries()).extracting(BanEntry::mask).containsExactly("~old@*");
        assertThat(store.rows).hasSize(1);
        assertThat(dir.resolve(BanList.FILE_NAME)).doesNotExist();
        assertThat(dir.resolve(BanList.IMPORTED_FILE_NAME)).exists();
        store.remove("KLINE", "~old@*").join();
        assertThat(BanList.open(dir, clock, store).entries()).isEmpty();
    }

    @Test
    void inMemoryListsSaveNothing() throws Exception {
        BanList bans = BanList.inMemory(clock);
        bans.add(kline("~a@*", 0));
        bans.save();
        assertThat(bans.file()).isNull();
    }

    @Test
    void encodingRoundTrips() {
        BanEntry e = new BanEntry(BanEntry.Kind.KLINE, "~x@*.example", "why: because", "op", 123, 456);
        assertThat(BanList.decode(BanList.encode(e))).isEqualTo(e);
        assertThatThrownBy(() -> BanList.decode("KLINE\t~x@*\tnot-a-time\t0\top\tr")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BanList.decode("DLINE\tnot-an-ip\t0\t0\top\tr")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "0, 0", "90, 90", "30m, 1800", "1h, 3600", "1H30M, 5400", "7d, 604800", "2w, 1209600", "1d12h, 129600",
            "10s, 10", "h, -1", "1x, -1", "1h30, -1", "-5, -1", "'', -1", "1.5h, -1", "*@host, -1",
            "99999999999999999999, -1", "3651d, -1", "10000000000w, -1",
    })
    void durations(String text, long seconds) {
        assertThat(BanEntry.parseDuration(text)).isEqualTo(seconds);
    }

    @Test
    void longReasonsAreCut() {
        BanEntry e = new BanEntry(BanEntry.Kind.KLINE, "~x@*", "x".repeat(500), "op", 0, 0);
        assertThat(e.reason()).hasSize(BanEntry.MAX_REASON);
        assertThat(e.expired(Long.MAX_VALUE)).isFalse();
    }
}
