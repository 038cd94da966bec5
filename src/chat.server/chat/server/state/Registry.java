package chat.server.state;

import chat.protocol.CaseMapping;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
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

    static final Session[] NO_SESSIONS = new Session[0];

    final ReentrantLock lock = new ReentrantLock();
    private final ChannelModeration moderation;
    private final UserDirectory directory;
    private final Monitors monitors;
    private final ReadMarkers readMarkers = new ReadMarkers();
    private final SentMessages sentMessages = new SentMessages();
    private final CaseMapping caseMapping;
    final Clock clock;
    // guarded by lock: folded nick -> session, for every session that has a nick (registered or not)
    private final Map<String, Session> nicks = new HashMap<>();
    // guarded by lock: folded channel name -> channel
    final Map<String, Channel> channels = new HashMap<>();
    // guarded by lock
    final Set<Session> registered = new LinkedHashSet<>();
    // guarded by lock: identities that recently left a nickname, for WHOWAS
    final WhowasHistory whowas = new WhowasHistory(WhowasHistory.WHOWAS_HISTORY);
    // guarded by lock: the most users registered at once since start (LUSERS 265/266)
    int maxUsers;

    public Registry(CaseMapping caseMapping, Clock clock) {
        this.caseMapping = caseMapping;
        this.clock = clock;
        this.moderation = new ChannelModeration(this);
        this.directory = new UserDirectory(this);
        this.monitors = new Monitors(caseMapping);
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

    /** Modes, mask lists, INVITE, KICK and LIST. */
    public ChannelModeration moderation() {
        return moderation;
    }

    /** LUSERS, WHOWAS, WHO and WHOIS views. */
    public UserDirectory directory() {
        return directory;
    }

    public CaseMapping caseMapping() {
        return caseMapping;
    }

    /** What became of a NICK. */
    public enum NickOutcome { CHANGED, IN_USE, UNCHANGED }

    /**
     * @param outcome   what happened
     * @param oldPrefix the prefix before the change (the source of the NICK message)
     * @param audience  who must see the change: the session and everyone sharing a channel with it, if registered
     */
    public record NickChange(NickOutcome outcome, String oldPrefix, Session[] audience) {
    }

    /** Claims {@code nick} for the session, releasing its old one; a nick held by anyone else is refused. */
    public NickChange changeNick(Session session, String nick) {
        String folded = caseMapping.fold(nick);
        lock.lock();
        try {
            Session holder = nicks.get(folded);
            Identity old = session.identity();
            if (session.removed) return new NickChange(NickOutcome.UNCHANGED, old.prefix(), NO_SESSIONS);
            if (holder != null && holder != session) return new NickChange(NickOutcome.IN_USE, old.prefix(), NO_SESSIONS);
            if (nick.equals(old.nick())) return new NickChange(NickOutcome.UNCHANGED, old.prefix(), NO_SESSIONS);
            if (old.nick() != null) nicks.remove(caseMapping.fold(old.nick()));
            nicks.put(folded, session);
            session.setIdentity(old.withNick(nick));
            if (registered.contains(session)) whowas.add(new WhowasEntry(old, clock.millis() / 1000));
            Session[] audience = registered.contains(session) ? audienceOf(session, true) : NO_SESSIONS;
            return new NickChange(NickOutcome.CHANGED, old.prefix(), audience);
        } finally {
            lock.unlock();
        }
    }

    /** Counts the session as a user; false if it was removed meanwhile (its nick was released). */
    public boolean register(Session session) {
        lock.lock();
        try {
            String nick = session.nick();
            if (session.removed || nick == null || nicks.get(caseMapping.fold(nick)) != session) return false;
            registered.add(session);
            maxUsers = Math.max(maxUsers, registered.size());
            session.markRegistered();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The registered session with this nick, or null. */
    public Session findNick(String nick) {
        lock.lock();
        try {
            Session s = nicks.get(caseMapping.fold(nick));
            return s != null && registered.contains(s) ? s : null;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the session everywhere; returns the peers who shared a channel with it (empty if already gone). */
    public Session[] remove(Session session) {
        lock.lock();
        try {
            session.removed = true;
            String nick = session.nick();
            if (nick != null) nicks.remove(caseMapping.fold(nick), session);
            if (!registered.remove(session)) return NO_SESSIONS;
            whowas.add(new WhowasEntry(session.identity(), clock.millis() / 1000));
            Session[] audience = audienceOf(session, false);
            for (Channel channel : session.channels) {
                channel.remove(session);
                if (channel.isEmpty()) channels.remove(caseMapping.fold(channel.name()));
            }
            session.channels.clear();
            return audience;
        } finally {
            lock.unlock();
        }
    }

    /** What became of a JOIN. */
    public enum JoinOutcome { JOINED, ALREADY_ON, TOO_MANY_CHANNELS, BANNED, INVITE_ONLY, BAD_KEY, FULL }

    /**
     * @param outcome what happened
     * @param channel the channel's name as it was created
     * @param members everyone on the channel after the join, the joiner included
     * @param topic   the topic, or null
     * @param names   NAMES entries
     * @param secret  whether the channel is +s (NAMES shows it with '@')
     */
    public record JoinResult(JoinOutcome outcome, String channel, Session[] members, Topic topic, List<NameEntry> names,
                             boolean secret) {
    }

    /**
     * One member as NAMES shows it.
     *
     * @param prefixes the member's channel prefixes in rank order ("@+", "@", "+" or "")
     * @param identity who the member is
     */
    public record NameEntry(String prefixes, Identity identity) {
    }

    /** Adds the session to a channel, creating it (and making the creator an operator when {@code opCreator}). */
    public JoinResult join(Session session, String name, boolean opCreator) {
        return join(session, name, null, opCreator);
    }

    /**
     * Adds the session to a channel with {@code key} (or null), creating it (and making the creator an operator
     * when {@code opCreator}); refused past {@link ChannelLimits#MAX_CHANNELS_PER_USER} and by the channel's
     * bans, +i, +k and +l.
     */
    public JoinResult join(Session session, String name, String key, boolean opCreator) {
        return join(session, name, key, opCreator, false);
    }

    /** As {@link #join(Session, String, String, boolean)}; with {@code override} (SAJOIN) past every refusal. */
    public JoinResult join(Session session, String name, String key, boolean opCreator, boolean override) {
        return join(session, name, key, opCreator, override, null, null);
    }

    /**
     * As {@link #join(Session, String, String, boolean, boolean)}, for registered channels (#persist): a channel
     * created by this join starts from {@code saved} (topic, modes, lists and owner; refusals are checked
     * against them) when given, else is owned by {@code founder} (an account, or null) when its creator is
     * made an operator. A member whose account owns the channel joins as an operator; on an owned channel
     * nobody else does.
     */
    public JoinResult join(Session session, String name, String key, boolean opCreator, boolean override,
                           SavedChannel saved, String founder) {
        String folded = caseMapping.fold(name);
        lock.lock();
        try {
            Channel channel = channels.get(folded);
            if (channel != null && channel.has(session)) {
                return new JoinResult(JoinOutcome.ALREADY_ON, channel.name(), NO_SESSIONS, channel.topic(), List.of(),
                        channel.modes().secret);
            }
            String shownName = channel == null ? name : channel.name();
            if (session.channels.size() >= ChannelLimits.MAX_CHANNELS_PER_USER && !override) {
                return new JoinResult(JoinOutcome.TOO_MANY_CHANNELS, shownName, NO_SESSIONS, null, List.of(), false);
            }
            boolean created = channel == null;
            if (created && saved != null) {
                channel = new Channel(saved.name(), saved.createdAtSeconds());
                saved.applyTo(channel);
            }
            if (channel != null && !override) {
                JoinOutcome refusal = ChannelAccess.joinRefusal(channel, session, key, caseMapping);
                if (refusal != JoinOutcome.JOINED) {
                    return new JoinResult(refusal, channel.name(), NO_SESSIONS, null, List.of(), false);
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
            boolean ownerJoins = owner != null && session.account() != null
                    && caseMapping.fold(owner).equals(caseMapping.fold(session.account()));
            channel.add(session, ownerJoins || (created && opCreator && owner == null) ? "@" : "");
            channel.uninvite(session);
            session.channels.add(channel);
            return new JoinResult(JoinOutcome.JOINED, channel.name(), channel.memberArray(), channel.topic(),
                    namesOf(channel), channel.modes().secret);
        } finally {
            lock.unlock();
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
    public record ChannelAction(ChannelOutcome outcome, String channel, Session[] members) {
    }

    /** Takes the session off a channel. */
    public ChannelAction part(Session session, String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ChannelAction(ChannelOutcome.NO_SUCH_CHANNEL, name, NO_SESSIONS);
            if (!channel.has(session)) return new ChannelAction(ChannelOutcome.NOT_ON_CHANNEL, channel.name(), NO_SESSIONS);
            Session[] audience = channel.memberArray();
            channel.remove(session);
            session.channels.remove(channel);
            if (channel.isEmpty()) channels.remove(caseMapping.fold(channel.name()));
            return new ChannelAction(ChannelOutcome.OK, channel.name(), audience);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The members a channel message from {@code sender} reaches (sender included; the caller skips it), or why
     * the sender may not speak there: +n and not a member, banned, quieted, +m without voice.
     */
    public ChannelAction channelAudience(Session sender, String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ChannelAction(ChannelOutcome.NO_SUCH_CHANNEL, name, NO_SESSIONS);
            ChannelOutcome refusal = ChannelAccess.speakRefusal(channel, sender, caseMapping);
            if (refusal != ChannelOutcome.OK) return new ChannelAction(refusal, channel.name(), NO_SESSIONS);
            return new ChannelAction(ChannelOutcome.OK, channel.name(), channel.memberArray());
        } finally {
            lock.unlock();
        }
    }

    /**
     * STATUSMSG ({@code PRIVMSG @#chan}): as {@link #channelAudience}, but only the members with {@code prefix}
     * ('@' operators, '+' voiced and operators) are in the audience (the sender is checked as for the channel).
     */
    public ChannelAction statusAudience(Session sender, String name, char prefix) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ChannelAction(ChannelOutcome.NO_SUCH_CHANNEL, name, NO_SESSIONS);
            ChannelOutcome refusal = ChannelAccess.speakRefusal(channel, sender, caseMapping);
            if (refusal != ChannelOutcome.OK) return new ChannelAction(refusal, channel.name(), NO_SESSIONS);
            List<Session> audience = new ArrayList<>();
            for (Map.Entry<Session, String> e : channel.memberModes().entrySet()) {
                String modes = e.getValue();
                if (modes.indexOf('@') >= 0 || (prefix == '+' && modes.indexOf('+') >= 0)) audience.add(e.getKey());
            }
            return new ChannelAction(ChannelOutcome.OK, channel.name(), audience.toArray(NO_SESSIONS));
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
    public NamesView names(Session viewer, String name) {
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
    public TopicView topic(Session session, String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new TopicView(ChannelOutcome.NO_SUCH_CHANNEL, name, null);
            if (!channel.has(session)) return new TopicView(ChannelOutcome.NOT_ON_CHANNEL, channel.name(), null);
            return new TopicView(ChannelOutcome.OK, channel.name(), channel.topic());
        } finally {
            lock.unlock();
        }
    }

    /** Sets (or, with empty text, clears) a topic; on a +t channel only channel operators may. */
    public ChannelAction setTopic(Session session, String name, String text) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ChannelAction(ChannelOutcome.NO_SUCH_CHANNEL, name, NO_SESSIONS);
            String modes = channel.modesOf(session);
            if (modes == null) return new ChannelAction(ChannelOutcome.NOT_ON_CHANNEL, channel.name(), NO_SESSIONS);
            if (channel.modes().topicLocked && !modes.contains("@")) return new ChannelAction(ChannelOutcome.NOT_OPERATOR, channel.name(), NO_SESSIONS);
            channel.setTopic(text.isEmpty() ? null
                    : new Topic(text, session.identity().prefix(), clock.millis() / 1000));
            return new ChannelAction(ChannelOutcome.OK, channel.name(), channel.memberArray());
        } finally {
            lock.unlock();
        }
    }

    /** The channels the session is on, by name. */
    public List<String> channelsOf(Session session) {
        lock.lock();
        try {
            List<String> names = new ArrayList<>(session.channels.size());
            for (Channel c : session.channels) names.add(c.name());
            return names;
        } finally {
            lock.unlock();
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
    public ChannelRename.Result rename(Session session, String from, String to, String protectedName) {
        return ChannelRename.apply(this, session, from, to, protectedName);
    }

    /** Whether a channel of this name exists now. */
    public boolean channelExists(String name) {
        lock.lock();
        try {
            return channels.containsKey(caseMapping.fold(name));
        } finally {
            lock.unlock();
        }
    }

    /** Every registered session, for server-wide notices such as a shutdown. */
    public Session[] everyone() {
        lock.lock();
        try {
            return registered.toArray(NO_SESSIONS);
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

    // Caller holds the lock.
    static boolean sharesChannel(Session a, Session b) {
        Set<Channel> smaller = a.channels.size() <= b.channels.size() ? a.channels : b.channels;
        Set<Channel> other = smaller == a.channels ? b.channels : a.channels;
        for (Channel c : smaller) {
            if (other.contains(c)) return true;
        }
        return false;
    }

    // Caller holds the lock.
    Session registeredNick(String nick) {
        Session s = nicks.get(caseMapping.fold(nick));
        return s != null && registered.contains(s) ? s : null;
    }

    // Caller holds the lock.
    static int visibleMembers(Channel channel) {
        int visible = 0;
        for (Session member : channel.memberArray()) {
            if (!member.invisible()) visible++;
        }
        return visible;
    }

    // Caller holds the lock.
    private Session[] audienceOf(Session session, boolean includeSelf) {
        Set<Session> audience = new LinkedHashSet<>();
        if (includeSelf) audience.add(session);
        for (Channel channel : session.channels) {
            for (Session member : channel.memberArray()) {
                if (member != session) audience.add(member);
            }
        }
        return audience.toArray(NO_SESSIONS);
    }

    // Caller holds the lock.
    static List<NameEntry> namesOf(Channel channel) {
        return namesOf(channel, true);
    }

    // Caller holds the lock.
    private static List<NameEntry> namesOf(Channel channel, boolean withInvisible) {
        List<NameEntry> names = new ArrayList<>(channel.size());
        for (Map.Entry<Session, String> e : channel.memberModes().entrySet()) {
            if (!withInvisible && e.getKey().invisible()) continue;
            names.add(new NameEntry(e.getValue(), e.getKey().identity()));
        }
        return names;
    }

    /** Publishes a new real name (SETNAME); returns the session and everyone sharing a channel with it. */
    public Session[] changeRealname(Session session, String realname) {
        lock.lock();
        try {
            session.setRealname(realname);
            return audienceOf(session, true);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param oldPrefix the prefix before the change (the source of CHGHOST)
     * @param audience  the session and everyone sharing a channel with it
     */
    public record HostChange(String oldPrefix, Session[] audience) {
    }

    /** Publishes a new user name and host for the session (CHGHOST). */
    public HostChange changeHost(Session session, String user, String host) {
        lock.lock();
        try {
            Identity old = session.identity();
            session.setIdentity(new Identity(old.nick(), user, host, old.realname()));
            return new HostChange(old.prefix(), audienceOf(session, true));
        } finally {
            lock.unlock();
        }
    }

    /** The session and everyone sharing a channel with it. */
    public Session[] audienceOf(Session session) {
        lock.lock();
        try {
            return audienceOf(session, true);
        } finally {
            lock.unlock();
        }
    }
}
