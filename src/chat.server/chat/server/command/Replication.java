package chat.server.command;

import chat.protocol.IrcMessage;
import chat.server.change.ModeChange;
import chat.server.state.Link;
import chat.server.state.User;
import java.util.List;
import java.util.function.Consumer;

/**
 * How commands that change shared state reach it: at once on a single server, through the cluster's ordered
 * log on a node of a network (#12). Every node runs the same handler for the same line in log order, so the
 * cluster decides when a change is applied, never how.
 */
public interface Replication {

    /** A single server: everything applies at once. */
    Replication NONE = new Replication() {
        @Override
        public boolean publish(Link link, IrcMessage message) {
            return false;
        }

        @Override
        public boolean arrive(Link link, Consumer<Context> finish) {
            return false;
        }

        @Override
        public boolean departed(User user, String reason) {
            return false;
        }

        @Override
        public void accountChanged(User user, String account) {
        }

        @Override
        public void operatorGranted(User user) {
        }

        @Override
        public boolean serverModes(Link link, String channel, List<ModeChange> changes) {
            return false;
        }

        @Override
        public boolean remote(User user) {
            return false;
        }

        @Override
        public String nodeOf(User user) {
            return null;
        }

        @Override
        public List<String> nodes() {
            return List.of();
        }

        @Override
        public int remoteUsers() {
            return 0;
        }
    };

    /** Whether the line was sent to the log (it runs when it comes back) instead of running now. */
    boolean publish(Link link, IrcMessage message);

    /**
     * Whether the link's registration waits for the log: {@code finish} then runs (with a context whose replies
     * go to the client) if its nickname is still free at that point of the log.
     */
    boolean arrive(Link link, Consumer<Context> finish);

    /**
     * A local client left (its connection closed): the others must see it go. Whether it leaves this node's state
     * later, where its departure comes back from the log (as on every other node), rather than now.
     */
    boolean departed(User user, String reason);

    /**
     * A registered user logged in to {@code account} (or out: null) on its own node, by a command that did not go
     * through the log (NickServ's IDENTIFY and REGISTER, which carry a password): the others must see it.
     */
    void accountChanged(User user, String account);

    /**
     * A registered user of this node became an IRC operator by {@code OPER}, which runs on its own node only (its
     * password never enters the log, and the failed-attempt limits are this node's): the others must see it.
     */
    void operatorGranted(User user);

    /**
     * Whether a mode change the server itself makes for a user of this node (a built-in bot's status on a channel it
     * joined) was sent to the log, to be made on every node when it comes back, instead of now.
     */
    boolean serverModes(Link link, String channel, List<ModeChange> changes);

    /** Whether the user is on another node (its replies go nowhere; its own node answers it). */
    boolean remote(User user);

    /** The node a user of another node is on, by its node name (WHOIS); null for a user of this server. */
    String nodeOf(User user);

    /** The nodes of the network alive now, this one first; empty on a single server (LUSERS, LINKS). */
    List<String> nodes();

    /** Registered users of the other nodes. */
    int remoteUsers();
}
