package chat.server.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A channel's modes: flags, key, limit and mask lists. Mutable; every field is guarded by the registry
 * lock (it is reached only through its {@link Channel}).
 */
public final class ChannelModes {

    /** +i: only invited users (or +I matches) may join. */
    boolean inviteOnly;
    /** +m: only voiced users and operators may speak. */
    boolean moderated;
    /** +n: only members may send to the channel. */
    boolean noExternal = true;
    /** +s: hidden from LIST, NAMES and WHO of non-members. */
    boolean secret;
    /** +t: only operators may change the topic. */
    boolean topicLocked = true;
    /** +k: the key, or null. */
    String key;
    /** +l: the member limit, or 0. */
    int limit;
    /** +b masks. */
    final List<MaskEntry> bans = new ArrayList<>();
    /** +e masks: exceptions to bans. */
    final List<MaskEntry> exceptions = new ArrayList<>();
    /** +I masks: exceptions to +i. */
    final List<MaskEntry> inviteExceptions = new ArrayList<>();
    /** +q masks: quieted users, who may join but not speak. */
    final List<MaskEntry> quiets = new ArrayList<>();

    ChannelModes() {
    }

    /** The flag letters set now, e.g. {@code "nt"} (without key or limit). */
    String flags() {
        StringBuilder out = new StringBuilder();
        if (inviteOnly) out.append('i');
        if (moderated) out.append('m');
        if (noExternal) out.append('n');
        if (secret) out.append('s');
        if (topicLocked) out.append('t');
        return out.toString();
    }

    /** The list of a type-A mode letter ({@code b}, {@code e}, {@code I}, {@code q}), or null for any other. */
    List<MaskEntry> list(char letter) {
        return switch (letter) {
            case 'b' -> bans;
            case 'e' -> exceptions;
            case 'I' -> inviteExceptions;
            case 'q' -> quiets;
            default -> null;
        };
    }

    /** Entries in all four lists together (bounded by {@link ChannelLimits#MAX_LIST_ENTRIES}). */
    int listEntries() {
        return bans.size() + exceptions.size() + inviteExceptions.size() + quiets.size();
    }
}
