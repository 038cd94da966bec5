package chat.bench;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Opens clients with at most {@code concurrency} of them connecting or registering at once: each one that
 * finishes (registered, or failed) makes room for the next. Counts what happened and when.
 */
final class Connector {

    private final EventLoop loop;
    private final List<InetSocketAddress> addresses;
    private final InetSocketAddress webSocketAddress;
    private final List<Client> clients;
    private final int concurrency;
    private int next;
    private int inFlight;
    int registered;
    int failed;
    String firstFailure;
    long firstStartNanos;
    long lastRegisteredNanos;

    Connector(EventLoop loop, InetSocketAddress address, List<Client> clients, int concurrency) {
        this(loop, List.of(address), null, clients, concurrency);
    }

    /**
     * {@code addresses}: where the clients connect, client i to the (i mod n)-th (#12: the nodes of a network);
     * {@code webSocketAddress}: where the clients marked {@link Client#webSocket} connect.
     */
    Connector(EventLoop loop, List<InetSocketAddress> addresses, InetSocketAddress webSocketAddress, List<Client> clients,
              int concurrency) {
        this.loop = loop;
        this.addresses = List.copyOf(addresses);
        this.webSocketAddress = webSocketAddress;
        this.clients = clients;
        this.concurrency = Math.max(1, concurrency);
    }

    void start() {
        firstStartNanos = System.nanoTime();
        fill();
    }

    boolean finished() {
        return registered + failed == clients.size();
    }

    /** Called for a client that completed registration. */
    void registered(Client c) {
        registered++;
        lastRegisteredNanos = c.registeredNanos;
        inFlight--;
        fill();
    }

    /** Called for a client that closed; counts as failed only while it was still registering. */
    void closed(Client c, String reason) {
        if (c.registered) return;
        failed++;
        if (firstFailure == null) firstFailure = c.nick + ": " + reason;
        inFlight--;
        fill();
    }

    private void fill() {
        while (inFlight < concurrency && next < clients.size()) {
            inFlight++;
            Client c = clients.get(next++);
            loop.connect(c, c.webSocket ? webSocketAddress : addresses.get(c.index % addresses.size()));
        }
    }
}
