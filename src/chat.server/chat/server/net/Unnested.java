package chat.server.net;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;

/**
 * Runs the consequences of disconnections one after another on the thread that started the first, never inside
 * each other. A client dropped while another's QUIT is being sent to everyone (its send queue overflowed, or the
 * queues' shared budget ran low) leaves once that QUIT is out: a cascade of such drops under memory pressure is a
 * loop, not a recursion that grows the stack until it overflows.
 */
final class Unnested {

    private static final System.Logger LOG = System.getLogger("chat.server");
    // the steps waiting for the outermost step of this thread to finish; null when none is running
    private static final ThreadLocal<ArrayDeque<Runnable>> PENDING = new ThreadLocal<>();

    private Unnested() {
    }

    /** Runs {@code step} now, or, when called from inside a step of this thread, after that one (in order). */
    static void run(Runnable step) {
        ArrayDeque<Runnable> pending = PENDING.get();
        if (pending != null) {
            pending.add(step);
            return;
        }
        pending = new ArrayDeque<>();
        PENDING.set(pending);
        RuntimeException failure = null;
        try {
            step.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            for (Runnable next; (next = pending.poll()) != null; ) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "a disconnection's consequences failed", e);
                }
            }
        } finally {
            PENDING.remove();
        }
        if (failure != null) throw failure;
    }
}
