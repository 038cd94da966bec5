package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.account.Accounts;
import chat.server.account.Scram;
import chat.server.account.ScramExchange;
import chat.server.state.Authentication;
import chat.server.state.User;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Accounts on the wire: SASL (AUTHENTICATE, PLAIN and SCRAM-SHA-256) and REGISTER (login by PASS is {@link PassLogin}'s). */
final class AccountCommands {

    /** Longest AUTHENTICATE parameter; a parameter of exactly this length means more follows. */
    static final int CHUNK_BYTES = 400;
    /** Longest SASL message, in base64 characters, over all its chunks (as Ergo's 8 KiB). */
    static final int MAX_SASL_BYTES = 8192;
    /** Longest e-mail address accepted at registration. */
    static final int EMAIL_MAX = 254;

    // AUTHENTICATE <mechanism> | AUTHENTICATE <base64>|+ | AUTHENTICATE *
    void authenticate(Context ctx, IrcMessage m) {
        User s = ctx.user();
        Authentication auth = ctx.link().authentication();
        String param = m.param(0);
        if (!ctx.server().storage().accounts().enabled()) {
            ctx.reply().numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed: accounts are not enabled");
            return;
        }
        if (param.equals("*")) {
            auth.reset();
            ctx.reply().numeric(Numeric.ERR_SASLABORTED, "SASL authentication aborted");
            return;
        }
        if (auth.mechanism() == null) {
            if (s.account() != null) {
                ctx.reply().numeric(Numeric.ERR_SASLALREADY, "You have already authenticated using SASL");
                return;
            }
            String mechanism = param.toUpperCase(Locale.ROOT);
            if (!mechanism.equals("PLAIN") && !mechanism.equals(Scram.MECHANISM)) {
                ctx.reply().numeric(Numeric.RPL_SASLMECHS, AccountCapabilities.MECHANISMS, "are available SASL mechanisms");
                ctx.reply().numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed");
                return;
            }
            auth.start(mechanism);
            ctx.reply().fromServer("AUTHENTICATE", "+");
            return;
        }
        if (param.length() > CHUNK_BYTES) {
            auth.reset();
            ctx.reply().numeric(Numeric.ERR_SASLTOOLONG, "SASL message too long");
            return;
        }
        if (auth.chunks().length() + param.length() > MAX_SASL_BYTES) {
            // Every line was a legal chunk, but together they pass what any mechanism needs: the exchange fails.
            auth.reset();
            ctx.reply().numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed: the response is too long");
            return;
        }
        if (!param.equals("+")) auth.chunks().append(param);
        if (param.length() == CHUNK_BYTES) return;
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(auth.chunks().toString());
        } catch (IllegalArgumentException e) {
            fail(ctx, auth);
            return;
        }
        auth.chunks().setLength(0);
        if (auth.mechanism().equals("PLAIN")) plain(ctx, auth, payload);
        else scram(ctx, auth, new String(payload, StandardCharsets.UTF_8));
    }

    // PLAIN (RFC 4616): [authzid] NUL authcid NUL passwd
    private static void plain(Context ctx, Authentication auth, byte[] payload) {
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\u0000", -1);
        if (parts.length != 3 || (!parts[0].isEmpty() && !parts[0].equals(parts[1]))) {
            fail(ctx, auth);
            return;
        }
        Accounts.Login login = ctx.server().storage().accounts().login(parts[1], parts[2], ctx.user().identity().host());
        finish(ctx, auth, login);
    }

    // SCRAM-SHA-256 (RFC 5802, RFC 7677): client-first, server-first, client-final, server-final, empty reply
    private static void scram(Context ctx, Authentication auth, String message) {
        Accounts accounts = ctx.server().storage().accounts();
        String address = ctx.user().identity().host();
        if (auth.verifiedAccount() != null) {
            String account = auth.verifiedAccount();
            auth.reset();
            succeed(ctx, account);
            return;
        }
        ScramExchange exchange = auth.scram();
        if (exchange == null) {
            exchange = accounts.startScram();
            auth.setScram(exchange);
            String serverFirst = exchange.clientFirst(message);
            long wait = serverFirst == null ? 0 : accounts.retryAfterMillis(exchange.user(), address);
            if (serverFirst == null) {
                fail(ctx, auth);
            } else if (wait > 0) {
                auth.reset();
                ctx.reply().numeric(Numeric.ERR_SASLFAIL, throttled(Accounts.Login.throttled(wait)));
            } else {
                challenge(ctx, serverFirst);
            }
            return;
        }
        String serverFinal = exchange.clientFinal(message);
        Accounts.Login login = accounts.scramFinished(exchange, address);
        if (serverFinal == null || login.outcome() != Accounts.Outcome.OK) {
            fail(ctx, auth);
            return;
        }
        auth.setVerifiedAccount(login.account());
        Logins.reportEarlierFailures(ctx, login);
        challenge(ctx, serverFinal);
    }

    /** Sends a SASL challenge in 400-byte chunks, with a final {@code +} when the last one is full. */
    private static void challenge(Context ctx, String message) {
        String encoded = Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < encoded.length(); i += CHUNK_BYTES) {
            ctx.reply().fromServer("AUTHENTICATE", encoded.substring(i, Math.min(encoded.length(), i + CHUNK_BYTES)));
        }
        if (encoded.isEmpty() || encoded.length() % CHUNK_BYTES == 0) ctx.reply().fromServer("AUTHENTICATE", "+");
    }

    private static void finish(Context ctx, Authentication auth, Accounts.Login login) {
        auth.reset();
        switch (login.outcome()) {
            case OK -> {
                Logins.reportEarlierFailures(ctx, login);
                succeed(ctx, login.account());
            }
            case THROTTLED -> ctx.reply().numeric(Numeric.ERR_SASLFAIL, throttled(login));
            default -> ctx.reply().numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed");
        }
    }

    /** #10: whoever is throttled learns why and for how long (it is his address, never the account, that waits). */
    static String throttled(Accounts.Login login) {
        return "SASL authentication failed: too many failed attempts from your address, try again in "
                + login.retryAfterSeconds() + " seconds";
    }

    private static void succeed(Context ctx, String account) {
        Logins.loggedIn(ctx, account);
        ctx.reply().numeric(Numeric.RPL_SASLSUCCESS, "SASL authentication successful");
    }

    private static void fail(Context ctx, Authentication auth) {
        auth.reset();
        ctx.reply().numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed");
    }

    // REGISTER <account> {<email> | "*"} <password>
    void registerCommand(Context ctx, IrcMessage m) {
        String name = m.param(0).equals("*") ? ctx.user().nick() : m.param(0);
        String email = m.param(1).equals("*") ? null : m.param(1);
        register(ctx, name, email, m.param(2), true);
    }

    /**
     * Registers {@code name} for the command's client and logs it in; answers with draft/account-registration
     * replies ({@code standard}) or NickServ notices.
     */
    void register(Context ctx, String name, String email, String password, boolean standard) {
        User s = ctx.user();
        String shown = name == null ? "*" : name;
        Accounts accounts = ctx.server().storage().accounts();
        if (!accounts.enabled() || !ctx.server().storage().config().registrationOpen()) {
            registerFailed(ctx, standard, "TEMPORARILY_UNAVAILABLE", shown, "Registration is not open on this server");
        } else if (s.account() != null) {
            registerFailed(ctx, standard, "ALREADY_AUTHENTICATED", shown, "You are already logged in as " + s.account());
        } else if (name == null) {
            registerFailed(ctx, standard, "NEED_NICK", shown, "Send NICK before registering your nickname");
        } else if (!accounts.key(name).equals(accounts.key(s.nick() == null ? "" : s.nick()))) {
            registerFailed(ctx, standard, "ACCOUNT_NAME_MUST_BE_NICK", shown, "The account name must be your nickname");
        } else if (email != null && (email.length() > EMAIL_MAX || email.indexOf('@') < 1)) {
            registerFailed(ctx, standard, "INVALID_EMAIL", shown, "That is not an e-mail address");
        } else {
            switch (accounts.register(name, email, password)) {
                case REGISTERED -> {
                    // #10: a name registered anew starts with nothing of an earlier account of that name
                    try {
                        AccountTraces.remove(ctx, name).join();
                    } catch (java.util.concurrent.CompletionException e) {
                        accounts.drop(name);
                        registerFailed(ctx, standard, "TEMPORARILY_UNAVAILABLE", name, "Try again later");
                        return;
                    }
                    if (standard) ctx.reply().fromServer("REGISTER", "SUCCESS", name, "Account created");
                    else NickServ.reply(ctx, "Account " + name + " registered: you are now logged in.");
                    Logins.loggedIn(ctx, name);
                }
                case EXISTS -> registerFailed(ctx, standard, "ACCOUNT_EXISTS", name, "Account already exists");
                case BAD_NAME -> registerFailed(ctx, standard, "BAD_ACCOUNT_NAME", name, "Account name is not a valid nickname");
                case WEAK_PASSWORD -> registerFailed(ctx, standard, "WEAK_PASSWORD", name,
                        "Password must be at least " + ctx.server().storage().accounts().minPasswordChars() + " characters");
                case UNACCEPTABLE_PASSWORD -> registerFailed(ctx, standard, "UNACCEPTABLE_PASSWORD", name,
                        "Password must be at most " + Accounts.PASSWORD_MAX_CHARS + " characters");
                case UNAVAILABLE -> registerFailed(ctx, standard, "TEMPORARILY_UNAVAILABLE", name, "Try again later");
            }
        }
    }

    private static void registerFailed(Context ctx, boolean standard, String code, String account, String text) {
        if (standard) ctx.reply().standard("FAIL", "REGISTER", code, account, text);
        else NickServ.reply(ctx, text + ".");
    }

}
