package chat.server.command;

import chat.server.service.ServerInfo;
import chat.server.reply.ReplyBuffer;
import chat.server.state.Echo;
import chat.server.state.Link;
import chat.server.state.Registry;
import chat.server.state.User;

/**
 * What a handler works with: the link the command came in on (capabilities, login in progress, its own reply
 * order), the shared state, the buffer for its replies, the server's description, and how shared changes are
 * applied (at once, or through a cluster's log, #12). The user the command
 * acts as is {@link #user()}: read it freely, change it only through the registry.
 */
public record Context(Link link, Registry registry, ReplyBuffer reply, ServerInfo server, Replication replication) {

    /** A context on a single server. */
    public Context(Link link, Registry registry, ReplyBuffer reply, ServerInfo server) {
        this(link, registry, reply, server, Replication.NONE);
    }

    /** The user the command acts as. */
    public User user() {
        return link.user();
    }

    /** Where the user's own copy of a change it makes goes: this command's reply buffer. */
    public Echo echo() {
        return new Echo(link.user(), reply::add);
    }
}
