package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.spi.StoreUnavailableException;
import java.util.concurrent.CompletionException;

/**
 * The answer to a command that needed the store while it is unavailable: {@code FAIL <command>
 * TEMPORARILY_UNAVAILABLE} (IRCv3 standard replies), or 904 for SASL, whose clients only understand numerics.
 * The client stays connected; the store reconnects on its own.
 */
final class StoreOutage {

    private StoreOutage() {
    }

    /** The store failure behind {@code e}, or null when {@code e} is something else. */
    static StoreUnavailableException cause(RuntimeException e) {
        if (e instanceof StoreUnavailableException u) return u;
        if (e instanceof CompletionException && e.getCause() instanceof StoreUnavailableException u) return u;
        return null;
    }

    static void answer(Context ctx, IrcMessage m) {
        if (m.command().equals("AUTHENTICATE")) {
            ctx.link().authentication().reset();
            ctx.reply().numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed: the account store is unavailable, try again later");
        } else {
            ctx.reply().standard("FAIL", m.command(), "TEMPORARILY_UNAVAILABLE", "The store is unavailable: try again later");
        }
    }
}
