package chat.server.state;

import chat.server.change.Identity;
import chat.protocol.CaseMapping;
import chat.server.change.Change;
import chat.server.spi.ChangeListener;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's shared state: nicknames, channels and memberships, behind one lock. Every method takes the
 * lock for a short, I/O-free step and returns an immutable result; callers fan out after it is released.
 * Lock order: this lock, then any outbound queue; never the reverse (outbound queues take no lock at all).
 */
public final class Registry {

    static final User[] NO_USERS = new User[0];
    private static final NameList NO_NAMES = new NameList.Entries(List.of());

    final ReentrantLock lock = new ReentrantLock();
    private final ChannelModeration moderation;
    private final UserDirectory directory;
    private final ChannelDirectory channelDirectory;
    private final Monitors monitors;
    private final ReadMarkers readMarkers = new ReadMarkers();
    private final SentMessages sentMessages = new SentMessages();
    private final UserSettings settings;
    private final NetworkState networkState;
    final Announcements announcements;
    private final CaseMapping caseMapping;
    final Clock clock;
    // guarded by lock: folded nick -> user, for every user that has a nick (registered or not)
    final Map<String, User> nicks = new HashMap<>();
    // guarded by lock: nicknames of the server's own bots, each with the user allowed to use it (#14)
    private final Map<String, User> reserved = new HashMap<>();
    // guarded by lock: folded channel name -> channel
    final Map<String, Channel> channels = new HashMap<>();
    // guarded by lock
    final RegisteredUsers registered = new RegisteredUsers();
    // guarded by lock: identities that recently left a nickname, for WHOWAS
    final WhowasHistory whowas = new WhowasHistory(WhowasHistory.WHOWAS_HISTORY);
    // guarded by lock: the most users registered at once since start (LUSERS 265/266)
    int maxUsers;

    public Registry(CaseMapping caseMapping, Clock clock) {
        this.caseMapping = caseMapping;
        this.clock = clock;
        this.moderation = new ChannelModeration(this);
        this.directory = new UserDirectory(this);
        this.channelDirectory = new ChannelDirectory(this);
        this.monitors = new Monitors(caseMapping);
        this.settings = new UserSettings(this);
        this.networkState = new NetworkState(this);
        this.announcements = new Announcements(lock);
    }

    /** draft/read-marker positions kept in memory (thread-safe on their own). */
    public ReadMarkers readMarkers() {
        return readMarkers;
    }

    /** The latest messages relayed, for REDACT (thread-safe on their own). */
    public SentMessages sentMessages() {
        return sentMessages;
    }

    /** MONITOR lists (a lock of their own, never held with this one). */
    public Monitors monitors() {
        return monitors;
    }

    /** Where changes are delivered to clients (the dispatcher sets the delivery package's sink). */
    public void deliverThrough(ChangeSink sink) {
        announcements.deliverThrough(sink);
    }

    /**
     * Applies a change decided elsewhere (the entry point for another node's changes, in log order): its actor,
     * found by nick, goes through the same method a local command would call, with the same delivery and
     * listeners. A user new to this server is added with {@link #register} instead. Returns false when the
     * change does not apply here (unknown actor, or refused by the state as it stands).
     */
    public boolean apply(Change change) {
        return ChangeApplier.apply(this, change);
    }

    /** Adds a listener that hears of every change after it was delivered. */
    public void addListener(ChangeListener listener) {
        announcements.addListener(listener);
    }

    /** Writers of a user's own state: USER, AWAY, user modes, OPER, login. */
    public UserSettings settings() {
        return settings;
    }

    /** What a cluster node needs beyond a single server (#12). */
    public NetworkState networkState() {
        return networkState;
    }

    /** Modes, mask lists, INVITE and KICK. */
    public ChannelModeration moderation() {
        return moderation;
    }

    /** LUSERS, WHOWAS, WHO and WHOIS views. */
    public UserDirectory directory() {
        return directory;
    }

    /** NAMES, TOPIC reads, LIST, who a channel message reaches, a user's channels. */
    public ChannelDirectory channelDirectory() {
        return channelDirectory;
    }

    public CaseMapping caseMapping() {
        return caseMapping;
    }

    /** What became of a NICK. */
    public enum NickOutcome { CHANGED, IN_USE, UNCHANGED }

    /**
     * @param outcome   what happened
     * @param oldPrefix the prefix before the change (the source of the NICK message)
     * @param audience  who must see the change: the user and everyone sharing a channel with it, if registered
     */
    public record NickChange(NickOutcome outcome, String oldPrefix, User[] audience) {
    }

    /** Claims {@code nick} for the user, releasing its old one; a nick held by anyone else is refused. */
    public NickChange changeNick(User user, String nick) {
        return changeNick(user, nick, null);
    }

    /** As {@link #changeNick(User, String)}; {@code echo} takes the user's own copy of the NICK (or null). */
    public NickChange changeNick(User user, String nick, Echo echo) {
        String folded = caseMapping.fold(nick);
        lock.lock();
        try {
            User holder = nicks.get(folded);
            Identity old = user.identity();
            if (user.removed) return new NickChange(NickOutcome.UNCHANGED, old.prefix(), NO_USERS);
            if (holder != null && holder != user) return new NickChange(NickOutcome.IN_USE, old.prefix(), NO_USERS);
            User owner = reserved.get(folded);
            if (owner != null && owner != user) return new NickChange(NickOutcome.IN_USE, old.prefix(), NO_USERS);
            if (nick.equals(old.nick())) return new NickChange(NickOutcome.UNCHANGED, old.prefix(), NO_USERS);
            // remove(key, user): on a cluster node the log may have handed an unregistered claim to a remote user
            if (old.nick() != null) nicks.remove(caseMapping.fold(old.nick()), user);
            nicks.put(folded, user);
            user.setIdentity(old.withNick(nick));
            if (registered.contains(user)) whowas.add(new WhowasEntry(old, clock.millis() / 1000));
            User[] audience = registered.contains(user) ? ChannelDirectory.audienceOf(user, true) : NO_USERS;
            if (registered.contains(user)) announcements.add(new Announcement(new Change.NickChanged(old, nick), user, audience));
            return new NickChange(NickOutcome.CHANGED, old.prefix(), audience);
        } finally {
            announcements.unlockAndPublish(echo);
        }
    }

    /** Keeps {@code nick} for {@code owner} alone, also while the owner is away (a built-in bot's nickname). */
    public void reserveNick(String nick, User owner) {
        lock.lock();
        try {
            reserved.put(caseMapping.fold(nick), owner);
        } finally {
            lock.unlock();
        }
    }

    /** Counts the user as a user; false if it was removed meanwhile (its nick was released). */
    public boolean register(User user) {
        lock.lock();
        try {
            String nick = user.nick();
            if (user.removed || nick == null || nicks.get(caseMapping.fold(nick)) != user) return false;
            registered.add(user);
            maxUsers = Math.max(maxUsers, registered.size());
            user.markRegistered();
            announcements.add(new Announcement(new Change.Registered(user.identity(), user.account()), user, NO_USERS));
            return true;
        } finally {
            announcements.unlockAndPublish(null);
        }
    }

    /** The registered user with this nick, or null. */
    public User findNick(String nick) {
        lock.lock();
        try {
            User s = nicks.get(caseMapping.fold(nick));
            return s != null && registered.contains(s) ? s : null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the user everywhere (it quit with {@code reason}); returns the peers who shared a channel with it
     * (empty if it was already gone, or not registered).
     */
    public User[] remove(User user, String reason) {
        lock.lock();
        try {
            user.removed = true;
            String nick = user.nick();
            if (nick != null) nicks.remove(caseMapping.fold(nick), user);
            if (!registered.remove(user)) return NO_USERS;
            whowas.add(new WhowasEntry(user.identity(), clock.millis() / 1000));
            User[] audience = ChannelDirectory.audienceOf(user, false);
            for (Channel channel : user.channels) {
                channel.remove(user);
                if (channel.isEmpty()) channels.remove(caseMapping.fold(channel.name()));
            }
            user.channels.clear();
            announcements.add(new Announcement(new Change.Quit(user.identity(), reason), user, audience));
            return audience;
        } finally {
            announcements.unlockAndPublish(null);
        }
    }

    /**
     * Removes many users at once, as many {@link #remove} calls would, except that none of them is told of the
     * others' departures (they are all leaving: the server is shutting down) and each channel is rebuilt once,
     * so that the N members of a channel leaving together cost N steps, not N squared. Every departure is
     * still published, with the users who stay (bots, users of other nodes) as its audience.
     */
    public void removeAll(Collection<User> users, String reason) {
        lock.lock();
        try {
            Map<User, List<Channel>> leaving = new LinkedHashMap<>();
            Set<Channel> left = new HashSet<>();
            for (User user : users) {
                user.removed = true;
                String nick = user.nick();
                if (nick != null) nicks.remove(caseMapping.fold(nick), user);
                if (!registered.remove(user)) continue;
                whowas.add(new WhowasEntry(user.identity(), clock.millis() / 1000));
                leaving.put(user, List.copyOf(user.channels));
                left.addAll(user.channels);
                user.channels.clear();
            }
            for (Channel channel : left) {
                channel.removeAll(leaving.keySet());
                if (channel.isEmpty()) channels.remove(caseMapping.fold(channel.name()));
            }
            leaving.forEach((user, channelsLeft) -> {
                Set<User> staying = new LinkedHashSet<>();
                ChannelDirectory.addMembers(channelsLeft, user, staying);
                announcements.add(new Announcement(new Change.Quit(user.identity(), reason), user,
                        staying.toArray(NO_USERS)));
            });
        } finally {
            announcements.unlockAndPublish(null);
        }
    }

    /**
     * What became of a JOIN; GONE: the user was removed meanwhile (its connection closed while the JOIN was on its
     * way: a late command cannot bring it back).
     */
    public enum JoinOutcome { JOINED, ALREADY_ON, TOO_MANY_CHANNELS, BANNED, INVITE_ONLY, BAD_KEY, FULL, GONE }

    /**
     * @param outcome what happened
     * @param channel the channel's name as it was created
     * @param members everyone on the channel after the join, the joiner included
     * @param topic   the topic, or null
     * @param names   NAMES as the joiner sees them
     * @param secret  whether the channel is +s (NAMES shows it with '@')
     */
    public record JoinResult(JoinOutcome outcome, String channel, User[] members, Topic topic, NameList names,
                             boolean secret) {
    }

    /** Adds the user to a channel, creating it (and making the creator an operator when {@code opCreator}). */
    public JoinResult join(User user, String name, boolean opCreator) {
        return join(user, name, null, opCreator);
    }

    /**
     * Adds the user to a channel with {@code key} (or null), creating it (and making the creator an operator
     * when {@code opCreator}); refused past {@link ChannelLimits#MAX_CHANNELS_PER_USER} and by the channel's
     * bans, +i, +k and +l.
     */
    public JoinResult join(User user, String name, String key, boolean opCreator) {
        return join(user, name, key, opCreator, false);
    }

    /** As {@link #join(User, String, String, boolean)}; with {@code override} (SAJOIN) past every refusal. */
    public JoinResult join(User user, String name, String key, boolean opCreator, boolean override) {
        return join(user, name, key, opCreator, override, null, null, null);
    }

    /**
     * As {@link #join(User, String, String, boolean, boolean)}, for registered channels (#persist): a channel
     * created by this join starts from {@code saved} (topic, modes, lists and owner; refusals are checked
     * against them) when given, else is owned by {@code founder} (an account, or null) when its creator is
     * made an operator. A member whose account owns the channel joins as an operator; on an owned channel
     * nobody else does. {@code echo} takes the joiner's own copy of the JOIN (or null).
     */
    public JoinResult join(User user, String name, String key, boolean opCreator, boolean override,
                           SavedChannel saved, String founder, Echo echo) {
        String folded = caseMapping.fold(name);
        lock.lock();
        try {
            if (user.removed) return new JoinResult(JoinOutcome.GONE, name, NO_USERS, null, NO_NAMES, false);
            Channel channel = channels.get(folded);
            if (channel != null && channel.has(user)) {
                return new JoinResult(JoinOutcome.ALREADY_ON, channel.name(), NO_USERS, channel.topic(), NO_NAMES,
                        channel.modes().secret);
            }
            String shownName = channel == null ? name : channel.name();
            if (user.channels.size() >= ChannelLimits.MAX_CHANNELS_PER_USER && !override) {
                return new JoinResult(JoinOutcome.TOO_MANY_CHANNELS, shownName, NO_USERS, null, NO_NAMES, false);
            }
            boolean created = channel == null;
            if (created && saved != null) {
                channel = new Channel(saved.name(), saved.createdAtSeconds());
                saved.applyTo(channel);
            }
            if (channel != null && !override) {
                JoinOutcome refusal = ChannelAccess.joinRefusal(channel, user, key, caseMapping);
                if (refusal != JoinOutcome.JOINED) {
                    return new JoinResult(refusal, channel.name(), NO_USERS, null, NO_NAMES, false);
                }
            }
            if (created) {
                if (channel == null) {
                    channel = new Channel(name, clock.millis() / 1000);
                    if (opCreator && founder != null) channel.setOwnerAccount(founder);
                }
                channels.put(folded, channel);
            }
            String owner = channel.ownerAccount();
            boolean ownerJoins = owner != null && user.account() != null
                    && caseMapping.fold(owner).equals(caseMapping.fold(user.account()));
            channel.add(user, ownerJoins || (created && opCreator && owner == null) ? "@" : "");
            channel.uninvite(user);
            user.channels.add(channel);
            User[] members = channel.memberArray();
            announcements.add(new Announcement(new Change.Joined(user.identity(), user.account(), channel.name()), user,
                    members));
            return new JoinResult(JoinOutcome.JOINED, channel.name(), members, channel.topic(),
                    ChannelDirectory.namesOf(channel, user), channel.modes().secret);
        } finally {
            announcements.unlockAndPublish(echo);
        }
    }

    /** Why a channel operation was refused, or OK. */
    public enum ChannelOutcome {
        OK, NO_SUCH_CHANNEL, NOT_ON_CHANNEL, NOT_OPERATOR,
        /** Speaking refused: banned, quieted (+q), or +m without voice. */
        BANNED, QUIETED, MODERATED,
        /** The target nick of a KICK or INVITE is not connected, not on the channel, or already on it. */
        NO_SUCH_NICK, USER_NOT_ON_CHANNEL, USER_ON_CHANNEL
    }

    /**
     * @param outcome what happened
     * @param channel the channel's name as created (the requested name when there is no such channel)
     * @param members who must see the operation: the members before a PART, after a TOPIC
     */
    public record ChannelAction(ChannelOutcome outcome, String channel, User[] members) {
    }

    /** Takes the user off a channel. */
    public ChannelAction part(User user, String name) {
        return part(user, name, null, null);
    }

    /** Takes the user off a channel, with a reason (or null); {@code echo} takes one member's copy (or null). */
    public ChannelAction part(User user, String name, String reason, Echo echo) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ChannelAction(ChannelOutcome.NO_SUCH_CHANNEL, name, NO_USERS);
            if (!channel.has(user)) return new ChannelAction(ChannelOutcome.NOT_ON_CHANNEL, channel.name(), NO_USERS);
            User[] audience = channel.memberArray();
            channel.remove(user);
            user.channels.remove(channel);
            if (channel.isEmpty()) channels.remove(caseMapping.fold(channel.name()));
            announcements.add(new Announcement(new Change.Parted(user.identity(), channel.name(), reason), user, audience));
            return new ChannelAction(ChannelOutcome.OK, channel.name(), audience);
        } finally {
            announcements.unlockAndPublish(echo);
        }
    }

    /** Sets (or, with empty text, clears) a topic; on a +t channel only channel operators may. */
    public ChannelAction setTopic(User user, String name, String text) {
        return setTopic(user, name, text, null);
    }

    /** As {@link #setTopic(User, String, String)}; {@code echo} takes the setter's own copy (or null). */
    public ChannelAction setTopic(User user, String name, String text, Echo echo) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ChannelAction(ChannelOutcome.NO_SUCH_CHANNEL, name, NO_USERS);
            String modes = channel.modesOf(user);
            if (modes == null) return new ChannelAction(ChannelOutcome.NOT_ON_CHANNEL, channel.name(), NO_USERS);
            if (channel.modes().topicLocked && !modes.contains("@")) return new ChannelAction(ChannelOutcome.NOT_OPERATOR, channel.name(), NO_USERS);
            channel.setTopic(text.isEmpty() ? null
                    : new Topic(text, user.identity().prefix(), clock.millis() / 1000));
            User[] members = channel.memberArray();
            announcements.add(new Announcement(new Change.TopicSet(user.identity(), channel.name(), text), user, members));
            return new ChannelAction(ChannelOutcome.OK, channel.name(), members);
        } finally {
            announcements.unlockAndPublish(echo);
        }
    }

    /**
     * @param users    registered clients
     * @param channels channels that exist
     */
    public record Counts(int users, int channels) {
    }

    public Counts counts() {
        lock.lock();
        try {
            return new Counts(registered.size(), channels.size());
        } finally {
            lock.unlock();
        }
    }

    /** Renames a channel (draft/channel-rename); see {@link ChannelRename}. */
    public ChannelRename.Result rename(User user, String from, String to, String protectedName) {
        return ChannelRename.apply(this, user, from, to, protectedName);
    }

    /** Every registered user, for server-wide notices such as a shutdown. */
    public User[] everyone() {
        lock.lock();
        try {
            return registered.toArray();
        } finally {
            lock.unlock();
        }
    }

    /** #10: the live channel {@code name} belongs to no account any more (its owner's account was dropped). */
    public void disown(String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel != null) channel.setOwnerAccount(null);
        } finally {
            lock.unlock();
        }
    }

    // Caller holds the lock.
    User registeredNick(String nick) {
        User s = nicks.get(caseMapping.fold(nick));
        return s != null && registered.contains(s) ? s : null;
    }
}
