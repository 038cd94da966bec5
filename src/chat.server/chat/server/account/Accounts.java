package chat.server.account;

import chat.protocol.CaseMapping;
import chat.protocol.Names;
import chat.server.spi.Account;
import chat.server.spi.AccountStore;
import chat.server.spi.ScramCredentials;
import chat.server.spi.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Registered accounts: registration, password checks for PLAIN, PASS and NickServ, SCRAM exchanges, password
 * changes, deletion, and the failed-login throttles. Key derivation (hundreds of milliseconds of CPU at
 * 600,000 iterations) runs on a few platform threads of its own, so that it never occupies the carriers of
 * the connections' virtual threads; callers on virtual threads wait for it. Passwords are never logged.
 */
public final class Accounts implements AutoCloseable {

    /** Default shortest password accepted at registration and password change ({@code --password-min-length}). */
    public static final int PASSWORD_MIN_CHARS = 8;
    /** Longest password accepted. */
    public static final int PASSWORD_MAX_CHARS = 300;
    /** Random salt per account. */
    static final int SALT_BYTES = 16;
    /** Failed logins from one address on one account in one window before that address is refused for it. */
    public static final int MAX_FAILURES_PER_ACCOUNT_AND_IP = 5;
    /** Failed logins from one IP address in one window before it is refused for every account. */
    public static final int MAX_FAILURES_PER_IP = 10;
    /**
     * Failed logins on one account in one window (from many addresses) before the addresses that failed on it
     * are refused; an address that has not failed on it (its owner) is never refused for it.
     */
    public static final int MAX_FAILURES_PER_ACCOUNT = 20;
    /** The throttles' window. */
    public static final long FAILURE_WINDOW_MILLIS = 60_000;
    /** Threads deriving keys at once. */
    static final int KDF_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    /** How a registration ended. */
    public enum Registration { REGISTERED, EXISTS, BAD_NAME, WEAK_PASSWORD, UNACCEPTABLE_PASSWORD, UNAVAILABLE }

    /** How a login ended. */
    public enum Outcome { OK, FAILED, THROTTLED, UNAVAILABLE }

    /**
     * @param outcome          what happened
     * @param account          the account logged in to (its registered spelling) when OK
     * @param retryAfterMillis when THROTTLED, how long until this address may try this account again
     * @param earlierFailures  when OK, the failed attempts on the account since its last login, or null for none
     */
    public record Login(Outcome outcome, String account, long retryAfterMillis, LoginGuard.Failures earlierFailures) {
        static final Login FAILED = new Login(Outcome.FAILED, null, 0, null);
        static final Login UNAVAILABLE = new Login(Outcome.UNAVAILABLE, null, 0, null);

        /** A THROTTLED outcome with this wait. */
        public static Login throttled(long retryAfterMillis) {
            return new Login(Outcome.THROTTLED, null, retryAfterMillis, null);
        }

        /** Whole seconds to wait, at least 1 (for the user). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }

    private static final System.Logger LOG = System.getLogger("chat.server");

    private final AccountStore store;
    private final CaseMapping caseMapping;
    private final int iterations;
    private final int minPasswordChars;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final byte[] decoySecret = new byte[32];
    private final LoginGuard guard;
    private final ExecutorService kdf;

    /** Accounts in {@code store}; null for a server without accounts. */
    public Accounts(AccountStore store, CaseMapping caseMapping, int iterations, int minPasswordChars, Clock clock) {
        if (minPasswordChars < 1 || minPasswordChars > PASSWORD_MAX_CHARS) {
            throw new IllegalArgumentException("the shortest password must be 1 to " + PASSWORD_MAX_CHARS + " characters");
        }
        this.store = store;
        this.minPasswordChars = minPasswordChars;
        this.caseMapping = caseMapping;
        this.iterations = iterations;
        this.clock = clock;
        random.nextBytes(decoySecret);
        this.guard = new LoginGuard(MAX_FAILURES_PER_ACCOUNT_AND_IP, MAX_FAILURES_PER_IP, MAX_FAILURES_PER_ACCOUNT,
                FAILURE_WINDOW_MILLIS, clock);
        this.kdf = store == null ? null
                : Executors.newFixedThreadPool(KDF_THREADS, Thread.ofPlatform().name("kdf-", 0).daemon(true).factory());
    }

    /** Shortest password accepted at registration and password change. */
    public int minPasswordChars() {
        return minPasswordChars;
    }

    public boolean enabled() {
        return store != null;
    }

    /** The store's key for an account name. */
    public String key(String name) {
        return caseMapping.fold(name);
    }

    /** The account registered under this name, if any (and if accounts are enabled). */
    public Optional<Account> find(String name) {
        if (store == null || name == null || !Names.isValidNick(name)) return Optional.empty();
        return store.find(key(name));
    }

    /** Registers {@code name}; blocks the calling (virtual) thread for the key derivation and the commit. */
    public Registration register(String name, String email, String password) {
        if (store == null) return Registration.UNAVAILABLE;
        if (!Names.isValidNick(name)) return Registration.BAD_NAME;
        if (password.length() < minPasswordChars) return Registration.WEAK_PASSWORD;
        if (password.length() > PASSWORD_MAX_CHARS) return Registration.UNACCEPTABLE_PASSWORD;
        if (store.find(key(name)).isPresent()) return Registration.EXISTS;
        try {
            ScramCredentials credentials = derive(password);
            Account account = new Account(key(name), name, credentials, email, clock.millis());
            return store.create(account).join() ? Registration.REGISTERED : Registration.EXISTS;
        } catch (CompletionException e) {
            return Registration.UNAVAILABLE;
        }
    }

    /** Checks a password for {@code name} from {@code address}, under both throttles; blocks for the derivation. */
    public Login login(String name, String password, String address) {
        if (store == null) return Login.UNAVAILABLE;
        if (name == null || password == null) return Login.FAILED;
        String key = key(name);
        long wait = guard.retryAfterMillis(key, address);
        if (wait > 0) return Login.throttled(wait);
        Optional<Account> account = find(name);
        // #10: an unknown account costs the same derivation as a wrong password, so timing tells nothing
        ScramCredentials stored = account.map(Account::credentials).orElseGet(() -> decoy(name));
        boolean ok = CompletableFuture.supplyAsync(() -> Scram.matches(stored, password), kdf).join() && account.isPresent();
        return settle(key, address, ok, account.map(Account::name).orElse(null));
    }

    /** A new SCRAM-SHA-256 exchange; finish it with {@link #scramFinished}. */
    public ScramExchange startScram() {
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        return new ScramExchange(name -> find(name).map(Account::credentials), this::decoy,
                Base64.getEncoder().encodeToString(nonce));
    }

    /** How long until a SCRAM exchange for {@code name} from {@code address} may go on: 0 when it may now. */
    public long retryAfterMillis(String name, String address) {
        return guard.retryAfterMillis(key(name), address);
    }

    /** Records the end of a SCRAM exchange; the account's spelling when it succeeded. */
    public Login scramFinished(ScramExchange exchange, String address) {
        boolean ok = exchange.state() == ScramExchange.State.SUCCEEDED;
        String name = exchange.user() == null ? "" : exchange.user();
        return settle(key(name), address, ok, ok ? find(name).map(Account::name).orElse(null) : null);
    }

    private Login settle(String key, String address, boolean ok, String accountName) {
        if (ok && accountName != null) {
            return new Login(Outcome.OK, accountName, 0, guard.succeeded(key, address));
        }
        if (guard.failed(key, address)) {
            LOG.log(Level.WARNING, "failed logins: " + address + " must wait " + guard.retryAfterMillis(key, address) / 1000
                    + " s before trying " + key + " again");
        }
        return Login.FAILED;
    }

    /** Sets a new password; false when the account is gone or the password is unacceptable. */
    public boolean setPassword(String name, String password) {
        if (store == null || password.length() < minPasswordChars || password.length() > PASSWORD_MAX_CHARS) return false;
        try {
            return store.setCredentials(key(name), derive(password)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreUnavailableException u) throw u;
            return false;
        }
    }

    /** Deletes the account; false when there was none. */
    public boolean drop(String name) {
        if (store == null) return false;
        try {
            return store.delete(key(name)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreUnavailableException u) throw u;
            return false;
        }
    }

    private ScramCredentials derive(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return CompletableFuture.supplyAsync(() -> Scram.credentials(password, salt, iterations), kdf).join();
    }

    /** Stable made-up keys for a name that is not registered: same salt every time, never matches. */
    private ScramCredentials decoy(String name) {
        byte[] mac = Scram.hmac(decoySecret, "salt:" + key(name));
        byte[] stored = Scram.hmac(decoySecret, "stored:" + key(name));
        return new ScramCredentials(Arrays.copyOf(mac, SALT_BYTES), iterations, stored, stored);
    }

    @Override
    public void close() {
        if (kdf != null) kdf.shutdownNow();
    }
}
