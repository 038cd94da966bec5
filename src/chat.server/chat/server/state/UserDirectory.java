package chat.server.state;

import chat.protocol.CaseMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The user queries on the registry's state: LUSERS counts, WHOWAS, and what WHO and WHOIS may show whom
 * (invisible users, secret channels). It shares the registry's one lock and maps.
 */
public final class UserDirectory {

    private final Registry registry;
    private final ReentrantLock lock;
    private final CaseMapping caseMapping;
    // guarded by lock (the registry's)
    private final Map<String, Channel> channels;
    // guarded by lock (the registry's)
    private final RegisteredUsers registered;
    // guarded by lock (the registry's)
    private final WhowasHistory whowas;

    UserDirectory(Registry registry) {
        this.registry = registry;
        this.lock = registry.lock;
        this.caseMapping = registry.caseMapping();
        this.channels = registry.channels;
        this.registered = registry.registered;
        this.whowas = registry.whowas;
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
            return new UserCounts(registered.size(), registered.invisible(), registered.operators(), channels.size(),
                    registry.maxUsers);
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
     * @param user a channel member
     * @param modes   its prefix modes, highest first ("@", "+", "@+" or "")
     */
    public record Member(User user, String modes) {
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
    public ChannelWho whoChannel(User asker, String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return new ChannelWho(false, name, List.of());
            boolean member = channel.has(asker);
            boolean all = member || asker.operator();
            if (channel.modes().secret && !all) return new ChannelWho(true, channel.name(), List.of());
            List<Member> members = new ArrayList<>(channel.size());
            for (Map.Entry<User, String> e : channel.memberModes().entrySet()) {
                if (all || !e.getKey().invisible() || ChannelDirectory.sharesChannel(asker, e.getKey())) {
                    members.add(new Member(e.getKey(), e.getValue()));
                }
            }
            return new ChannelWho(true, channel.name(), members);
        } finally {
            lock.unlock();
        }
    }

    /** Every member of a channel with its prefixes, whoever asks: for the server's own bots (#14). */
    public List<Member> allMembers(String name) {
        lock.lock();
        try {
            Channel channel = channels.get(caseMapping.fold(name));
            if (channel == null) return List.of();
            List<Member> members = new ArrayList<>(channel.size());
            for (Map.Entry<User, String> e : channel.memberModes().entrySet()) {
                members.add(new Member(e.getKey(), e.getValue()));
            }
            return members;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Every registered user the asker may see in a WHO by mask: those not invisible (+i), those sharing a channel
     * with the asker, and the asker itself. IRC operators see everyone, as in Ergo.
     */
    public List<User> visibleUsers(User asker) {
        lock.lock();
        try {
            List<User> visible = new ArrayList<>(registered.size());
            for (User s : registered) {
                if (s == asker || asker.operator() || !s.invisible() || ChannelDirectory.sharesChannel(asker, s)) visible.add(s);
            }
            return visible;
        } finally {
            lock.unlock();
        }
    }

    /**
     * WHOIS channels: each channel {@code target} is on, with its highest prefix ({@code "@#chat"}); a secret
     * (+s) channel only when the asker is on it too, or is an IRC operator.
     */
    public List<String> whoisChannels(User asker, User target) {
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
}
