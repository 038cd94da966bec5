package chat.store;

import chat.server.spi.Account;
import chat.server.spi.AccountStore;
import chat.server.spi.ScramCredentials;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Accounts in the {@code accounts} table. Every statement is parameterized. */
final class SqliteAccounts implements AccountStore {

    private final Writer writer;
    private final ReadPool reads;

    SqliteAccounts(Writer writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public Optional<Account> find(String key) {
        return reads.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT key, name, salt, iterations, stored_key, server_key, email, created_ms FROM accounts WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    ScramCredentials credentials = new ScramCredentials(rs.getBytes(3), rs.getInt(4), rs.getBytes(5), rs.getBytes(6));
                    return Optional.of(new Account(rs.getString(1), rs.getString(2), credentials, rs.getString(7), rs.getLong(8)));
                }
            }
        });
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
