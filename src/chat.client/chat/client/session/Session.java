package chat.client.session;

import chat.client.render.View;
import chat.protocol.CaseMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the client knows about itself on the server: its nickname, whether it is registered, the channels it
 * is in and which one is current. Written by the reader thread (from what the server says) and by the main
 * thread (from what the user types); every method takes the one lock.
 */
final class Session {

    private final ReentrantLock lock = new ReentrantLock();
    private String nick; // guarded by lock
    private boolean registered; // guarded by lock
    private String current; // guarded by lock
    private final List<String> channels = new ArrayList<>(); // guarded by lock; joined, oldest first
    private CaseMapping mapping = CaseMapping.RFC1459; // guarded by lock
    private boolean quitting; // guarded by lock

    Session(String nick) {
        this.nick = nick;
    }

    /** A snapshot for rendering and input. */
    View view() {
        lock.lock();
        try {
            return new View(nick, current, mapping);
        } finally {
            lock.unlock();
        }
    }

    boolean registered() {
        lock.lock();
        try {
            return registered;
        } finally {
            lock.unlock();
        }
    }

    String current() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** 001: registered under this nickname (the server's spelling). */
    void welcome(String acceptedNick) {
        lock.lock();
        try {
            registered = true;
            if (acceptedNick != null) nick = acceptedNick;
        } finally {
            lock.unlock();
        }
    }

    /** We try, or were given, another nickname. */
    void nick(String newNick) {
        lock.lock();
        try {
            nick = newNick;
        } finally {
            lock.unlock();
        }
    }

    /** The user asked to quit: the server's closing ERROR is expected, not a failure. */
    void quitting() {
        lock.lock();
        try {
            quitting = true;
        } finally {
            lock.unlock();
        }
    }

    boolean isQuitting() {
        lock.lock();
        try {
            return quitting;
        } finally {
            lock.unlock();
        }
    }

    /** The server's ISUPPORT CASEMAPPING. */
    void mapping(CaseMapping newMapping) {
        lock.lock();
        try {
            mapping = newMapping;
        } finally {
            lock.unlock();
        }
    }

    /** We joined a channel; the first one becomes current. */
    void joined(String channel) {
        lock.lock();
        try {
            if (indexOf(channel) < 0) channels.add(channel);
            if (current == null) current = channel;
        } finally {
            lock.unlock();
        }
    }

    /**
     * We left (or were kicked from) a channel; if it was current, the last one joined takes its place.
     * Returns whether the current channel changed.
     */
    boolean left(String channel) {
        lock.lock();
        try {
            int i = indexOf(channel);
            if (i >= 0) channels.remove(i);
            if (current == null || !mapping.equal(current, channel)) return false;
            current = lastChannel();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The user switched to a channel (by /join). */
    void focus(String channel) {
        lock.lock();
        try {
            current = channel;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Joining failed: a current channel we are not in goes back to the last one joined. Returns whether the
     * current channel changed.
     */
    boolean joinFailed(String channel) {
        lock.lock();
        try {
            if (current == null || !mapping.equal(current, channel) || indexOf(channel) >= 0) return false;
            current = lastChannel();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Makes the channel current if none is. */
    void assume(String channel) {
        lock.lock();
        try {
            if (current == null) current = channel;
        } finally {
            lock.unlock();
        }
    }

    private int indexOf(String channel) {
        for (int i = 0; i < channels.size(); i++) {
            if (mapping.equal(channels.get(i), channel)) return i;
        }
        return -1;
    }

    private String lastChannel() {
        return channels.isEmpty() ? null : channels.get(channels.size() - 1);
    }
}
