package chat.server.service;

import chat.protocol.CaseMapping;
import chat.server.change.Change;
import chat.server.spi.ChangeListener;
import chat.server.spi.ChannelMask;
import chat.server.spi.ChannelSettings;
import chat.server.spi.ChannelStore;
import chat.server.state.MaskEntry;
import chat.server.state.Registry;
import chat.server.state.SavedChannel;
import chat.server.state.Topic;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Channels that registered accounts own (#persist): their topic, modes and mask lists are written to the
 * store whenever they change, and restored when the channel is created again after a restart.
 *
 * <p>All of them are read from the store once, at start; after that the store is only written. Its
 * {@linkplain #listener listener} hears of every join, topic and mode change, after the registry released its
 * lock, and calls {@link #changed}: it copies the channel's state
 * (taking the registry lock briefly), compares it with what was last written, and queues the difference on
 * the store's writer (fire-and-forget, errors logged). Lock order: {@code lock}, then the registry's; no
 * store I/O under either (queuing a write does none).
 */
public final class RegisteredChannels {

    private static final System.Logger LOG = System.getLogger("chat.server");

    private final ChannelStore store;
    private final CaseMapping caseMapping;
    // Orders copies and their writes, so that a later copy is always queued after an earlier one.
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock: folded channel name -> what the store holds (as last queued)
    private final Map<String, SavedChannel> written = new HashMap<>();

    private RegisteredChannels(ChannelStore store, CaseMapping caseMapping) {
        this.store = store;
        this.caseMapping = caseMapping;
    }

    /** Nothing is registered or saved (no store). */
    public static RegisteredChannels none(CaseMapping caseMapping) {
        return new RegisteredChannels(null, caseMapping);
    }

    /** Every channel {@code store} holds, read now; settings that do not parse are logged and skipped. */
    public static RegisteredChannels load(ChannelStore store, CaseMapping caseMapping) {
        RegisteredChannels channels = new RegisteredChannels(store, caseMapping);
        for (ChannelSettings settings : store.all()) {
            try {
                channels.written.put(settings.key(), fromStore(settings, store.masks(settings.key())));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "skipping stored channel " + settings.name() + ": " + e.getMessage());
            }
        }
        return channels;
    }

    /** Whether channel settings are saved at all. */
    public boolean enabled() {
        return store != null;
    }

    /** What to create the channel from when it is created again, or null when it is not registered. */
    public SavedChannel saved(String name) {
        if (store == null) return null;
        lock.lock();
        try {
            return written.get(caseMapping.fold(name));
        } finally {
            lock.unlock();
        }
    }

    /** Keeps the store up to date with {@code registry}'s channels: a listener of its changes. */
    public ChangeListener listener(Registry registry) {
        return change -> {
            if (store == null) return;
            switch (change) {
                case Change.Joined j -> changed(registry, j.channel());
                case Change.TopicSet t -> changed(registry, t.channel());
                case Change.ChannelModesChanged m -> changed(registry, m.channel());
                default -> { }
            }
        };
    }

    /** Queues the writes that bring the store up to date with the channel, if an account owns it. */
    public void changed(Registry registry, String name) {
        if (store == null) return;
        String key = caseMapping.fold(name);
        lock.lock();
        try {
            SavedChannel now = registry.channelDirectory().saved(name);
            if (now == null) return;
            SavedChannel before = written.put(key, now);
            boolean settingsChanged = before == null || !Objects.equals(before.topic(), now.topic())
                    || !before.modeString().equals(now.modeString()) || !before.ownerAccount().equals(now.ownerAccount());
            if (settingsChanged) logged(store.save(toStore(key, now)), name);
            for (char letter : SavedChannel.LIST_LETTERS.toCharArray()) {
                List<MaskEntry> old = before == null ? List.of() : before.list(letter);
                List<MaskEntry> current = now.list(letter);
                for (MaskEntry e : old) {
                    if (!containsMask(current, e.mask())) logged(store.removeMask(key, letter, e.mask()), name);
                }
                for (MaskEntry e : current) {
                    // After settings were saved, every mask again: a replaced channel row may have taken them along.
                    if (settingsChanged || !containsMask(old, e.mask())) {
                        logged(store.addMask(key, new ChannelMask(letter, e.mask(), e.setBy(), e.setAtSeconds() * 1000)), name);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * #10: forgets every channel {@code account} owns (the account was dropped, or its name registered anew):
     * its settings and lists leave the store, a live one keeps going without an owner. Completes with the
     * names of those channels once the store has deleted them.
     */
    public CompletableFuture<List<String>> forgetOwnedBy(Registry registry, String account) {
        if (store == null) return CompletableFuture.completedFuture(List.of());
        String owner = caseMapping.fold(account);
        List<String> names = new ArrayList<>();
        List<CompletableFuture<Boolean>> deletes = new ArrayList<>();
        lock.lock();
        try {
            var it = written.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (!caseMapping.fold(e.getValue().ownerAccount()).equals(owner)) continue;
                it.remove();
                names.add(e.getValue().name());
                registry.disown(e.getValue().name());
                deletes.add(store.delete(e.getKey()));
            }
        } finally {
            lock.unlock();
        }
        return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new)).thenApply(done -> names);
    }

    private static boolean containsMask(List<MaskEntry> list, String mask) {
        for (MaskEntry e : list) if (e.mask().equals(mask)) return true;
        return false;
    }

    private static void logged(CompletableFuture<?> write, String channel) {
        write.whenComplete((ok, failure) -> {
            if (failure != null) LOG.log(Level.ERROR, "cannot save the settings of " + channel + ": " + failure);
        });
    }

    static ChannelSettings toStore(String key, SavedChannel c) {
        Topic topic = c.topic();
        return new ChannelSettings(key, c.name(), c.ownerAccount(), topic == null ? null : topic.text(),
                topic == null ? null : topic.setBy(), topic == null ? 0 : topic.setAtSeconds() * 1000, c.modeString(),
                c.createdAtSeconds() * 1000);
    }

    static SavedChannel fromStore(ChannelSettings s, List<ChannelMask> masks) {
        String[] words = s.modes().trim().split(" ");
        String letters = words[0].startsWith("+") ? words[0].substring(1) : words[0];
        StringBuilder flags = new StringBuilder();
        String key = null;
        int limit = 0;
        int next = 1;
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 'k' -> key = words[next++];
                case 'l' -> limit = Integer.parseInt(words[next++]);
                case 'i', 'm', 'n', 's', 't' -> flags.append(c);
                default -> throw new IllegalArgumentException("unknown mode " + c + " in " + s.modes());
            }
        }
        Map<Character, List<MaskEntry>> lists = new HashMap<>();
        for (ChannelMask m : masks) {
            lists.computeIfAbsent(m.list(), l -> new ArrayList<>()).add(new MaskEntry(m.mask(), m.setBy(), m.setMillis() / 1000));
        }
        Topic topic = s.topic() == null ? null : new Topic(s.topic(), s.topicSetBy(), s.topicSetMillis() / 1000);
        return new SavedChannel(s.name(), s.ownerAccount(), topic, flags.toString(), key, limit, lists,
                s.createdMillis() / 1000);
    }
}
