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

    private static final Session[] NO_SESSIONS = new Session[0];

    private final ReentrantLock lock = new ReentrantLock();
    private final CaseMapping caseMapping;
    private final Clock clock;
    // guarded by lock: folded nick -> session, for every session that has a nick (registered or not)
    private final Map<String, Session> nicks = new HashMap<>();
    // guarded by lock: folded channel name -> channel
    private final Map<String, Channel> channels = new HashMap<>();
    // guarded by lock
    private final Set<Session> registered = new LinkedHashSet<>();
    // guarded by lock: identities that recently left a nickname, for WHOWAS
    private final WhowasHistory whowas = new WhowasHistory(WhowasHistory.WHOWAS_HISTORY);
    // guarded by lock: the most users registered at once since start (LUSERS 265/266)
    private int maxUsers;

    public Registry(CaseMapping caseMapping, Clock clock) {
        this.caseMapping = caseMapping;
        this.clock = clock;
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
            if (channel != null && !override) {
                JoinOutcome refusal = ChannelAccess.joinRefusal(channel, session, key, caseMapping);
                if (refusal != JoinOutcome.JOINED) {
                    return new JoinResult(refusal, shownName, NO_SESSIONS, null, List.of(), false);
                }
            }
            boolean created = channel == null;
            if (created) {
                channel = new Channel(name, clock.millis() / 1000);
                channels.put(folded, channel);
            }
            channel.add(session, created && opCreator ? "@" : "");
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

    /** Every registered session, for server-wide notices such as a shutdown. */
    public Session[] everyone() {
        lock.lock();
        try {
            return registered.toArray(NO_SESSIONS);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param users     registered clients
     * @param invisible how many of them are invisible (+i)
     * @param operators how many of them are IRC operators
     * @param channels  channels that exist
     * @param maxUsers  the most users registered at once since start
     */
    public record UserCounts(int users, int invisible, int operators, int channels, int maxUsers) {
    }

    /** The LUSERS figures. */
    public UserCounts userCounts() {
        lock.lock();
        try {
            int invisible = 0;
            int operators = 0;
            for (Session s : registered) {
                if (s.invisible()) invisible++;
                if (s.operator()) operators++;
            }
            return new UserCounts(registered.size(), invisible, operators, channels.size(), maxUsers);
        } finally {
            lock.unlock();
        }
    }

    /** The WHOWAS entries for a nickname, newest first: at most {@code limit}, or all when {@code limit <= 0}. */
    public List<WhowasEntry> whowas(String nick, int limit) {
        lock.lock();
        try {
            return whowas.find(nick, caseMapping, limit);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param session a channel member
     * @param modes   its prefix modes, highest first ("@", "+", "@+" or "")
     */
    public record Member(Session session, String modes) {
    }

    /**
     * @param exists  whether the channel exists
     * @param channel its name as created (as asked when it does not exist)
     * @param members the members the asker may see
     */
    public record ChannelWho(boolean exists, String channel, List<Member> members) {
    }

    /**
     * WHO of a channel: a secret (+s) channel shows nothing to non-members, and invisible (+i) members are hidden
     * from non-members who share no other channel with them. IRC operators see everything, as in Ergo.
     */
    public ChannelWho whoChannel(Session asker, String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ChannelWho(false, name, List.of());
            boolean member = channel.has(asker);
            boolean all = member || asker.operator();
            if (channel.modes().secret && !all) return new ChannelWho(true, channel.name(), List.of());
            List<Member> members = new ArrayList<>(channel.size());
            for (Map.Entry<Session, String> e : channel.memberModes().entrySet()) {
                if (all || !e.getKey().invisible() || sharesChannel(asker, e.getKey())) {
                    members.add(new Member(e.getKey(), e.getValue()));
                }
            }
            return new ChannelWho(true, channel.name(), members);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param outcome          OK, or NO_SUCH_CHANNEL
     * @param channel          the channel's name as created
     * @param modes            the mode letters set, e.g. {@code +ntkl}
     * @param params           their parameters in order (the key shows as {@code *} to non-members)
     * @param createdAtSeconds when the channel was created, in Unix seconds
     */
    public record ModeView(ChannelOutcome outcome, String channel, String modes, List<String> params,
                           long createdAtSeconds) {
    }

    /** A channel's modes, as MODE without changes shows them. */
    public ModeView channelModes(Session viewer, String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ModeView(ChannelOutcome.NO_SUCH_CHANNEL, name, "", List.of(), 0);
            ChannelModes modes = channel.modes();
            StringBuilder letters = new StringBuilder("+").append(modes.flags());
            List<String> params = new ArrayList<>(2);
            if (modes.key != null) {
                letters.append('k');
                params.add(channel.has(viewer) ? modes.key : "*");
            }
            if (modes.limit > 0) {
                letters.append('l');
                params.add(Integer.toString(modes.limit));
            }
            return new ModeView(ChannelOutcome.OK, channel.name(), letters.toString(), List.copyOf(params),
                    channel.createdAtSeconds());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Every registered user the asker may see in a WHO by mask: those not invisible (+i), those sharing a channel
     * with the asker, and the asker itself. IRC operators see everyone, as in Ergo.
     */
    public List<Session> visibleUsers(Session asker) {
        lock.lock();
        try {
            List<Session> visible = new ArrayList<>(registered.size());
            for (Session s : registered) {
                if (s == asker || asker.operator() || !s.invisible() || sharesChannel(asker, s)) visible.add(s);
            }
            return visible;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param outcome OK, NO_SUCH_CHANNEL, or NOT_OPERATOR (the +e and +I lists are for operators)
     * @param channel the channel's name as created
     * @param entries the list's entries, oldest first
     */
    public record MaskListView(ChannelOutcome outcome, String channel, List<MaskEntry> entries) {
    }

    /**
     * A channel's +b, +e, +I or +q list. As in Solanum, anyone may see +b and +q (non-members of a secret
     * channel see them empty) and only operators +e and +I.
     */
    public MaskListView maskList(Session viewer, String name, char letter) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new MaskListView(ChannelOutcome.NO_SUCH_CHANNEL, name, List.of());
            String prefixModes = channel.modesOf(viewer);
            boolean op = prefixModes != null && prefixModes.indexOf('@') >= 0;
            if ((letter == 'e' || letter == 'I') && !op) {
                return new MaskListView(ChannelOutcome.NOT_OPERATOR, channel.name(), List.of());
            }
            if (prefixModes == null && channel.modes().secret) {
                return new MaskListView(ChannelOutcome.OK, channel.name(), List.of());
            }
            return new MaskListView(ChannelOutcome.OK, channel.name(), List.copyOf(channel.modes().list(letter)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * WHOIS channels: each channel {@code target} is on, with its highest prefix ({@code "@#chat"}); a secret
     * (+s) channel only when the asker is on it too, or is an IRC operator.
     */
    public List<String> whoisChannels(Session asker, Session target) {
        lock.lock();
        try {
            List<String> list = new ArrayList<>(target.channels.size());
            for (Channel channel : target.channels) {
                if (channel.modes().secret && !channel.has(asker) && !asker.operator()) continue;
                String modes = channel.modesOf(target);
                list.add((modes == null || modes.isEmpty() ? "" : modes.substring(0, 1)) + channel.name());
            }
            return list;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param outcome  OK, NO_SUCH_CHANNEL, or NOT_OPERATOR (then nothing was applied)
     * @param channel  the channel's name as created
     * @param applied  the changes made, in order, with their parameters as they now stand
     * @param refusals the changes refused one by one
     * @param members  who must see the applied changes
     */
    public record ModeResult(ChannelOutcome outcome, String channel, List<ModeChange> applied,
                             List<ModeRefusal> refusals, Session[] members) {
    }

    /** Applies channel mode changes; only channel operators may. Changes that change nothing are dropped. */
    public ModeResult changeModes(Session setter, String name, List<ModeChange> changes) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) {
                return new ModeResult(ChannelOutcome.NO_SUCH_CHANNEL, name, List.of(), List.of(), NO_SESSIONS);
            }
            String prefixModes = channel.modesOf(setter);
            if (prefixModes == null || prefixModes.indexOf('@') < 0) {
                return new ModeResult(ChannelOutcome.NOT_OPERATOR, channel.name(), List.of(), List.of(), NO_SESSIONS);
            }
            ChannelModeEditor.Outcome outcome = new ChannelModeEditor(channel, caseMapping, this::registeredNick,
                    setter.identity().prefix(), clock.millis() / 1000).apply(changes);
            return new ModeResult(ChannelOutcome.OK, channel.name(), outcome.applied(), outcome.refusals(),
                    channel.memberArray());
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param outcome OK, or NO_SUCH_NICK, NO_SUCH_CHANNEL, NOT_ON_CHANNEL, NOT_OPERATOR, USER_ON_CHANNEL
     * @param channel the channel's name as created (as requested when there is none)
     * @param target  the invited session, or null when there is none
     */
    public record InviteResult(ChannelOutcome outcome, String channel, Session target) {
    }

    /**
     * Invites {@code nick} to a channel the inviter is on (on a +i channel only operators may); the channel
     * remembers the invitation until the invitee joins or it is pushed out by {@link ChannelLimits#MAX_INVITES}.
     */
    public InviteResult invite(Session inviter, String nick, String name) {
        lock.lock();
        try {
            Session target = registeredNick(nick);
            if (target == null) return new InviteResult(ChannelOutcome.NO_SUCH_NICK, name, null);
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new InviteResult(ChannelOutcome.NO_SUCH_CHANNEL, name, target);
            String prefixModes = channel.modesOf(inviter);
            if (prefixModes == null) return new InviteResult(ChannelOutcome.NOT_ON_CHANNEL, channel.name(), target);
            if (channel.modes().inviteOnly && prefixModes.indexOf('@') < 0) {
                return new InviteResult(ChannelOutcome.NOT_OPERATOR, channel.name(), target);
            }
            if (channel.has(target)) return new InviteResult(ChannelOutcome.USER_ON_CHANNEL, channel.name(), target);
            channel.invite(target);
            return new InviteResult(ChannelOutcome.OK, channel.name(), target);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param outcome OK, or NO_SUCH_CHANNEL, NOT_ON_CHANNEL, NOT_OPERATOR, NO_SUCH_NICK, USER_NOT_ON_CHANNEL
     * @param channel the channel's name as created (as requested when there is none)
     * @param target  the kicked nick as registered (as requested when there is none)
     * @param members who must see the KICK: the members before it, the kicked one included
     */
    public record KickResult(ChannelOutcome outcome, String channel, String target, Session[] members) {
    }

    /** Removes {@code nick} from a channel; only its operators may. */
    public KickResult kick(Session kicker, String name, String nick) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new KickResult(ChannelOutcome.NO_SUCH_CHANNEL, name, nick, NO_SESSIONS);
            String prefixModes = channel.modesOf(kicker);
            if (prefixModes == null) return new KickResult(ChannelOutcome.NOT_ON_CHANNEL, channel.name(), nick, NO_SESSIONS);
            if (prefixModes.indexOf('@') < 0) {
                return new KickResult(ChannelOutcome.NOT_OPERATOR, channel.name(), nick, NO_SESSIONS);
            }
            Session target = registeredNick(nick);
            if (target == null) return new KickResult(ChannelOutcome.NO_SUCH_NICK, channel.name(), nick, NO_SESSIONS);
            if (!channel.has(target)) {
                return new KickResult(ChannelOutcome.USER_NOT_ON_CHANNEL, channel.name(), target.nick(), NO_SESSIONS);
            }
            Session[] audience = channel.memberArray();
            channel.remove(target);
            target.channels.remove(channel);
            if (channel.isEmpty()) channels.remove(caseMapping.fold(channel.name()));
            return new KickResult(ChannelOutcome.OK, channel.name(), target.nick(), audience);
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
    public List<ListEntry> list(Session viewer) {
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

    // Caller holds the lock.
    private static boolean sharesChannel(Session a, Session b) {
        Set<Channel> smaller = a.channels.size() <= b.channels.size() ? a.channels : b.channels;
        Set<Channel> other = smaller == a.channels ? b.channels : a.channels;
        for (Channel c : smaller) {
            if (other.contains(c)) return true;
        }
        return false;
    }

    // Caller holds the lock.
    private Session registeredNick(String nick) {
        Session s = nicks.get(caseMapping.fold(nick));
        return s != null && registered.contains(s) ? s : null;
    }

    // Caller holds the lock.
    private static int visibleMembers(Channel channel) {
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
    private static List<NameEntry> namesOf(Channel channel) {
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
