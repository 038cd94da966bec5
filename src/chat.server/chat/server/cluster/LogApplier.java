package chat.server.cluster;

import static chat.server.cluster.Network.ACCOUNT;
import static chat.server.cluster.Network.ARRIVE;
import static chat.server.cluster.Network.CHANNEL;
import static chat.server.cluster.Network.DEPART;
import static chat.server.cluster.Network.HELLO;
import static chat.server.cluster.Network.LINE;
import static chat.server.cluster.Network.MEMBER;
import static chat.server.cluster.Network.MODES;
import static chat.server.cluster.Network.OPERATOR;
import static chat.server.cluster.Network.REBUILD;
import static chat.server.cluster.Network.SYNCED;
import static chat.server.cluster.Network.USER;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.LineWriter;
import chat.protocol.Numeric;
import chat.server.change.ModeChange;
import chat.server.cluster.Network.Arrival;
import chat.server.command.Dispatcher;
import chat.server.spi.ClusterBus;
import chat.server.spi.ClusterEntry;
import chat.server.spi.ClusterListener;
import chat.server.state.Link;
import chat.server.state.NetworkState;
import chat.server.state.SavedChannel;
import chat.server.state.User;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Applies the cluster's log on this node (#12), on the bus's one reader thread, everyone's entries in the same
 * order: other nodes' users arriving, announced, leaving or split, and every node's replicated commands, run
 * through the same dispatcher and registry a local command uses. A node starting late (or cut off and back)
 * first learns the network from the answers to its HELLO and holds the changes read meanwhile. What this node's
 * own clients publish is {@link Network}'s side.
 */
final class LogApplier implements ClusterListener {

    private static final System.Logger LOG = System.getLogger("chat.cluster");

    private final Network network;
    private final ClusterBus bus;
    private final String node;
    private final Dispatcher dispatcher;
    private final NetworkState state;
    // the network's maps (see Network): written here, on the reader thread; read by any thread
    private final Map<String, Link> users;
    private final Map<Link, String> ids;
    private final Map<String, Arrival> arriving;
    private final Set<String> others;
    final CountDownLatch synced = new CountDownLatch(1);
    // Nodes whose answers to this node's HELLO it still waits for: filled before the bus starts, then the reader's.
    final Set<String> awaitingSync = ConcurrentHashMap.newKeySet();
    // confined to the reader thread (set before the bus starts it): this node is learning the network from the
    // answers to its HELLO, which hold the state at the HELLO's place in the log; the changes read meanwhile are
    // held, to be applied after that state in log order.
    private boolean learning;
    private final List<Runnable> held = new ArrayList<>();
    // confined to the reader thread: channels (folded) whose state an announcement of this round has settled
    private final Set<String> settled = new HashSet<>();
    // confined to the reader thread: user id -> channels an announcement of this round says it is invited to,
    // for users not announced yet (their node announces them later in the round)
    private final Map<String, List<String>> pendingInvitations = new HashMap<>();
    private volatile Thread reader;

    LogApplier(Network network, ClusterBus bus, Dispatcher dispatcher) {
        this.network = network;
        this.bus = bus;
        this.node = bus.node();
        this.dispatcher = dispatcher;
        this.state = dispatcher.registry().networkState();
        this.users = network.users;
        this.ids = network.ids;
        this.arriving = network.arriving;
        this.others = network.others;
    }

    /** Whether the calling thread is the one applying the log (what it runs is not published again). */
    boolean applying() {
        return Thread.currentThread() == reader;
    }

    /** Starts learning the network from the answers of {@code live} nodes (this one aside) to a HELLO. */
    void learnFrom(Set<String> live) {
        awaitingSync.clear();
        for (String n : live) if (!n.equals(node)) awaitingSync.add(n);
        settled.clear();
        pendingInvitations.clear();
        held.clear();
        learning = !awaitingSync.isEmpty();
        if (!learning) synced.countDown();
    }

    /** Every node this node waited for has answered (or died, or the wait was given up): apply what was held. */
    private void learned() {
        learning = false;
        awaitingSync.clear();
        List<Runnable> replay = List.copyOf(held);
        held.clear();
        for (Runnable r : replay) r.run();
        synced.countDown();
    }

    @Override
    public void apply(ClusterEntry entry) {
        reader = Thread.currentThread();
        if (!entry.node().equals(node) && !entry.node().isEmpty()) others.add(entry.node());
        switch (entry.kind()) {
            case HELLO -> safely(entry, this::hello);
            case USER -> safely(entry, this::announced);
            case MEMBER -> safely(entry, this::member);
            case CHANNEL -> safely(entry, this::channel);
            case SYNCED -> safely(entry, this::syncedBy);
            default -> {
                if (learning) held.add(() -> safely(entry, this::change));
                else safely(entry, this::change);
            }
        }
    }

    private static void safely(ClusterEntry entry, Consumer<ClusterEntry> step) {
        try {
            step.accept(entry);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "applying " + entry.kind() + " from " + entry.node() + " failed", e);
        }
    }

    /** A change of the network: an arrival, a client's command, a departure. */
    private void change(ClusterEntry entry) {
        switch (entry.kind()) {
            case ARRIVE -> arrival(entry);
            case LINE -> line(entry);
            case DEPART -> departure(entry);
            case ACCOUNT -> account(entry);
            case OPERATOR -> operator(entry);
            case MODES -> serverModes(entry);
            default -> LOG.log(Level.DEBUG, "unknown cluster entry " + entry.kind());
        }
    }

    /**
     * Another node joined (or came back after it was cut off): announce this node's users, their channels and
     * those channels' state to it. A HELLO after a lost log needs no answer: every node announces itself to all.
     */
    private void hello(ClusterEntry entry) {
        if (entry.node().equals(node) || entry.field(0).equals(REBUILD)) return;
        network.announce(entry.node());
    }

    /**
     * Whether an announcement addressed to {@code target} is for this node: one for every node (after a lost
     * log) always is; one answering a HELLO only for the node that said it, while it learns (the others know).
     */
    private boolean takes(String target) {
        return target.isEmpty() || learning && target.equals(node);
    }

    private void syncedBy(ClusterEntry entry) {
        if (!learning || !entry.field(0).equals(node)) return;
        // Its own SYNCED: the wait was given up.
        if (entry.node().equals(node)) awaitingSync.clear();
        awaitingSync.remove(entry.node());
        awaitingSync.retainAll(bus.liveNodes());
        if (awaitingSync.isEmpty()) learned();
    }

    /**
     * A channel's state, announced: the first announcement of a round (a lost log, or this node learning) sets
     * topic, modes, key, limit and lists; the later ones add their masks to the lists. Every node applies the
     * same announcements in the same order, so every node ends with the same state.
     */
    private void channel(ClusterEntry entry) {
        if (!takes(ChannelAnnouncement.target(entry))) return;
        SavedChannel announced = ChannelAnnouncement.parse(entry);
        state.settle(announced, settled.add(dispatcher.registry().caseMapping().fold(announced.name())));
        // Pending invitations are merged like the lists: every announcement's, for users known now or later.
        for (String id : ChannelAnnouncement.invitees(entry)) {
            Link invited = users.get(id);
            if (invited != null) state.restoreInvitation(invited.user(), announced.name());
            else pendingInvitations.computeIfAbsent(id, k -> new ArrayList<>()).add(announced.name());
        }
    }

    /** A client finishing registration on some node: first in the log wins its nickname. */
    private void arrival(ClusterEntry entry) {
        String id = entry.field(0);
        String nick = entry.field(1);
        if (entry.node().equals(node)) {
            Arrival pending = arriving.remove(id);
            if (pending == null) return;
            Link local = pending.link();
            if (nick.equals(local.user().nick()) && state.arrive(local.user(), nick)) {
                users.put(id, local);
                dispatcher.runFor(local, pending.finish());
            } else {
                // Another node's client took the nick first: this one stays unregistered and may pick another.
                dispatcher.runFor(local, ctx -> ctx.reply().numeric(Numeric.ERR_NICKNAMEINUSE, nick, "Nickname is already in use"));
            }
            local.arrivalSettled();
            return;
        }
        Link remote = newRemote(entry);
        if (!state.arrive(remote.user(), nick)) return; // the nick was taken earlier in the log: that arrival lost
        users.put(id, remote);
        // Its own node's welcome joins it to the default channel at this point of the log: so does every node.
        String lobby = dispatcher.server().config().defaultChannel();
        if (lobby != null) dispatcher.dispatch(remote, LineParser.parse("JOIN " + lobby));
    }

    private Link newRemote(ClusterEntry entry) {
        RemoteLink outbound = new RemoteLink(this, entry.field(0));
        Link link = new Link(outbound, entry.field(3), System.currentTimeMillis());
        outbound.bind(link);
        link.setCapabilityBits(capabilities(entry.field(6)));
        dispatcher.registry().settings().setUserName(link.user(), entry.field(2), entry.field(4));
        if (!entry.field(5).isEmpty()) dispatcher.registry().settings().changeAccount(link.user(), entry.field(5));
        return link;
    }

    private static int capabilities(String bits) {
        try {
            return bits.isEmpty() ? 0 : Integer.parseInt(bits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A user another node announced (to a node joining, or after the log was lost). */
    private void announced(ClusterEntry entry) {
        String id = entry.field(0);
        if (entry.node().equals(node) || !takes(entry.field(9)) || users.containsKey(id)) return;
        Link remote = newRemote(entry);
        if (!state.arrive(remote.user(), entry.field(1))) return;
        users.put(id, remote);
        for (String channel : pendingInvitations.getOrDefault(id, List.of())) state.restoreInvitation(remote.user(), channel);
        pendingInvitations.remove(id);
        if (entry.field(7).contains("o")) dispatcher.registry().settings().oper(remote.user(), null);
        if (!entry.field(8).isEmpty()) dispatcher.registry().settings().setAway(remote.user(), entry.field(8));
    }

    private void member(ClusterEntry entry) {
        if (entry.node().equals(node) || !takes(entry.field(3))) return;
        Link s = users.get(entry.field(0));
        if (s != null && Network.isRemote(s.user())) state.restore(s.user(), new NetworkState.Membership(entry.field(1), entry.field(2)));
    }

    /**
     * A command of a user of any node: every node runs the same handler for it, in log order. Its message ids
     * come from the entry's place in the log, so that one message has one id on every node.
     */
    private void line(ClusterEntry entry) {
        Link s = users.get(entry.field(0));
        if (s == null || !s.user().registered()) return;
        if (Network.isRemote(s.user())) s.setCapabilityBits(capabilities(entry.field(2)));
        dispatcher.server().messageIds().within(entry.id(), () -> dispatcher.dispatch(s, LineParser.parse(entry.field(1))));
    }

    /**
     * A user logged in or out by a command that ran on another node: its account changes here too (account-notify,
     * WHOIS). A client of this node logged out from elsewhere (its account was dropped there) is told so.
     */
    private void account(ClusterEntry entry) {
        if (entry.node().equals(node)) return;
        Link s = users.get(entry.field(0));
        if (s == null) return;
        String account = entry.field(1).isEmpty() ? null : entry.field(1);
        dispatcher.registry().settings().changeAccount(s.user(), account);
        if (account == null && !Network.isRemote(s.user())) {
            User u = s.user();
            u.delivery().reply(LineWriter.encodeWithin(IrcMessage.from(dispatcher.server().name(),
                    Numeric.RPL_LOGGEDOUT.code(), u.target(), u.identity().prefix(), "You are now logged out")));
        }
    }

    private void operator(ClusterEntry entry) {
        if (entry.node().equals(node)) return;
        Link s = users.get(entry.field(0));
        if (s != null) dispatcher.registry().settings().oper(s.user(), null);
    }

    /** The server's own mode change for a user, made where it is in the log on every node (its own included). */
    private void serverModes(ClusterEntry entry) {
        Link s = users.get(entry.field(0));
        if (s == null) return;
        List<ModeChange> changes = new ArrayList<>();
        for (String change : entry.fields().subList(2, entry.fields().size())) {
            String param = change.substring(3);
            changes.add(new ModeChange(change.charAt(0) == '+', change.charAt(1), param.isEmpty() ? null : param));
        }
        dispatcher.server().messageIds().within(entry.id(),
                () -> dispatcher.registry().moderation().serverModes(s.user(), entry.field(1), changes));
    }

    /** A user left: another node's, or one of this node's whose connection closed (it is taken out only now). */
    private void departure(ClusterEntry entry) {
        Link s = users.remove(entry.field(0));
        if (s != null) dispatcher.disconnected(s.user(), entry.field(1));
    }

    /**
     * This node's clients that closed and whose DEPART was not applied yet, when it will not be (the node is cut
     * off, or the log was lost): they leave now.
     */
    private void departNow() {
        for (var it = users.entrySet().iterator(); it.hasNext(); ) {
            Link link = it.next().getValue();
            if (Network.isRemote(link.user()) || ids.containsKey(link)) continue;
            it.remove();
            dispatcher.disconnected(link.user(), "Connection closed");
        }
    }

    /** A remote user was KILLed or banned by a command applied here: it leaves this node's view. */
    void removed(Link link, String reason) {
        users.values().remove(link);
        dispatcher.disconnected(link.user(), reason);
    }

    @Override
    public void nodeDown(String dead) {
        reader = Thread.currentThread();
        others.remove(dead);
        if (learning) {
            // Its users leave after the changes held before its death; it will not answer any more.
            held.add(() -> split(dead));
            awaitingSync.remove(dead);
            if (awaitingSync.isEmpty()) learned();
        } else {
            split(dead);
        }
    }

    private void split(String dead) {
        List<User> gone = new ArrayList<>();
        for (var it = users.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().startsWith(dead + "/")) {
                gone.add(e.getValue().user());
                it.remove();
            }
        }
        LOG.log(Level.WARNING, "node " + dead + " is gone: " + gone.size() + " users split");
        Netsplit.announce(dispatcher, gone, node, dead);
    }

    @Override
    public void cutOff(String reason) {
        reader = Thread.currentThread();
        LOG.log(Level.WARNING, node + " is cut off from the network: " + reason);
        List<Link> local = List.copyOf(ids.keySet());
        // Forgotten first: their departures need no DEPART (the others split this node's users).
        ids.clear();
        arriving.clear();
        for (Link s : local) s.close(reason);
        departNow();
    }

    @Override
    public void logLost() {
        reader = Thread.currentThread();
        // Departures in flight may have been in the lost log.
        departNow();
        // What was held came from the lost log; the state comes again from everyone's announcements.
        learning = false;
        held.clear();
        awaitingSync.clear();
        synced.countDown();
        settled.clear();
        pendingInvitations.clear();
        // Arrivals in flight were in the lost log: their clients must try again.
        for (String id : List.copyOf(arriving.keySet())) {
            Arrival lost = arriving.remove(id);
            if (lost == null) continue;
            Link local = lost.link();
            dispatcher.runFor(local, ctx -> ctx.reply().numeric(Numeric.ERR_NICKNAMEINUSE,
                    local.user().nick(), "The network restarted: choose your nickname again"));
        }
        bus.publish(ClusterEntry.of(node, HELLO, REBUILD));
        network.announce("");
        // Forget the others silently: they announce themselves again to everyone, as this node does. Only now: the
        // announcement names the users of other nodes invited to this node's channels.
        forgetOthers();
    }

    /** Takes every other node's users out of this node's state, silently. */
    private void forgetOthers() {
        others.clear();
        for (var it = users.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (Network.isRemote(e.getValue().user())) {
                state.split(e.getValue().user(), "");
                it.remove();
            }
        }
    }

    @Override
    public void rejoined() {
        reader = Thread.currentThread();
        // The others buried this node while it was cut off, and its clients are gone: learn the network again.
        forgetOthers();
        departNow();
        learnFrom(bus.liveNodes());
        bus.publish(ClusterEntry.of(node, HELLO));
    }
}
