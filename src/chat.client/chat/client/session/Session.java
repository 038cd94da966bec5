package chat.client.session;

import chat.client.render.View;
import chat.protocol.CaseMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the client knows about itself on the server: its nickname, whether it is registered, the channels it
 * is in and who is in them, the private chats it has open, and which target (channel or private chat) is
 * current. Written by the reader thread (from what the server says) and by the main thread (from what the user
 * types); read by the terminal's completion; every method takes the one lock.
 */
final class Session implements Roster {

    private final ReentrantLock lock = new ReentrantLock();
    private String nick; // guarded by lock
    private boolean registered; // guarded by lock
    private String current; // guarded by lock
    private final List<String> channels = new ArrayList<>(); // guarded by lock; joined, oldest first
    private final List<String> chats = new ArrayList<>(); // guarded by lock; private chats, oldest first
    private final Map<String, Map<String, String>> members = new HashMap<>(); // guarded by lock; folded channel -> folded nick -> nick
    private CaseMapping mapping = CaseMapping.RFC1459; // guarded by lock
    private boolean quitting; // guarded by lock

    Session(String nick) {
        this.nick = nick;
    }

    /** A snapshot for rendering and input. */
    @Override
    public View view() {
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

    @Override
    public List<String> targets() {
        lock.lock();
        try {
            List<String> all = new ArrayList<>(channels);
            all.addAll(chats);
            return List.copyOf(all);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> members(String channel) {
        lock.lock();
        try {
            Map<String, String> in = channel == null ? null : members.get(mapping.fold(channel));
            return in == null ? List.of() : List.copyOf(in.values());
        } finally {
            lock.unlock();
        }
    }

    /** A private chat with {@code nick} is open (we wrote to them, or they to us); it joins the targets. */
    void chatWith(String nick) {
        lock.lock();
        try {
            if (!contains(chats, nick)) chats.add(nick);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The user switches to a target by name: a channel we are in, or a nickname (a private chat, opened if
     * need be). Returns false for a channel we are not in.
     */
    boolean switchTo(String target) {
        lock.lock();
        try {
            if (target.startsWith("#")) {
                int i = indexOf(target);
                if (i < 0) return false;
                current = channels.get(i);
                return true;
            }
            if (!contains(chats, target)) chats.add(target);
            current = target;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The user switches to the target numbered {@code number} (from 1) in {@link #targets}; false if none. */
    boolean switchTo(int number) {
        List<String> all = targets();
        if (number < 1 || number > all.size()) return false;
        return switchTo(all.get(number - 1));
    }

    /** Names of a channel, from a NAMES reply (with their status prefixes such as {@code @}). */
    void named(String channel, List<String> names) {
        lock.lock();
        try {
            Map<String, String> in = members.computeIfAbsent(mapping.fold(channel), c -> new LinkedHashMap<>());
            for (String name : names) {
                String nick = name.replaceFirst("^[~&@%+]+", "");
                int bang = nick.indexOf('!');
                if (bang > 0) nick = nick.substring(0, bang);
                if (!nick.isEmpty()) in.put(mapping.fold(nick), nick);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Someone joined a channel we are in. */
    void arrived(String channel, String nick) {
        named(channel, List.of(nick));
    }

    /** Someone left a channel (PART, KICK); when it is us, we forget its members. */
    void departed(String channel, String nick) {
        lock.lock();
        try {
            if (this.nick != null && mapping.equal(this.nick, nick)) {
                members.remove(mapping.fold(channel));
            } else {
                Map<String, String> in = members.get(mapping.fold(channel));
                if (in != null) in.remove(mapping.fold(nick));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Someone quit: gone from every channel. */
    void quit(String nick) {
        lock.lock();
        try {
            for (Map<String, String> in : members.values()) in.remove(mapping.fold(nick));
        } finally {
            lock.unlock();
        }
    }

    /** Someone changed nickname: renamed in every channel, in the private chats, and as the current target. */
    void renamed(String from, String to) {
        lock.lock();
        try {
            for (Map<String, String> in : members.values()) {
                if (in.remove(mapping.fold(from)) != null) in.put(mapping.fold(to), to);
            }
            for (int i = 0; i < chats.size(); i++) {
                if (mapping.equal(chats.get(i), from)) chats.set(i, to);
            }
            if (current != null && mapping.equal(current, from)) current = to;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The connection is gone and a new one starts: not registered, in no channel yet. Returns the channels we
     * were in, to join again; the private chats and the current target stay.
     */
    List<String> reconnecting() {
        lock.lock();
        try {
            List<String> were = List.copyOf(channels);
            registered = false;
            quitting = false;
            channels.clear();
            members.clear();
            return were;
        } finally {
            lock.unlock();
        }
    }

    private boolean contains(List<String> names, String name) {
        for (String n : names) {
            if (mapping.equal(n, name)) return true;
        }
        return false;
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
