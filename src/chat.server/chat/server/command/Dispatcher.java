package chat.server.command;

import chat.server.service.ServerInfo;
import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.protocol.ParseResult;
import chat.server.delivery.ChangeDelivery;
import chat.server.reply.ReplyBuffer;
import chat.server.state.Registry;
import chat.server.state.Link;
import chat.server.state.User;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs each received line through the shared checks (parse errors 417/FAIL, 421 unknown, 451 not
 * registered, 481 not an operator, 461 too few parameters), then its handler, then sends the handler's
 * replies in one write.
 */
public final class Dispatcher {

    private final CommandTable table;
    private final Registry registry;
    private final ServerInfo server;
    private volatile Replication replication = Replication.NONE;

    /**
     * A dispatcher over {@code registry}, which it connects to delivery (changes become lines for their audience)
     * and to the server's own change listeners (registered channels).
     */
    public Dispatcher(CommandTable table, Registry registry, ServerInfo server) {
        this.table = table;
        this.registry = registry;
        this.server = server;
        registry.deliverThrough(new MonitorDelivery(new ChangeDelivery(server::name, server.clock(), server.stats()),
                registry, server));
        registry.addListener(server.storage().channels().listener(registry));
    }

    public Registry registry() {
        return registry;
    }

    public ServerInfo server() {
        return server;
    }

    /** From now on, shared changes go through {@code replication} (a cluster node's log, #12). */
    public void replicateThrough(Replication replication) {
        this.replication = replication;
    }

    /** How shared changes are applied: at once, or through a cluster's log. */
    public Replication replication() {
        return replication;
    }

    /** Handles one line from the link's client. */
    public void dispatch(Link link, ParseResult line) {
        ReplyBuffer reply = new ReplyBuffer(server.name(), link.user());
        switch (line) {
            case ParseResult.Rejected rejected -> refuse(reply, rejected);
            case ParseResult.Parsed parsed -> {
                server.stats().received();
                // #12: on a cluster node a shared change runs when the log brings it back, on every node alike.
                if (replication.publish(link, parsed.message())) return;
                run(new Context(link, registry, reply, server, replication), parsed.message());
                if (reply.held() != null) {
                    flushWhenStored(link, reply, parsed.message());
                    return;
                }
            }
        }
        flush(link, reply);
    }

    /** #store: the acknowledgment of a stored message goes out after its commit; a failed commit gets a FAIL instead. */
    private void flushWhenStored(Link session, ReplyBuffer reply, IrcMessage message) {
        int lines = reply.size();
        var held = reply.held();
        byte[] acknowledgment = reply.drain();
        reply.standard("FAIL", message.command(), "STORE_FAILED", "Delivered, but not saved to history: try again");
        String label = message.tags().get("label");
        if (label != null && !label.isEmpty() && session.has(Capability.LABELED_RESPONSE)) {
            reply.applyLabel(label, session.has(Capability.BATCH), server.messageIds().next());
        }
        session.replies().sendWhen(held, acknowledgment, reply.drain());
        server.stats().sent(lines);
    }

    /** Runs {@code step} for the link with a fresh reply buffer, then sends its replies (#12: an arrival). */
    public void runFor(Link link, Consumer<Context> step) {
        ReplyBuffer reply = new ReplyBuffer(server.name(), link.user());
        step.accept(new Context(link, registry, reply, server, replication));
        flush(link, reply);
    }

    /** Answers a line longer than any buffer (it was discarded while being read). */
    public void lineTooLong(Link link) {
        ReplyBuffer reply = new ReplyBuffer(server.name(), link.user());
        reply.numeric(Numeric.ERR_INPUTTOOLONG, "Input line was too long");
        flush(link, reply);
    }

    /**
     * Takes a gone client out of the state and tells its peers, once. #12: on a cluster node a client that had
     * arrived is taken out where its departure is in the log, as on every other node, so that its lines still on
     * their way are applied alike everywhere; the departure is published before anything is freed here.
     */
    public void disconnected(User user, String reason) {
        if (replication.departed(user, reason)) return;
        // Removed first: a MONITOR its reader still handles after the clear below is then refused (Monitors.add).
        registry.remove(user, reason);
        registry.monitors().clear(user);
    }

    /**
     * Takes every user of a closing server out at once: the users of this server are not told of each other's
     * departures (they all get ERROR), those of other nodes are, through the cluster.
     */
    public void disconnectedAll(List<User> users, String reason) {
        registry.removeAll(users, reason);
        for (User user : users) registry.monitors().clear(user);
        for (User user : users) replication.departed(user, reason);
    }

    private void run(Context ctx, IrcMessage message) {
        Command command = table.find(message.command());
        User session = ctx.user();
        if (command == null) {
            ctx.reply().numeric(Numeric.ERR_UNKNOWNCOMMAND, message.command(), "Unknown command");
        } else if (!session.registered() && !command.allowedBeforeRegistration()) {
            ctx.reply().numeric(Numeric.ERR_NOTREGISTERED, "You have not registered");
        } else if (command.operatorOnly() && !session.operator()) {
            // InspIRCd checks privileges before the parameter count: a non-operator learns nothing of the syntax.
            ctx.reply().numeric(Numeric.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
        } else if (message.params().size() < command.minParams()) {
            ctx.reply().numeric(Numeric.ERR_NEEDMOREPARAMS, message.command(), "Not enough parameters");
        } else {
            server.stats().command(command.verb());
            try {
                command.handler().handle(ctx, message);
            } catch (RuntimeException e) {
                // #9: a store outage is a state the client is told about, not a reason to drop it
                if (StoreOutage.cause(e) == null) throw e;
                StoreOutage.answer(ctx, message);
            }
        }
        String label = message.tags().get("label");
        if (label != null && !label.isEmpty() && session.has(Capability.LABELED_RESPONSE)) {
            ctx.reply().applyLabel(label, session.has(Capability.BATCH), server.messageIds().next());
        }
    }

    private static void refuse(ReplyBuffer reply, ParseResult.Rejected rejected) {
        String command = rejected.command() == null ? "*" : rejected.command();
        switch (rejected.error()) {
            case EMPTY -> { }
            case TOO_LONG, TAGS_TOO_LONG -> reply.numeric(Numeric.ERR_INPUTTOOLONG, "Input line was too long");
            case BAD_UTF8 -> reply.standard("FAIL", command, "INVALID_UTF8",
                    "Message rejected, your message contained invalid UTF-8");
            case NUL_BYTE -> reply.numeric(Numeric.ERR_UNKNOWNERROR, command, "Line rejected: it contains a NUL byte");
            case NO_COMMAND -> reply.numeric(Numeric.ERR_UNKNOWNERROR, command, "Malformed line: no command");
        }
    }

    private void flush(Link session, ReplyBuffer reply) {
        int lines = reply.size();
        if (lines == 0) return;
        session.replies().send(reply.drain());
        server.stats().sent(lines);
    }
}
