package chat.server.change;

import java.util.List;

/**
 * One change of user-visible state, as the registry decided it: a value with no reference into the state, so
 * that it can be delivered, persisted, written to a cluster's log and applied again elsewhere
 * ({@code Registry.apply}). Who acted is named by identity as it was just before the change.
 */
public sealed interface Change {

    /** The identity of whoever made the change, as it was before it. */
    Identity actor();

    /** A client completed registration (NICK and USER) and is now a user. */
    record Registered(Identity actor, String account) implements Change {
    }

    /** {@code actor} joined {@code channel}; {@code account} is its account (extended-join), or null. */
    record Joined(Identity actor, String account, String channel) implements Change {
    }

    /** {@code actor} left {@code channel}, with a reason or null. */
    record Parted(Identity actor, String channel, String reason) implements Change {
    }

    /** {@code actor} removed {@code target} (a nick) from {@code channel}. */
    record Kicked(Identity actor, String channel, String target, String reason) implements Change {
    }

    /** {@code actor} left the server. */
    record Quit(Identity actor, String reason) implements Change {
    }

    /** {@code actor} is now known as {@code nick}. */
    record NickChanged(Identity actor, String nick) implements Change {
    }

    /**
     * {@code actor}'s user modes changed by {@code modes} (e.g. {@code +i-w}); {@code byServer} when the server
     * set them (OPER's +o) rather than the user.
     */
    record UserModesChanged(Identity actor, String modes, boolean byServer) implements Change {
    }

    /** {@code actor} changed the modes of {@code channel}: {@code applied}, in order. */
    record ChannelModesChanged(Identity actor, String channel, List<ModeChange> applied) implements Change {
        public ChannelModesChanged {
            applied = List.copyOf(applied);
        }
    }

    /** {@code actor} set the topic of {@code channel}; an empty text cleared it. */
    record TopicSet(Identity actor, String channel, String text) implements Change {
    }

    /** {@code actor} is away with {@code message}, or back when it is null. */
    record AwayChanged(Identity actor, String message) implements Change {
    }

    /** {@code actor} logged in to {@code account}, or out when it is null. */
    record AccountChanged(Identity actor, String account) implements Change {
    }

    /** {@code actor}'s shown user name and host became {@code user} and {@code host} (CHGHOST). */
    record HostChanged(Identity actor, String user, String host) implements Change {
    }

    /** {@code actor}'s real name became {@code realname} (SETNAME). */
    record RealnameChanged(Identity actor, String realname) implements Change {
    }

    /** {@code actor} invited {@code nick} to {@code channel}. */
    record Invited(Identity actor, String nick, String channel) implements Change {
    }
}
