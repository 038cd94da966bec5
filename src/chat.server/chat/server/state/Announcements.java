package chat.server.state;

import chat.server.spi.ChangeListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The registry's outbox: the changes a lock holder made wait here until it releases the lock, then go to
 * delivery and to every {@link ChangeListener}, on the same thread, outside the lock. Changes one thread
 * makes are published in the order it made them.
 */
final class Announcements {

    private static final System.Logger LOG = System.getLogger("chat.server");
    private static final ChangeSink NOWHERE = (announcement, echo) -> { };

    private final ReentrantLock lock;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ChangeSink sink = NOWHERE;
    // guarded by lock: made by the lock's current holder, published when it releases the lock
    private final ArrayList<Announcement> pending = new ArrayList<>(2);

    Announcements(ReentrantLock lock) {
        this.lock = lock;
    }

    void deliverThrough(ChangeSink sink) {
        this.sink = sink;
    }

    void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    /** Records a change; the caller holds the lock. */
    void add(Announcement announcement) {
        pending.add(announcement);
    }

    /** Releases the lock, then publishes what its holder changed (once the outermost hold is released). */
    void unlockAndPublish(Echo echo) {
        if (pending.isEmpty() || lock.getHoldCount() > 1) {
            lock.unlock();
            return;
        }
        Announcement[] made = pending.toArray(new Announcement[0]);
        pending.clear();
        lock.unlock();
        for (Announcement a : made) publish(a, echo);
    }

    private void publish(Announcement a, Echo echo) {
        sink.deliver(a, echo);
        for (ChangeListener listener : listeners) {
            try {
                listener.changed(a.change());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "change listener " + listener + " failed on " + a.change(), e);
            }
        }
    }
}
