package chat.server.spi;

import java.util.Map;

/**
 * The server's counters as monitoring reads them: totals since start and current gauges. Thread-safe; each call
 * reads the live values.
 */
public interface ServerMetrics {

    /** What a latency observation measures. */
    enum Latency {
        /** From queueing a message for the store to its commit. */
        STORE_COMMIT,
        /** Answering one CHATHISTORY request. */
        CHATHISTORY
    }

    /** Receives latencies as they are measured; must return at once. */
    @FunctionalInterface
    interface LatencyObserver {
        void observed(Latency what, long nanos);
    }

    /** Open connections by transport ({@code tcp}, {@code tls}, {@code websocket}). */
    Map<String, Integer> connectionsByTransport();

    /** Registered clients now. */
    int users();

    /** Channels that exist now. */
    int channels();

    /** Lines received from clients. */
    long messagesIn();

    /** Lines delivered to clients (one per recipient). */
    long deliveriesOut();

    /** Clients that completed registration. */
    long registrations();

    /** Clients dropped by the server, by cause ({@code sendq}, {@code flood}, {@code ping_timeout}, {@code recvq}). */
    Map<String, Long> disconnects();

    /** Connections refused at admission, by reason ({@code dline}, {@code server_full}, {@code throttled}...). */
    Map<String, Long> admissionRefusals();

    /** Commands handled, by verb. */
    Map<String, Long> commands();

    /** Adds an observer of latencies measured from now on. */
    void observeLatencies(LatencyObserver observer);
}
