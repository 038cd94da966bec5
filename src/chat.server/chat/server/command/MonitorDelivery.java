package chat.server.command;

import chat.protocol.CaseMapping;
import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.protocol.Numeric;
import chat.server.change.Change;
import chat.server.service.ServerInfo;
import chat.server.state.Announcement;
import chat.server.state.ChangeSink;
import chat.server.state.Echo;
import chat.server.state.Registry;
import chat.server.state.User;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * MONITOR's part of change delivery: the watchers of a nick hear it come online (registration, a NICK to it) and
 * go offline (quit, a NICK away from it), and extended-monitor watchers join the audience of the AWAY, ACCOUNT,
 * CHGHOST and SETNAME of the nicks they watch.
 */
final class MonitorDelivery implements ChangeSink {

    private final ChangeSink inner;
    private final Registry registry;
    private final ServerInfo server;

    MonitorDelivery(ChangeSink inner, Registry registry, ServerInfo server) {
        this.inner = inner;
        this.registry = registry;
        this.server = server;
    }

    @Override
    public void deliver(Announcement a, Echo echo) {
        switch (a.change()) {
            case Change.AwayChanged c -> inner.deliver(watched(a), echo);
            case Change.AccountChanged c -> inner.deliver(watched(a), echo);
            case Change.HostChanged c -> inner.deliver(watched(a), echo);
            case Change.RealnameChanged c -> inner.deliver(watched(a), echo);
            default -> inner.deliver(a, echo);
        }
        switch (a.change()) {
            case Change.Registered r -> online(server, registry, a.actor());
            case Change.NickChanged n -> {
                CaseMapping mapping = registry.caseMapping();
                if (!mapping.fold(n.actor().nick()).equals(mapping.fold(n.nick()))) {
                    offline(server, registry, n.actor().nick());
                    online(server, registry, a.actor());
                }
            }
            case Change.Quit q -> {
                if (q.actor().nick() != null) offline(server, registry, q.actor().nick());
            }
            default -> { }
        }
    }

    private Announcement watched(Announcement a) {
        return new Announcement(a.change(), a.actor(), withWatchers(registry, a.actor(), a.audience()));
    }

    /** Tells the watchers of {@code user}'s nick that it is online (registration, or a NICK to it). */
    private static void online(ServerInfo server, Registry registry, User user) {
        tell(server, registry.monitors().watchersOf(user.nick()), Numeric.RPL_MONONLINE, user.identity().prefix());
    }

    /** Tells the watchers of {@code nick} that it is offline (disconnection, or a NICK away from it). */
    private static void offline(ServerInfo server, Registry registry, String nick) {
        tell(server, registry.monitors().watchersOf(nick), Numeric.RPL_MONOFFLINE, nick);
    }

    /**
     * extended-monitor: {@code audience} plus the watchers of {@code subject}'s nick that enabled
     * extended-monitor (the caller still sends only to those with the notification's own capability).
     */
    private static User[] withWatchers(Registry registry, User subject, User[] audience) {
        User[] watchers = registry.monitors().watchersOf(subject.nick());
        if (watchers.length == 0) return audience;
        Set<User> all = new LinkedHashSet<>(List.of(audience));
        for (User w : watchers) {
            if (w.has(Capability.EXTENDED_MONITOR)) all.add(w);
        }
        return all.toArray(User[]::new);
    }

    private static void tell(ServerInfo server, User[] watchers, Numeric numeric, String target) {
        for (User w : watchers) {
            w.delivery().send(LineWriter.encodeWithin(IrcMessage.from(server.name(), numeric.code(), w.target(), target)));
        }
        server.stats().sent(watchers.length);
    }
}
