package chat.store.jdbc;

import chat.server.spi.Account;
import chat.server.spi.AccountStore;
import chat.server.spi.ScramCredentials;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Accounts in the {@code accounts} table. Every statement is parameterized. */
final class JdbcAccounts implements AccountStore {

    private final Writer writer;
    private final Reads reads;

    JdbcAccounts(Writer writer, Reads reads) {
        this.writer = writer;
        this.reads = reads;
    }

    private static final String COLUMNS = "key, name, salt, iterations, stored_key, server_key, email, created_ms";

    @Override
    public Optional<Account> find(String key) {
        return reads.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Account> all() {
        return reads.read(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts ORDER BY key");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        });
    }

    private static Account row(ResultSet rs) throws SQLException {
        ScramCredentials credentials = new ScramCredentials(rs.getBytes(3), rs.getInt(4), rs.getBytes(5), rs.getBytes(6));
        return new Account(rs.getString(1), rs.getString(2), credentials, rs.getString(7), rs.getLong(8));
    }

    @Override
    public CompletableFuture<Boolean> create(Account account) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO accounts (key, name, salt, iterations, stored_key, server_key, email, created_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING""")) {
                ScramCredentials k = account.credentials();
                s.setString(1, account.key());
                s.setString(2, account.name());
                s.setBytes(3, k.salt());
                s.setInt(4, k.iterations());
                s.setBytes(5, k.storedKey());
                s.setBytes(6, k.serverKey());
                s.setString(7, account.email());
                s.setLong(8, account.createdMillis());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> setCredentials(String key, ScramCredentials k) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE accounts SET salt = ?, iterations = ?, stored_key = ?, server_key = ? WHERE key = ?")) {
                s.setBytes(1, k.salt());
                s.setInt(2, k.iterations());
                s.setBytes(3, k.storedKey());
                s.setBytes(4, k.serverKey());
                s.setString(5, key);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM accounts WHERE key = ?")) {
                s.setString(1, key);
                return s.executeUpdate() == 1;
            }
        });
    }
}
