package chat.server.state;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A channel: its name, topic and members. Every field is guarded by the registry lock. */
public final class Channel {

    private static final User[] NO_USERS = new User[0];

    // written under Registry.lock (RENAME), read anywhere
    private volatile String name;
    // guarded by Registry.lock (a cluster node rebuilding the network takes it from the announcing node)
    private long createdAtSeconds;
    // guarded by Registry.lock
    private Topic topic;
    // guarded by Registry.lock
    private final ChannelModes modes = new ChannelModes();
    // guarded by Registry.lock; values are the member's prefix modes ("@", "+", "@+" or "")
    private final Map<User, String> members = new LinkedHashMap<>();
    // guarded by Registry.lock; rebuilt on every membership change so fan-out can use it without copying
    private User[] memberArray = NO_USERS;
    // guarded by Registry.lock; #17: NAMES' text for members, [0] with each one's highest prefix, [1] with all of
    // them (multi-prefix), each built at its first use and forgotten on any change but a join
    private final MemberNames[] names = new MemberNames[2];
    // guarded by Registry.lock; the account that owns the channel (its settings are saved), or null
    private String ownerAccount;
    // guarded by Registry.lock; invited sessions, oldest first, at most ChannelLimits.MAX_INVITES
    private final Set<User> invited = new LinkedHashSet<>();

    Channel(String name, long createdAtSeconds) {
        this.name = name;
        this.createdAtSeconds = createdAtSeconds;
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    long createdAtSeconds() {
        return createdAtSeconds;
    }

    void setCreatedAtSeconds(long seconds) {
        this.createdAtSeconds = seconds;
    }

    ChannelModes modes() {
        return modes;
    }

    Topic topic() {
        return topic;
    }

    void setTopic(Topic topic) {
        this.topic = topic;
    }

    String ownerAccount() {
        return ownerAccount;
    }

    void setOwnerAccount(String account) {
        this.ownerAccount = account;
    }

    boolean has(User s) {
        return members.containsKey(s);
    }

    String modesOf(User s) {
        return members.get(s);
    }

    void add(User s, String modes) {
        if (members.put(s, modes) != null) {
            forgetNames();
            return;
        }
        for (MemberNames text : names) {
            if (text != null) text.add(s, modes);
        }
        // #17: one copy of the array rather than a walk of the map (a user per cache miss) on every join; the
        // map's order is insertion order, so the newcomer goes last in both.
        User[] grown = Arrays.copyOf(memberArray, memberArray.length + 1);
        grown[memberArray.length] = s;
        memberArray = grown;
    }

    void remove(User s) {
        if (members.remove(s) == null) return;
        forgetNames();
        User[] old = memberArray;
        int at = 0;
        while (old[at] != s) at++;
        User[] shrunk = new User[old.length - 1];
        System.arraycopy(old, 0, shrunk, 0, at);
        System.arraycopy(old, at + 1, shrunk, at, old.length - at - 1);
        memberArray = shrunk;
    }

    /** Removes every member in {@code leaving}, rebuilding the member array once. */
    void removeAll(Set<User> leaving) {
        if (!members.keySet().removeIf(leaving::contains)) return;
        memberArray = members.keySet().toArray(NO_USERS);
        forgetNames();
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    int size() {
        return members.size();
    }

    /** The members; the array is never changed after it is handed out. */
    User[] memberArray() {
        return memberArray;
    }

    Map<User, String> memberModes() {
        return members;
    }

    /** Replaces a member's prefix modes; the caller checked that it is a member. */
    void setModesOf(User s, String modes) {
        members.replace(s, modes);
        forgetNames();
    }

    /** The members' names as NAMES shows them to a member, with each one's highest prefix or all of them. */
    NameList.Text namesText(boolean allPrefixes) {
        int style = allPrefixes ? 1 : 0;
        if (names[style] == null) names[style] = new MemberNames(allPrefixes, members);
        return names[style].snapshot();
    }

    /** A member's nick or prefixes changed, or a member left: the names are built again at their next use. */
    void forgetNames() {
        names[0] = null;
        names[1] = null;
    }

    /** Remembers an invitation, forgetting the oldest past {@link ChannelLimits#MAX_INVITES}. */
    void invite(User s) {
        invited.remove(s);
        invited.add(s);
        if (invited.size() > ChannelLimits.MAX_INVITES) {
            Iterator<User> oldest = invited.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The pending invitations, oldest first. */
    List<User> invitations() {
        return List.copyOf(invited);
    }

    boolean isInvited(User s) {
        return invited.contains(s);
    }

    /** Forgets an invitation once it was used (or the invitee left). */
    void uninvite(User s) {
        invited.remove(s);
    }
}
