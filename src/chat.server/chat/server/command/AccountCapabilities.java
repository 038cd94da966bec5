package chat.server.command;

import chat.protocol.Capability;
import chat.server.account.Scram;

/** Which account-related capabilities are on offer (they depend on the store and the configuration), and their values. */
final class AccountCapabilities {

    /** The SASL mechanisms offered (the sasl capability's value, 908). */
    static final String MECHANISMS = "PLAIN," + Scram.MECHANISM;

    private AccountCapabilities() {
    }

    /** Whether the sasl capability (and with it AUTHENTICATE) is on offer. */
    static boolean offered(Context ctx, Capability c) {
        boolean accounts = ctx.server().storage().accounts().enabled();
        return switch (c) {
            case SASL -> accounts;
            case ACCOUNT_REGISTRATION -> accounts && ctx.server().storage().config().registrationOpen();
            case CHATHISTORY -> ctx.server().storage().history().enabled();
            default -> true;
        };
    }

    /** The capability's CAP LS 302 value, or null. */
    static String value(Context ctx, Capability c) {
        return switch (c) {
            case SASL -> MECHANISMS;
            // as Ergo: registration works before the connection is complete; the account is the nickname
            case ACCOUNT_REGISTRATION -> "before-connect";
            case MULTILINE -> MultilineBatches.CAP_VALUE;
            default -> null;
        };
    }
}
