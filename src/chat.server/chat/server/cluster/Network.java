package chat.server.cluster;

import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.change.ModeChange;
import chat.server.command.Context;
import chat.server.command.Dispatcher;
import chat.server.command.Replication;
import chat.server.spi.ClusterBus;
import chat.server.spi.ClusterEntry;
import chat.server.state.Link;
import chat.server.state.NetworkState;
import chat.server.state.SavedChannel;
import chat.server.state.User;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * This node's view of the network (#12): it publishes what its clients change to the cluster's ordered log, and
 * its {@link LogApplier} applies the log, everyone's entries in the same order, through the same dispatcher and
 * registry a local command uses. Users of other nodes are registry users whose link goes nowhere
 * ({@link RemoteLink}): their own node answers them. Everything that changes this node's map of users runs on
 * the bus's one reader thread, except the publishing, which any connection thread may do.
 */
public final class Network implements Replication {

    private static final System.Logger LOG = System.getLogger("chat.cluster");
    /** How long a node starting up waits for the others to announce their users before it accepts clients. */
    public static final Duration SYNC_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Commands that change what others see: they go through the log. Everything else (queries, PING, CAP,
     * registration itself, QUIT, which leaves as a departure) runs at once on the client's own node.
     */
    static final Set<String> REPLICATED = Set.of("PRIVMSG", "NOTICE", "TAGMSG", "JOIN", "PART", "KICK", "MODE",
            "TOPIC", "NICK", "AWAY", "INVITE", "KILL", "SAJOIN", "SAPART", "WALLOPS", "SETNAME", "CHGHOST",
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
    /** A user of the entry's node became an IRC operator (OPER ran there only): user id. */
    static final String OPERATOR = "OPERATOR";
    /** The server's own mode change for a user (a built-in bot's status): user id, channel, then "+o nick"... */
    static final String MODES = "MODES";
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
    private final LogApplier applier;
    private final AtomicLong userCounter = new AtomicLong();
    // user id -> link, for every user of every node this node knows (local ones once they arrived); written by the
    // applier, on the reader thread
    final Map<String, Link> users = new ConcurrentHashMap<>();
    // local link -> its user id, from its first publication on
    final Map<Link, String> ids = new ConcurrentHashMap<>();

    /** A local client whose arrival is on its way through the log, and what to do when it comes back. */
    record Arrival(Link link, Consumer<Context> finish) {
    }

    // user id -> a local client's arrival on its way through the log
    final Map<String, Arrival> arriving = new ConcurrentHashMap<>();
    // The other nodes in the network as the log says (an entry of theirs applied, and no DOWN since): LUSERS, LINKS.
    final Set<String> others = ConcurrentHashMap.newKeySet();

    private Network(ClusterBus bus, Dispatcher dispatcher) {
        this.bus = bus;
        this.node = bus.node();
        this.dispatcher = dispatcher;
        this.state = dispatcher.registry().networkState();
        this.applier = new LogApplier(this, bus, dispatcher);
    }

    /**
     * Joins the network through {@code bus} and waits (at most {@link #SYNC_TIMEOUT}) until every live node
     * has announced its users, so that this node accepts clients only once it knows the whole state.
     */
    public static Network join(ClusterBus bus, Dispatcher dispatcher) throws InterruptedException {
        Network network = new Network(bus, dispatcher);
        LogApplier applier = network.applier;
        applier.learnFrom(bus.liveNodes());
        bus.start(ClusterEntry.of(bus.node(), HELLO), applier);
        if (!applier.synced.await(SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.log(Level.WARNING, "nodes " + applier.awaitingSync + " did not answer in " + SYNC_TIMEOUT.toSeconds()
                    + " s: taking clients with what the others announced");
            // Read back by this node, it ends the learning on the reader thread, where the held changes are.
            bus.publish(ClusterEntry.of(network.node, SYNCED, network.node));
        }
        return network;
    }

    public String node() {
        return node;
    }

    private String idOf(Link link) {
        return ids.computeIfAbsent(link, s -> node + "/" + Long.toString(userCounter.incrementAndGet(), 36));
    }

    @Override
    public boolean publish(Link link, IrcMessage message) {
        if (applier.applying() || !link.user().registered()) return false;
        String verb = serviceVerb(message);
        if (verb == null ? !REPLICATED.contains(message.command()) : !LOGGED_SERVICE_VERBS.contains(verb)) return false;
        String id = ids.get(link);
        // Gone (its departure is in the log): nothing of it runs any more, here or elsewhere.
        if (id == null) return true;
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
        if (applier.applying() || !user.registered()) return;
        String id = idOfKnown(Link.of(user));
        if (id != null) bus.publish(ClusterEntry.of(node, ACCOUNT, id, orEmpty(account)));
    }

    @Override
    public void operatorGranted(User user) {
        if (applier.applying() || !user.registered()) return;
        String id = idOfKnown(Link.of(user));
        if (id != null) bus.publish(ClusterEntry.of(node, OPERATOR, id));
    }

    /** The network-wide id of a user this node knows (its own once arrived, or another node's), or null. */
    private String idOfKnown(Link link) {
        if (link == null) return null;
        if (link.outbound() instanceof RemoteLink remote) return remote.id();
        String id = ids.get(link);
        return id != null && users.containsKey(id) ? id : null;
    }

    @Override
    public boolean serverModes(Link link, String channel, List<ModeChange> changes) {
        if (applier.applying()) return false;
        String id = idOfKnown(link);
        if (id == null || remote(link.user())) return false;
        List<String> fields = new ArrayList<>(List.of(id, channel));
        for (ModeChange c : changes) fields.add((c.add() ? "+" : "-") + c.mode() + " " + orEmpty(c.param()));
        bus.publish(ClusterEntry.of(node, MODES, fields.toArray(String[]::new)));
        return true;
    }

    @Override
    public boolean arrive(Link link, Consumer<Context> finish) {
        if (applier.applying()) return false;
        String id = idOf(link);
        // A second arrival while the first is on its way would register the client twice.
        if (arriving.putIfAbsent(id, new Arrival(link, finish)) != null) return true;
        User u = link.user();
        link.arrivalStarted();
        bus.publish(ClusterEntry.of(node, ARRIVE, id, u.nick(), u.identity().user(), u.identity().host(),
                u.identity().realname(), orEmpty(u.account()), Integer.toString(link.capabilityBits())));
        // Closed by another thread meanwhile (the registration timeout, a failed write): its departure may have
        // found no id yet, or been published before this arrival. A second DEPART changes nothing.
        if (link.departed()) {
            ids.remove(link, id);
            arriving.remove(id);
            bus.publish(ClusterEntry.of(node, DEPART, id, "Connection closed"));
        }
        return true;
    }

    /**
     * A local client left: on its own, or closed while this node applied the log. A close by a log entry (KILL,
     * GHOST, a K-line) is made by every node at that entry, and its DEPART then changes nothing; but a client
     * dropped while the log was applied for its own sake (its send queue overflowed in a fan-out) is known gone
     * only here: the others learn it from the DEPART. Either way this node forgets it, so that a later
     * announcement (a lost log, a late node) does not bring it back. A client that closed on its own after it
     * arrived stays in the state until its DEPART comes back (true): lines of its own still in the log before it
     * then run here as on every other node, and its nickname is free everywhere at one place in the log.
     */
    @Override
    public boolean departed(User user, String reason) {
        if (remote(user)) return false;
        Link link = Link.of(user);
        if (link == null) return false;
        link.markDeparted();
        link.arrivalSettled();
        String id = ids.remove(link);
        if (id == null) return false;
        arriving.remove(id);
        // Also when it has not arrived yet: gone while its ARRIVE was on its way, it is still registered by the
        // other nodes when they reach that entry, so they must see it go (a DEPART of an unknown id changes nothing).
        bus.publish(ClusterEntry.of(node, DEPART, id, reason));
        return !applier.applying() && users.get(id) == link;
    }

    /**
     * Publishes this node's users ({@code USER}), their memberships ({@code MEMBER}) and the state of every channel
     * they are on ({@code CHANNEL}), addressed to {@code target}, or to every node when it is "".
     */
    void announce(String target) {
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

    @Override
    public boolean remote(User user) {
        return isRemote(user);
    }

    @Override
    public String nodeOf(User user) {
        if (!(user.delivery() instanceof Link link) || !(link.outbound() instanceof RemoteLink remote)) return null;
        String id = remote.id();
        return id.substring(0, id.indexOf('/'));
    }

    static boolean isRemote(User user) {
        return user.delivery() instanceof Link link && link.outbound() instanceof RemoteLink;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
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
        for (Link s : users.values()) if (isRemote(s.user())) remote++;
        return remote;
    }

    /** Leaves the network (after the local clients were closed and their departures published). */
    public void close() {
        bus.close();
    }
}
