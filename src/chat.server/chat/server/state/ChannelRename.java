package chat.server.state;

import chat.protocol.Names;
import java.util.List;

/** draft/channel-rename: a channel operator gives a channel a new name; members, modes and topic stay. */
public final class ChannelRename {

    /** What became of a RENAME. */
    public enum Outcome { RENAMED, NO_SUCH_CHANNEL, NOT_ON_CHANNEL, NOT_OPERATOR, INVALID_NAME, IN_USE, PROTECTED }

    /**
     * @param outcome what happened
     * @param from    the old name as created (as asked when there is no such channel)
     * @param to      the new name
     * @param members everyone on the channel, to be told
     * @param topic   the topic, or null (legacy members are shown it as after a JOIN)
     * @param names   NAMES entries
     * @param secret  whether the channel is +s
     */
    public record Result(Outcome outcome, String from, String to, User[] members, Topic topic,
                         List<NameEntry> names, boolean secret) {

        static Result refused(Outcome outcome, String from, String to) {
            return new Result(outcome, from, to, Registry.NO_USERS, null, List.of(), false);
        }
    }

    private ChannelRename() {
    }

    /**
     * Renames {@code from} to {@code to} for a channel operator; refused for a registered (owned) channel and for
     * {@code protectedName} (the default channel everyone joins, or null), whose names the server relies on.
     */
    static Result apply(Registry registry, User session, String from, String to, String protectedName) {
        var mapping = registry.caseMapping();
        registry.lock.lock();
        try {
            Channel channel = registry.channels.get(mapping.fold(from));
            if (channel == null) return Result.refused(Outcome.NO_SUCH_CHANNEL, from, to);
            String modes = channel.modesOf(session);
            if (modes == null) return Result.refused(Outcome.NOT_ON_CHANNEL, channel.name(), to);
            if (channel.ownerAccount() != null
                    || (protectedName != null && mapping.fold(protectedName).equals(mapping.fold(channel.name())))) {
                return Result.refused(Outcome.PROTECTED, channel.name(), to);
            }
            if (modes.indexOf('@') < 0) return Result.refused(Outcome.NOT_OPERATOR, channel.name(), to);
            if (!Names.isValidChannel(to)) return Result.refused(Outcome.INVALID_NAME, channel.name(), to);
            boolean sameChannel = mapping.fold(to).equals(mapping.fold(channel.name()));
            if (!sameChannel && registry.channels.containsKey(mapping.fold(to))) {
                return Result.refused(Outcome.IN_USE, channel.name(), to);
            }
            String old = channel.name();
            registry.channels.remove(mapping.fold(old));
            channel.rename(to);
            registry.channels.put(mapping.fold(to), channel);
            return new Result(Outcome.RENAMED, old, to, channel.memberArray(), channel.topic(),
                    ChannelDirectory.namesOf(channel), channel.modes().secret);
        } finally {
            registry.lock.unlock();
        }
    }
}
