package chat.server.command;

import chat.protocol.CaseMapping;
import chat.server.change.Change;
import chat.server.service.ServerInfo;
import chat.server.state.Announcement;
import chat.server.state.ChangeSink;
import chat.server.state.Echo;
import chat.server.state.Registry;

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
            case Change.Registered r -> MonitorCommands.online(server, registry, a.actor());
            case Change.NickChanged n -> {
                CaseMapping mapping = registry.caseMapping();
                if (!mapping.fold(n.actor().nick()).equals(mapping.fold(n.nick()))) {
                    MonitorCommands.offline(server, registry, n.actor().nick());
                    MonitorCommands.online(server, registry, a.actor());
                }
            }
            case Change.Quit q -> {
                if (q.actor().nick() != null) MonitorCommands.offline(server, registry, q.actor().nick());
            }
            default -> { }
        }
    }

    private Announcement watched(Announcement a) {
        return new Announcement(a.change(), a.actor(), MonitorCommands.withWatchers(registry, a.actor(), a.audience()));
    }
}
