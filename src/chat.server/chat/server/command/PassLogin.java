package chat.server.command;

import chat.protocol.Numeric;
import chat.server.account.Accounts;
import chat.server.state.Authentication;

/** Logging in with PASS during registration (Ergo's "login-via-pass-command"). */
final class PassLogin {

    private PassLogin() {
    }

    /**
     * PASS {@code account:password} logs in at once; PASS {@code password} waits for the nickname
     * ({@link #passLogin}). Ergo's "login-via-pass-command".
     */
    static void pass(Context ctx, String password) {
        if (!ctx.server().storage().accounts().enabled() || ctx.user().account() != null) return;
        int colon = password.indexOf(':');
        if (colon > 0) {
            login(ctx, password.substring(0, colon), password.substring(colon + 1));
        } else {
            ctx.link().authentication().setPendingPassword(password);
        }
    }

    /** Tries a PASS password that named no account against the nickname, once. */
    static void passLogin(Context ctx, String nick) {
        Authentication auth = ctx.link().authentication();
        String password = auth.pendingPassword();
        if (password == null || nick == null || ctx.user().account() != null) return;
        auth.setPendingPassword(null);
        login(ctx, nick, password);
    }

    private static void login(Context ctx, String name, String password) {
        Accounts.Login login = ctx.server().storage().accounts().login(name, password, ctx.user().identity().host());
        switch (login.outcome()) {
            case OK -> {
                Logins.loggedIn(ctx, login.account());
                Logins.reportEarlierFailures(ctx, login);
            }
            case THROTTLED -> ctx.reply().numeric(Numeric.ERR_PASSWDMISMATCH, "Too many failed attempts from your address: "
                    + "try again in " + login.retryAfterSeconds() + " seconds");
            default -> ctx.reply().numeric(Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
        }
    }
}
