package chat.web;

import chat.monitor.Sample;
import chat.server.spi.FrontendContext;
import chat.server.spi.ServerMetrics;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The server's figures in the Prometheus client's registry: counters and gauges read from the server when scraped,
 * latency histograms fed as the server measures, the monitor's OSHI samples, and the JVM's own metrics.
 */
final class Metrics implements AutoCloseable {

    /** Latency buckets in seconds: a commit takes about a millisecond, a slow disk a hundred. */
    static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    private static final double NANOS_PER_SECOND = 1e9;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    Metrics(FrontendContext server) {
        ServerMetrics m = server.metrics();
        GaugeWithCallback.builder().name("chat_connections").help("Open client connections by transport")
                .labelNames("transport")
                .callback(cb -> {
                    Map<String, Integer> by = m.connectionsByTransport();
                    for (String t : List.of("tcp", "tls", "websocket")) cb.call(by.getOrDefault(t, 0), t);
                }).register(registry);
        GaugeWithCallback.builder().name("chat_users").help("Registered clients").callback(cb -> cb.call(m.users()))
                .register(registry);
        GaugeWithCallback.builder().name("chat_channels").help("Channels").callback(cb -> cb.call(m.channels()))
                .register(registry);
        CounterWithCallback.builder().name("chat_messages_received").help("Lines received from clients")
                .callback(cb -> cb.call(m.messagesIn())).register(registry);
        CounterWithCallback.builder().name("chat_deliveries").help("Lines delivered to clients, one per recipient")
                .callback(cb -> cb.call(m.deliveriesOut())).register(registry);
        CounterWithCallback.builder().name("chat_registrations").help("Clients that completed registration")
                .callback(cb -> cb.call(m.registrations())).register(registry);
        CounterWithCallback.builder().name("chat_disconnects").help("Clients the server dropped, by cause")
                .labelNames("cause")
                .callback(cb -> {
                    Map<String, Long> by = m.disconnects();
                    for (String c : List.of("sendq", "flood", "ping_timeout", "recvq", "registration_timeout")) {
                        cb.call(by.getOrDefault(c, 0L), c);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("chat_admission_refusals").help("Connections refused at admission, by reason")
                .labelNames("reason")
                .callback(cb -> m.admissionRefusals().forEach((reason, n) -> cb.call(n, reason))).register(registry);
        CounterWithCallback.builder().name("chat_commands").help("Commands handled, by verb")
                .labelNames("command")
                .callback(cb -> m.commands().forEach((verb, n) -> cb.call(n, verb))).register(registry);
        GaugeWithCallback.builder().name("chat_uptime_seconds").help("Time since the server started")
                .unit(Unit.SECONDS)
                .callback(cb -> cb.call((System.currentTimeMillis() - server.startedAt().toEpochMilli()) / 1000.0))
                .register(registry);
        GaugeWithCallback.builder().name("chat_process_resident_memory_bytes")
                .help("Resident set size, from the resource monitor's latest OSHI sample")
                .callback(cb -> latest(server, s -> cb.call(s.snapshot().rssBytes()))).register(registry);
        GaugeWithCallback.builder().name("chat_process_cpu_percent")
                .help("Process CPU over the monitor's last interval, 100 per busy core (OSHI)")
                .callback(cb -> latest(server, s -> cb.call(s.snapshot().processCpuPercent()))).register(registry);
        GaugeWithCallback.builder().name("chat_system_cpu_percent")
                .help("Machine CPU over the monitor's last interval, 0 to 100 (OSHI)")
                .callback(cb -> latest(server, s -> cb.call(s.snapshot().systemCpuPercent()))).register(registry);
        Histogram commit = Histogram.builder().name("chat_store_commit_seconds")
                .help("Time from queueing a message for the store to its commit").unit(Unit.SECONDS)
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
        Histogram history = Histogram.builder().name("chat_chathistory_seconds")
                .help("Time to answer a CHATHISTORY request").unit(Unit.SECONDS)
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
        m.observeLatencies((what, nanos) -> (what == ServerMetrics.Latency.STORE_COMMIT ? commit : history)
                .observe(nanos / NANOS_PER_SECOND));
        JvmMetrics.builder().register(registry);
    }

    private static void latest(FrontendContext server, java.util.function.Consumer<Sample> use) {
        List<Sample> samples = server.recentSamples();
        if (!samples.isEmpty()) use.accept(samples.getLast());
    }

    String contentType() {
        return writer.getContentType();
    }

    void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    @Override
    public void close() {
        registry.clear();
    }
}
