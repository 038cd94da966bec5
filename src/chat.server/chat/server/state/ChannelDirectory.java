package chat.server.state;

import chat.protocol.CaseMapping;
import chat.protocol.Capability;
import chat.server.state.Registry.ChannelAction;
import chat.server.state.Registry.ChannelOutcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The channel views on the registry's state: NAMES, TOPIC reads, LIST, who a channel message reaches, a user's
 * channels, what a registered channel keeps. It shares the registry's one lock and maps and writes nothing;
 * its static helpers (the audience of a change, NAMES entries) serve the registry's writers, which hold the lock.
 */
public final class ChannelDirectory {

    private final ReentrantLock lock;
    private final CaseMapping caseMapping;
    // guarded by lock (the registry's)
    private final Map<String, Channel> channels;

    ChannelDirectory(Registry registry) {
        this.lock = registry.lock;
        this.caseMapping = registry.caseMapping();
        this.channels = registry.channels;
    }

    /**
     * The members a channel message from {@code sender} reaches (sender included; the caller skips it), or why
     * the sender may not speak there: +n and not a member, banned, quieted, +m without voice.
     */
    public ChannelAction channelAudience(User sender, String name) {
        return audience(sender, name, Channel::memberArray);
    }

    /**
     * STATUSMSG ({@code PRIVMSG @#chan}): as {@link #channelAudience}, but only the members with {@code prefix}
     * ('@' operators, '+' voiced and operators) are in the audience (the sender is checked as for the channel).
     */
    public ChannelAction statusAudience(User sender, String name, char prefix) {
        return audience(sender, name, channel -> {
            List<User> audience = new ArrayList<>();
            for (Map.Entry<User, String> e : channel.memberModes().entrySet()) {
                String modes = e.getValue();
                if (modes.indexOf('@') >= 0 || (prefix == '+' && modes.indexOf('+') >= 0)) audience.add(e.getKey());
            }
            return audience.toArray(Registry.NO_USERS);
        });
    }

    private ChannelAction audience(User sender, String name, Function<Channel, User[]> members) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ChannelAction(ChannelOutcome.NO_SUCH_CHANNEL, name, Registry.NO_USERS);
            ChannelOutcome refusal = ChannelAccess.speakRefusal(channel, sender, caseMapping);
            if (refusal != ChannelOutcome.OK) return new ChannelAction(refusal, channel.name(), Registry.NO_USERS);
            return new ChannelAction(ChannelOutcome.OK, channel.name(), members.apply(channel));
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param exists  whether the channel exists
     * @param channel its name as created
     * @param names   NAMES entries
     * @param secret  whether the channel is +s (NAMES shows it with '@')
     */
    public record NamesView(boolean exists, String channel, List<NameEntry> names, boolean secret) {
    }

    /**
     * The NAMES of a channel as {@code viewer} may see them: a secret channel does not exist for non-members,
     * and they do not see invisible (+i) members.
     */
    public NamesView names(User viewer, String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            boolean member = channel != null && channel.has(viewer);
            if (channel == null || (channel.modes().secret && !member)) return new NamesView(false, name, List.of(), false);
            return new NamesView(true, channel.name(), namesOf(channel, member), channel.modes().secret);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param outcome whether the topic could be read
     * @param channel the channel's name as created
     * @param topic   the topic, or null when none is set
     */
    public record TopicView(ChannelOutcome outcome, String channel, Topic topic) {
    }

    /** Reads a channel's topic; only members may. */
    public TopicView topic(User user, String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new TopicView(ChannelOutcome.NO_SUCH_CHANNEL, name, null);
            if (!channel.has(user)) return new TopicView(ChannelOutcome.NOT_ON_CHANNEL, channel.name(), null);
            return new TopicView(ChannelOutcome.OK, channel.name(), channel.topic());
        } finally {
            lock.unlock();
        }
    }

    /**
     * One line of LIST.
     *
     * @param channel the channel's name
     * @param users   its members as the viewer may count them: all of them for a member, else the visible (not +i)
     * @param topic   the topic text, or empty
     */
    public record ListEntry(String channel, int users, String topic) {
    }

    /** The channels LIST shows {@code viewer}: every one but the secret (+s) channels it is not on. */
    public List<ListEntry> list(User viewer) {
        lock.lock();
        try {
            List<ListEntry> entries = new ArrayList<>(channels.size());
            for (Channel channel : channels.values()) {
                boolean member = channel.has(viewer);
                if (channel.modes().secret && !member) continue;
                int users = member ? channel.size() : visibleMembers(channel);
                Topic topic = channel.topic();
                entries.add(new ListEntry(channel.name(), users, topic == null ? "" : topic.text()));
            }
            return entries;
        } finally {
            lock.unlock();
        }
    }

    /** The channels the user is on, by name. */
    public List<String> channelsOf(User user) {
        lock.lock();
        try {
            List<String> names = new ArrayList<>(user.channels.size());
            for (Channel c : user.channels) names.add(c.name());
            return names;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a channel of this name exists now. */
    public boolean exists(String name) {
        lock.lock();
        try {
            return channels.containsKey(caseMapping.fold(name));
        } finally {
            lock.unlock();
        }
    }

    /** A copy of what a registered channel keeps across restarts; null when there is no such channel or no owner. */
    public SavedChannel saved(String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            return channel == null ? null : SavedChannel.of(channel);
        } finally {
            lock.unlock();
        }
    }

    // Caller holds the lock: who must see a change of the user's own state (everyone sharing a channel with it).
    static User[] audienceOf(User user, boolean includeSelf) {
        Set<User> audience = new LinkedHashSet<>();
        if (includeSelf) audience.add(user);
        addMembers(user.channels, user, audience);
        return audience.toArray(Registry.NO_USERS);
    }

    // Caller holds the lock: everyone on one of {@code channels} but {@code except}, each once.
    static void addMembers(Iterable<Channel> channels, User except, Set<User> into) {
        for (Channel channel : channels) {
            for (User member : channel.memberArray()) {
                if (member != except) into.add(member);
            }
        }
    }

    // Caller holds the lock.
    static boolean sharesChannel(User a, User b) {
        Set<Channel> smaller = a.channels.size() <= b.channels.size() ? a.channels : b.channels;
        Set<Channel> other = smaller == a.channels ? b.channels : a.channels;
        for (Channel c : smaller) {
            if (other.contains(c)) return true;
        }
        return false;
    }

    // Caller holds the lock.
    static int visibleMembers(Channel channel) {
        int visible = 0;
        for (User member : channel.memberArray()) {
            if (!member.invisible()) visible++;
        }
        return visible;
    }

    // Caller holds the lock.
    static List<NameEntry> namesOf(Channel channel) {
        return namesOf(channel, true);
    }

    /**
     * NAMES of a channel as its member {@code viewer} sees them: the channel's kept text, or for userhost-in-names
     * each member's entry. Caller holds the lock.
     */
    static NameList namesOf(Channel channel, User viewer) {
        if (viewer.has(Capability.USERHOST_IN_NAMES)) return new NameList.Entries(namesOf(channel, true));
        return channel.namesText(viewer.has(Capability.MULTI_PREFIX));
    }

    // Caller holds the lock.
    private static List<NameEntry> namesOf(Channel channel, boolean withInvisible) {
        List<NameEntry> names = new ArrayList<>(channel.size());
        for (Map.Entry<User, String> e : channel.memberModes().entrySet()) {
            if (!withInvisible && e.getKey().invisible()) continue;
            names.add(new NameEntry(e.getValue(), e.getKey().identity()));
        }
        return names;
    }
}
