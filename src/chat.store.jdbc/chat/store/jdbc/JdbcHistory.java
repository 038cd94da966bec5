package chat.store.jdbc;

import chat.protocol.TagValues;
import chat.server.spi.Activity;
import chat.server.spi.HistoryStore;
import chat.server.spi.Position;
import chat.server.spi.StoredMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** History in the {@code messages} table, ordered by (time_ms, seq); private parties in {@code parties}. */
final class JdbcHistory implements HistoryStore {

    private static final String COLUMNS = "seq, msgid, time_ms, conversation, source, account, command, target, text, tags";

    private final Writer writer;
    private final Reads reads;
    private final Retention retention;

    JdbcHistory(Writer writer, Reads reads, Retention retention) {
        this.writer = writer;
        this.reads = reads;
        this.retention = retention;
    }

    /** Where a msgid sits: served by {@code messages_by_msgid}. */
    static final String POSITION_SQL = "SELECT time_ms, seq FROM messages WHERE msgid = ? AND conversation = ? LIMIT 1";

    /** A page of one conversation: served by {@code messages_by_conversation} (conversation, time_ms, seq). */
    static String rangeSql(boolean after, boolean before, boolean newest) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM messages WHERE conversation = ?");
        if (after) sql.append(" AND (time_ms > ? OR (time_ms = ? AND seq > ?))");
        if (before) sql.append(" AND (time_ms < ? OR (time_ms = ? AND seq < ?))");
        return sql.append(newest ? " ORDER BY time_ms DESC, seq DESC" : " ORDER BY time_ms, seq").append(" LIMIT ?").toString();
    }

    /** The conversations of a party and of {@code channels} channels active in a window, latest first. */
    static String targetsSql(int channels) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < channels; i++) in.append(i == 0 ? "?" : ", ?");
        // A conversation's latest message must fall in the window: one with newer messages is not listed.
        return "SELECT conversation, MAX(time_ms) FROM messages WHERE ("
                + "conversation IN (SELECT conversation FROM parties WHERE party = ?)"
                + (channels == 0 ? "" : " OR conversation IN (" + in + ")")
                + ") GROUP BY conversation HAVING MAX(time_ms) > ? AND MAX(time_ms) < ? ORDER BY 2, 1 LIMIT ?";
    }

    @Override
    public CompletableFuture<Void> append(StoredMessage m, List<String> parties) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO messages (msgid, time_ms, conversation, source, "
                    + "account, command, target, text, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, m.msgid());
                s.setLong(2, m.timeMillis());
                s.setString(3, m.conversation());
                s.setString(4, m.source());
                s.setString(5, m.account());
                s.setString(6, m.command());
                s.setString(7, m.target());
                s.setString(8, m.text());
                s.setString(9, encodeTags(m.tags()));
                s.executeUpdate();
            }
            if (!parties.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO parties (party, conversation) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    for (String party : parties) {
                        s.setString(1, party);
                        s.setString(2, m.conversation());
                        s.executeUpdate();
                    }
                }
            }
            retention.touched(m.conversation());
            return null;
        });
    }

    @Override
    public Optional<Position> position(String conversation, String msgid) {
        return reads.read(c -> {
            try (PreparedStatement s = c.prepareStatement(POSITION_SQL)) {
                s.setString(1, msgid);
                s.setString(2, conversation);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Position(rs.getLong(1), rs.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<StoredMessage> range(String conversation, Position after, Position before, int limit, boolean newest) {
        String sql = rangeSql(after != null, before != null, newest);
        return reads.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, conversation);
                i = bind(s, i, after);
                i = bind(s, i, before);
                s.setInt(i, limit);
                List<StoredMessage> out = new ArrayList<>(Math.min(limit, 256));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
                if (newest) Collections.reverse(out);
                return out;
            }
        });
    }

    private static int bind(PreparedStatement s, int i, Position p) throws SQLException {
        if (p == null) return i;
        s.setLong(i++, p.timeMillis());
        s.setLong(i++, p.timeMillis());
        s.setLong(i++, p.seq());
        return i;
    }

    @Override
    public List<Activity> targets(String party, Collection<String> channels, long fromMillis, long toMillis, int limit) {
        String sql = targetsSql(channels.size());
        return reads.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, party == null ? "" : party);
                for (String channel : channels) s.setString(i++, channel);
                s.setLong(i++, fromMillis);
                s.setLong(i++, toMillis);
                s.setInt(i, limit);
                List<Activity> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.add(new Activity(rs.getString(1), rs.getLong(2)));
                }
                return out;
            }
        });
    }

    @Override
    public List<StoredMessage> afterSeq(long afterSeq, int limit) {
        return reads.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE seq > ? ORDER BY seq LIMIT ?")) {
                s.setLong(1, afterSeq);
                s.setInt(2, limit);
                List<StoredMessage> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
                return out;
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> delete(String conversation, String msgid) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE conversation = ? AND msgid = ?")) {
                s.setString(1, conversation);
                s.setString(2, msgid);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public CompletableFuture<Integer> forget(String party) {
        return writer.submit(c -> {
            int deleted;
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM messages WHERE conversation IN (SELECT conversation FROM parties WHERE party = ?)")) {
                s.setString(1, party);
                deleted = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM parties WHERE conversation IN (SELECT conversation FROM parties WHERE party = ?)")) {
                s.setString(1, party);
                s.executeUpdate();
            }
            return deleted;
        });
    }

    @Override
    public CompletableFuture<Integer> expire() {
        return writer.submit(retention::apply);
    }

    private static StoredMessage row(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), decodeTags(rs.getString(10)));
    }

    /** Tags as on the wire ({@code k=v;k2=v2}, values escaped). */
    static String encodeTags(Map<String, String> tags) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (out.length() > 0) out.append(';');
            out.append(e.getKey());
            if (!e.getValue().isEmpty()) out.append('=').append(TagValues.escape(e.getValue()));
        }
        return out.toString();
    }

    static Map<String, String> decodeTags(String encoded) {
        if (encoded == null || encoded.isEmpty()) return Map.of();
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : encoded.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 0) tags.put(pair, "");
            else tags.put(pair.substring(0, eq), TagValues.unescape(pair.substring(eq + 1)));
        }
        return tags;
    }
}
