package chat.server.state;

import chat.server.change.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry steps a cluster node needs beyond a single server's (#12), under the registry's one lock: a
 * nickname granted by the log to a user (it overrides an unregistered local claim, whose own arrival will then
 * be refused), and the memberships, channel states and pending invitations a node announces and restores when the
 * network rebuilds.
 */
public final class NetworkState {

    private final Registry registry;

    NetworkState(Registry registry) {
        this.registry = registry;
    }

    /**
     * Gives {@code nick} to {@code user} and counts it as a registered user, as the log decided; false if a
     * registered user already holds the nick (the later arrival loses) or the user was removed meanwhile.
     */
    public boolean arrive(User user, String nick) {
        String folded = registry.caseMapping().fold(nick);
        registry.lock.lock();
        try {
            User holder = registry.nicks.get(folded);
            if (user.removed || holder != null && holder != user && registry.registered.contains(holder)) return false;
            String old = user.nick();
            if (old != null) registry.nicks.remove(registry.caseMapping().fold(old), user);
            registry.nicks.put(folded, user);
            user.setIdentity(user.identity().withNick(nick));
            registry.registered.add(user);
            registry.maxUsers = Math.max(registry.maxUsers, registry.registered.size());
            user.markRegistered();
            registry.announcements.add(new Announcement(new Change.Registered(user.identity(), user.account()), user,
                    Registry.NO_USERS));
            return true;
        } finally {
            registry.announcements.unlockAndPublish(null);
        }
    }

    /**
     * Takes a user of a dead node out of the state like a QUIT, but without delivering it: the caller sends the
     * QUITs of the whole split in one batch. Returns the peers who shared a channel with it.
     */
    public User[] split(User user, String reason) {
        registry.lock.lock();
        try {
            user.removed = true;
            String nick = user.nick();
            if (nick != null) registry.nicks.remove(registry.caseMapping().fold(nick), user);
            if (!registry.registered.remove(user)) return Registry.NO_USERS;
            registry.whowas.add(new WhowasEntry(user.identity(), registry.clock.millis() / 1000));
            User[] audience = ChannelDirectory.audienceOf(user, false);
            for (Channel channel : user.channels) {
                channel.remove(user);
                if (channel.isEmpty()) registry.channels.remove(registry.caseMapping().fold(channel.name()));
            }
            user.channels.clear();
            return audience;
        } finally {
            registry.lock.unlock();
        }
    }

    /**
     * One channel a user is on, as a node announces it.
     *
     * @param channel the channel's name
     * @param modes   the member's prefix modes ("ov", "o", "" ...)
     */
    public record Membership(String channel, String modes) {
    }

    /** The channels {@code user} is on, with its modes on each. */
    public List<Membership> memberships(User user) {
        registry.lock.lock();
        try {
            List<Membership> list = new ArrayList<>(user.channels.size());
            for (Channel c : user.channels) {
                String modes = c.modesOf(user);
                list.add(new Membership(c.name(), modes == null ? "" : modes));
            }
            return list;
        } finally {
            registry.lock.unlock();
        }
    }

    /** Puts a user back on a channel (creating it) with its modes, silently: the network is rebuilding. */
    public void restore(User user, Membership membership) {
        String folded = registry.caseMapping().fold(membership.channel());
        registry.lock.lock();
        try {
            if (user.removed || !registry.registered.contains(user)) return;
            Channel channel = registry.channels.computeIfAbsent(folded,
                    f -> new Channel(membership.channel(), registry.clock.millis() / 1000));
            if (channel.has(user)) {
                channel.setModesOf(user, membership.modes());
            } else {
                channel.add(user, membership.modes());
                user.channels.add(channel);
            }
        } finally {
            registry.lock.unlock();
        }
    }

    /**
     * The users invited to the channel and not joined yet, oldest first, those gone since left out; empty if there
     * is no such channel.
     */
    public List<User> invitations(String channel) {
        registry.lock.lock();
        try {
            Channel c = registry.channels.get(registry.caseMapping().fold(channel));
            if (c == null) return List.of();
            List<User> invited = new ArrayList<>();
            for (User u : c.invitations()) if (!u.removed && registry.registered.contains(u)) invited.add(u);
            return invited;
        } finally {
            registry.lock.unlock();
        }
    }

    /**
     * Puts back a pending invitation of {@code user} to a channel, silently: the network is rebuilding. Nothing
     * happens if the channel does not exist here or the user is gone.
     */
    public void restoreInvitation(User user, String channel) {
        registry.lock.lock();
        try {
            Channel c = registry.channels.get(registry.caseMapping().fold(channel));
            if (c != null && !user.removed && registry.registered.contains(user) && !c.has(user)) c.invite(user);
        } finally {
            registry.lock.unlock();
        }
    }

    /** A copy of the channel's state (topic, modes, key, limit, mask lists, owner), or null if there is none. */
    public SavedChannel channel(String name) {
        registry.lock.lock();
        try {
            Channel channel = registry.channels.get(registry.caseMapping().fold(name));
            return channel == null ? null : SavedChannel.copyOf(channel);
        } finally {
            registry.lock.unlock();
        }
    }

    /**
     * Settles a channel's state from a node's announcement, silently (the network is rebuilding). The first
     * announcement of a round sets everything: topic, flags, key, limit, owner, creation time and the four mask
     * lists; a later one ({@code first} false) only adds the masks the lists lack, up to
     * {@link ChannelLimits#MAX_LIST_ENTRIES}. Nothing happens if the channel does not exist here (its members
     * left meanwhile).
     */
    public void settle(SavedChannel announced, boolean first) {
        registry.lock.lock();
        try {
            Channel channel = registry.channels.get(registry.caseMapping().fold(announced.name()));
            if (channel == null) return;
            if (first) {
                announced.applyTo(channel);
                channel.setCreatedAtSeconds(announced.createdAtSeconds());
                return;
            }
            ChannelModes modes = channel.modes();
            for (char letter : SavedChannel.LIST_LETTERS.toCharArray()) {
                List<MaskEntry> list = modes.list(letter);
                for (MaskEntry e : announced.list(letter)) {
                    if (modes.listEntries() >= ChannelLimits.MAX_LIST_ENTRIES) return;
                    if (list.stream().noneMatch(held -> registry.caseMapping().equal(held.mask(), e.mask()))) list.add(e);
                }
            }
        } finally {
            registry.lock.unlock();
        }
    }
}
