package chat.server.cluster;

import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.LineWriter;
import chat.protocol.Numeric;
import chat.server.command.Context;
import chat.server.command.Dispatcher;
import chat.server.command.Replication;
import chat.server.spi.ClusterBus;
import chat.server.spi.ClusterEntry;
import chat.server.spi.ClusterListener;
import chat.server.state.Link;
import chat.server.state.NetworkState;
import chat.server.state.SavedChannel;
import chat.server.state.User;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * This node's view of the network (#12): it publishes what its clients change to the cluster's ordered log
 * and applies the log, everyone's entries in the same order, through the same dispatcher and registry a
 * local command uses. Users of other nodes are registry users whose link goes nowhere ({@link RemoteLink}):
 * their own node answers them. Everything that reads or changes this node's map of users runs on the bus's
 * one reader thread, except the publishing, which any connection thread may do.
 */
public final class Network implements ClusterListener, Replication {

    private static final System.Logger LOG = System.getLogger("chat.cluster");
    /** How long a node starting up waits for the others to announce their users before it accepts clients. */
    public static final Duration SYNC_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Commands that change what others see: they go through the log. Everything else (queries, PING, CAP,
     * registration itself, QUIT, which leaves as a departure) runs at once on the client's own node.
     */
    static final Set<String> REPLICATED = Set.of("PRIVMSG", "NOTICE", "TAGMSG", "JOIN", "PART", "KICK", "MODE",
            "TOPIC", "NICK", "AWAY", "INVITE", "KILL", "OPER", "SAJOIN", "SAPART", "WALLOPS", "SETNAME", "CHGHOST",
            "KLINE", "UNKLINE", "DLINE", "UNDLINE", "RENAME", "REDACT");

    static final String HELLO = "HELLO";
    static final String ARRIVE = "ARRIVE";
    static final String USER = "USER";
    static final String MEMBER = "MEMBER";
    static final String CHANNEL = "CHANNEL";
    static final String SYNCED = "SYNCED";
    static final String LINE = "LINE";
    static final String DEPART = "DEPART";
    static final String ACCOUNT = "ACCOUNT";
    /** The account service's nickname (the command package's NickServ.NAME). */
    private static final String ACCOUNT_SERVICE = "NickServ";
    /**
     * The account service's verbs that change nothing but the network's state (who holds a nickname, who is
     * connected): they go through the log however they are sent ({@code PRIVMSG NickServ}, {@code NICKSERV},
     * {@code NS}) and every node runs them alike, at one place in the log, as it runs NICK or KILL. Every other
     * verb (IDENTIFY, LOGIN, REGISTER, DROP, SET, INFO, HELP) carries a password or works on the shared store: it
     * runs on the client's own node only, as SASL does, so that no password enters the log (Redis's memory) and
     * the store sees one attempt, one registration, one drop; the logins and logouts that follow travel as
     * {@code ACCOUNT} entries.
     */
    private static final Set<String> LOGGED_SERVICE_VERBS = Set.of("GHOST", "REGAIN", "RECOVER");
    /** HELLO's field after a lost log: every node then announces itself to all, so nobody answers it. */
    static final String REBUILD = "rebuild";

    private final ClusterBus bus;
    private final String node;
    private final Dispatcher dispatcher;
    private final NetworkState state;
    private final AtomicLong userCounter = new AtomicLong();
    // user id -> link, for every user of every node this node knows (local ones once they arrived)
    private final Map<String, Link> users = new ConcurrentHashMap<>();
    // local link -> its user id, from its first publication on
    private final Map<Link, String> ids = new ConcurrentHashMap<>();

    /** A local client whose arrival is on its way through the log, and what to do when it comes back. */
    private record Arrival(Link link, Consumer<Context> finish) {
    }

    // user id -> a local client's arrival on its way through the log
    private final Map<String, Arrival> arriving = new ConcurrentHashMap<>();
    // The other nodes in the network as the log says (an entry of theirs applied, and no DOWN since): LUSERS, LINKS.
    private final Set<String> others = ConcurrentHashMap.newKeySet();
    private final CountDownLatch synced = new CountDownLatch(1);
    // Nodes whose answers to this node's HELLO it still waits for: filled before the bus starts, then the reader's.
    private final Set<String> awaitingSync = ConcurrentHashMap.newKeySet();
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
    private volatile Thread applier;

    private Network(ClusterBus bus, Dispatcher dispatcher) {
        this.bus = bus;
        this.node = bus.node();
        this.dispatcher = dispatcher;
        this.state = dispatcher.registry().networkState();
    }

    /**
     * Joins the network through {@code bus} and waits (at most {@link #SYNC_TIMEOUT}) until every live node
     * has announced its users, so that this node accepts clients only once it knows the whole state.
     */
    public static Network join(ClusterBus bus, Dispatcher dispatcher) throws InterruptedException {
        Network network = new Network(bus, dispatcher);
        network.learnFrom(bus.liveNodes());
        bus.start(ClusterEntry.of(bus.node(), HELLO), network);
        if (!network.synced.await(SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.log(Level.WARNING, "nodes " + network.awaitingSync + " did not answer in " + SYNC_TIMEOUT.toSeconds()
                    + " s: taking clients with what the others announced");
            // Read back by this node, it ends the learning on the reader thread, where the held changes are.
            bus.publish(ClusterEntry.of(network.node, SYNCED, network.node));
        }
        return network;
    }

    /** Starts learning the network from the answers of {@code live} nodes (this one aside) to a HELLO. */
    private void learnFrom(Set<String> live) {
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

    public String node() {
        return node;
    }

    // --- publishing: a local client's changes go to the log -----------------------------------------------------

    private String idOf(Link link) {
        return ids.computeIfAbsent(link, s -> node + "/" + Long.toString(userCounter.incrementAndGet(), 36));
    }

    private boolean applying() {
        return Thread.currentThread() == applier;
    }

    @Override
    public boolean publish(Link link, IrcMessage message) {
        if (applying() || !link.user().registered()) return false;
        String verb = serviceVerb(message);
        if (verb == null ? !REPLICATED.contains(message.command()) : !LOGGED_SERVICE_VERBS.contains(verb)) return false;
        String id = ids.get(link);
        if (id == null) return false;
        bus.publish(ClusterEntry.of(node, LINE, id, new String(LineWriter.encode(message), StandardCharsets.UTF_8).strip(),
                Integer.toString(link.capabilityBits())));
        return true;
    }

    /** The verb of a line to the account service (upper case), or null if the line is not one. */
    private String serviceVerb(IrcMessage message) {
        String text;
        switch (message.command()) {
            case "NICKSERV", "NS" -> text = String.join(" ", message.params());
            case "PRIVMSG", "NOTICE" -> {
                if (message.params().size() < 2) return null;
                CaseMapping mapping = dispatcher.registry().caseMapping();
                if (!mapping.equal(message.params().getFirst(), ACCOUNT_SERVICE)) return null;
                text = message.last();
            }
            default -> {
                return null;
            }
        }
        return text.strip().split(" +", 2)[0].toUpperCase(Locale.ROOT);
    }

    /**
     * A login or logout by a command that ran on this node only: of its own client, or (a DROP logs every
     * client of the account out) of any user, this node's or another's.
     */
    @Override
    public void accountChanged(User user, String account) {
        if (applying() || !user.registered()) return;
        String id = idOfKnown(Link.of(user));
        if (id != null) bus.publish(ClusterEntry.of(node, ACCOUNT, id, orEmpty(account)));
    }

    /** The network-wide id of a user this node knows (its own once arrived, or another node's), or null. */
    private String idOfKnown(Link link) {
        if (link == null) return null;
        if (link.outbound() instanceof RemoteLink remote) return remote.id();
        String id = ids.get(link);
        return id != null && users.containsKey(id) ? id : null;
    }

    @Override
    public boolean arrive(Link link, Consumer<Context> finish) {
        if (applying()) return false;
        String id = idOf(link);
        // A second arrival while the first is on its way would register the client twice.
        if (arriving.putIfAbsent(id, new Arrival(link, finish)) != null) return true;
        User u = link.user();
        bus.publish(ClusterEntry.of(node, ARRIVE, id, u.nick(), u.identity().user(), u.identity().host(),
                u.identity().realname(), orEmpty(u.account()), Integer.toString(link.capabilityBits())));
        return true;
    }

    @Override
    public void departed(User user, String reason) {
        if (applying() || remote(user)) return;
        Link link = Link.of(user);
        if (link == null) return;
        String id = ids.remove(link);
        if (id == null) return;
        arriving.remove(id);
        if (users.containsKey(id)) bus.publish(ClusterEntry.of(node, DEPART, id, reason));
    }

    @Override
    public boolean remote(User user) {
        return user.delivery() instanceof Link link && link.outbound() instanceof RemoteLink;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    // --- applying the log, on the bus's reader thread ---------------------------------------------------------

    @Override
    public void apply(ClusterEntry entry) {
        applier = Thread.currentThread();
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
            default -> LOG.log(Level.DEBUG, "unknown cluster entry " + entry.kind());
        }
    }

    /**
     * Another node joined (or came back after it was cut off): announce this node's users, their channels and
     * those channels' state to it. A HELLO after a lost log needs no answer: every node announces itself to all.
     */
    private void hello(ClusterEntry entry) {
        if (entry.node().equals(node) || entry.field(0).equals(REBUILD)) return;
        announce(entry.node());
    }

    /**
     * Publishes this node's users ({@code USER}), their memberships ({@code MEMBER}) and the state of every channel
     * they are on ({@code CHANNEL}), addressed to {@code target}, or to every node when it is "".
     */
    private void announce(String target) {
        Set<String> channels = new LinkedHashSet<>();
        for (Map.Entry<Link, String> local : ids.entrySet()) {
            User s = local.getKey().user();
            if (!s.registered() || !users.containsKey(local.getValue())) continue;
            bus.publish(ClusterEntry.of(node, USER, local.getValue(), s.nick(), s.identity().user(), s.identity().host(),
                    s.identity().realname(), orEmpty(s.account()), Integer.toString(local.getKey().capabilityBits()),
                    s.operator() ? "o" : "", orEmpty(s.awayMessage()), target));
            for (NetworkState.Membership m : state.memberships(s)) {
                bus.publish(ClusterEntry.of(node, MEMBER, local.getValue(), m.channel(), m.modes(), target));
                channels.add(m.channel());
            }
        }
        for (String name : channels) {
            SavedChannel channel = state.channel(name);
            if (channel == null) continue;
            List<String> invitees = new ArrayList<>();
            for (User invited : state.invitations(name)) {
                String id = idOfKnown(Link.of(invited));
                if (id != null) invitees.add(id);
            }
            bus.publish(ClusterEntry.of(node, CHANNEL, ChannelAnnouncement.fields(target, channel, invitees)));
        }
        if (!target.isEmpty()) bus.publish(ClusterEntry.of(node, SYNCED, target));
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
        if (s != null && remote(s.user())) state.restore(s.user(), new NetworkState.Membership(entry.field(1), entry.field(2)));
    }

    /**
     * A command of a user of any node: every node runs the same handler for it, in log order. Its message ids
     * come from the entry's place in the log, so that one message has one id on every node.
     */
    private void line(ClusterEntry entry) {
        Link s = users.get(entry.field(0));
        if (s == null || !s.user().registered()) return;
        if (remote(s.user())) s.setCapabilityBits(capabilities(entry.field(2)));
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
        if (account == null && !remote(s.user())) {
            User u = s.user();
            u.delivery().reply(LineWriter.encodeWithin(IrcMessage.from(dispatcher.server().name(),
                    Numeric.RPL_LOGGEDOUT.code(), u.target(), u.identity().prefix(), "You are now logged out")));
        }
    }

    private void departure(ClusterEntry entry) {
        Link s = users.remove(entry.field(0));
        if (s != null && remote(s.user())) dispatcher.disconnected(s.user(), entry.field(1));
    }

    /** A remote user was KILLed or banned by a command applied here: it leaves this node's view. */
    void removed(Link link, String reason) {
        users.values().remove(link);
        dispatcher.disconnected(link.user(), reason);
    }

    @Override
    public void nodeDown(String dead) {
        applier = Thread.currentThread();
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
        applier = Thread.currentThread();
        LOG.log(Level.WARNING, node + " is cut off from the network: " + reason);
        for (Link s : List.copyOf(ids.keySet())) s.close(reason);
        ids.clear();
        arriving.clear();
    }

    @Override
    public void logLost() {
        applier = Thread.currentThread();
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
        announce("");
        // Forget the others silently: they announce themselves again to everyone, as this node does. Only now: the
        // announcement names the users of other nodes invited to this node's channels.
        forgetOthers();
    }

    /** Takes every other node's users out of this node's state, silently. */
    private void forgetOthers() {
        others.clear();
        for (var it = users.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (remote(e.getValue().user())) {
                state.split(e.getValue().user(), "");
                it.remove();
            }
        }
    }

    @Override
    public void rejoined() {
        applier = Thread.currentThread();
        // The others buried this node while it was cut off, and its clients are gone: learn the network again.
        forgetOthers();
        users.values().removeIf(link -> !ids.containsKey(link));
        learnFrom(bus.liveNodes());
        bus.publish(ClusterEntry.of(node, HELLO));
    }

    @Override
    public List<String> nodes() {
        List<String> all = new ArrayList<>(List.of(node));
        all.addAll(new TreeSet<>(others));
        return all;
    }

    @Override
    public int remoteUsers() {
        int remote = 0;
        for (Link s : users.values()) if (remote(s.user())) remote++;
        return remote;
    }

    /** Leaves the network (after the local clients were closed and their departures published). */
    public void close() {
        bus.close();
    }
}
