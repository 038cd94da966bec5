package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.account.LoginGuard;
import chat.server.state.User;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * #10: failed OPER attempts, as failed logins are: throttled per source address and per operator block (an
 * address that has not failed is never refused), logged, and told to every online IRC operator.
 */
final class OperAttempts {

    /** Failures from one address on one block in a window before that address is refused for the block. */
    static final int MAX_PER_BLOCK_AND_ADDRESS = 3;
    /** Failures from one address in a window before it is refused for every block. */
    static final int MAX_PER_ADDRESS = 5;
    /** Failures on one block in a window before every address that failed on it is refused. */
    static final int MAX_PER_BLOCK = 10;
    /** The window. */
    static final long WINDOW_MILLIS = 5 * 60_000;

    private static final System.Logger LOG = System.getLogger("chat.server");

    private final LoginGuard guard;

    OperAttempts(Clock clock) {
        this.guard = new LoginGuard(MAX_PER_BLOCK_AND_ADDRESS, MAX_PER_ADDRESS, MAX_PER_BLOCK, WINDOW_MILLIS, clock);
    }

    /** How long until {@code s} may try {@code block} again; 0 when it may now. */
    long retryAfterMillis(User s, String block) {
        return guard.retryAfterMillis(block, s.identity().host());
    }

    /** Counts, logs and tells the operators about a failed attempt of {@code s} on {@code block}, for {@code why}. */
    void failed(Context ctx, String block, String why) {
        User s = ctx.user();
        boolean nowWaits = guard.failed(block, s.identity().host());
        String text = "Failed OPER attempt by " + s.identity().prefix() + " (" + why + ")"
                + (nowWaits ? "; " + s.identity().host() + " must now wait "
                        + guard.retryAfterMillis(block, s.identity().host()) / 1000 + " s" : "");
        LOG.log(Level.WARNING, text);
        String server = ctx.server().name();
        for (User oper : ctx.registry().everyone()) {
            if (!oper.operator() || oper == s) continue;
            oper.delivery().reply(LineWriter.encodeWithin(IrcMessage.from(server, "NOTICE", oper.target(), "*** " + text)));
        }
    }

    /** A successful OPER: the address starts afresh for that block. */
    void succeeded(User s, String block) {
        guard.succeeded(block, s.identity().host());
    }
}
