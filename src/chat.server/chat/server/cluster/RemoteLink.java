package chat.server.cluster;

import chat.server.state.Link;
import chat.server.state.Outbound;

/**
 * Where lines for a user of another node go on this node: nowhere, since its own node delivers to it. A close
 * (KILL, a K-line) applied here takes the user out of this node's view; its own node closes the real client.
 */
final class RemoteLink implements Outbound {

    private final LogApplier applier;
    private final String id;
    private volatile Link link;
    private volatile boolean closed;

    RemoteLink(LogApplier applier, String id) {
        this.applier = applier;
        this.id = id;
    }

    /** The user's network-wide id (its node's name, a slash, a number). */
    String id() {
        return id;
    }

    void bind(Link link) {
        this.link = link;
    }

    @Override
    public boolean send(byte[] lines) {
        return !closed;
    }

    @Override
    public void close(String reason) {
        if (closed) return;
        closed = true;
        applier.removed(link, reason);
    }
}
