package chat.bench;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Opens clients with at most {@code concurrency} of them connecting or registering at once: each one that
 * finishes (done: registered, or also joined when the round waits for that; or failed) makes room for the
 * next. Counts what happened and when.
 */
final class Connector {

    private final EventLoop loop;
    private final List<InetSocketAddress> addresses;
    private final InetSocketAddress webSocketAddress;
    private final List<Client> clients;
    private final int concurrency;
    private int next;
    private int inFlight;
    /** Clients done: registered, or registered and joined (see {@link #done}). */
    int completed;
    int failed;
    String firstFailure;
    long firstStartNanos;
    long lastCompletedNanos;

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
        return completed + failed == clients.size();
    }

    /** Called for a client that completed registration, when that is all the round waits for. */
    void registered(Client c) {
        done(c, c.registeredNanos);
    }

    /** Called for a client that completed what the round waits for, at {@code atNanos}. */
    void done(Client c, long atNanos) {
        c.done = true;
        completed++;
        lastCompletedNanos = atNanos;
        inFlight--;
        fill();
    }

    /** Called for a client that closed; counts as failed only while it was not done yet. */
    void closed(Client c, String reason) {
        if (c.done) return;
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
