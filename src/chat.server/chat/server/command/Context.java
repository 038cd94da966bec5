package chat.server.command;

import chat.server.reply.ReplyBuffer;
import chat.server.state.Registry;
import chat.server.state.Session;

/**
 * What a handler works with: the client that sent the command, the shared state, the buffer for its
 * replies, and the server's description.
 */
public record Context(Session session, Registry registry, ReplyBuffer reply, ServerInfo server) {
}
