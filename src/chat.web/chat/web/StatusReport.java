package chat.web;

import chat.monitor.Sample;
import chat.monitor.Snapshot;
import chat.server.AbuseLimits;
import chat.server.ServerConfig;
import chat.server.spi.FrontendContext;
import chat.server.spi.ServerMetrics;
import java.util.List;
import java.util.Locale;

/** What {@code /status.json} says: version, uptime, limits, current counts and the monitor's samples of the hour. */
final class StatusReport {

    private final FrontendContext server;

    StatusReport(FrontendContext server) {
        this.server = server;
    }

    String json() {
        ServerConfig c = server.config();
        ServerMetrics m = server.metrics();
        AbuseLimits l = c.limits();
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("{\"server\":").append(quote(c.serverName()))
                .append(",\"version\":").append(quote(server.version()))
                .append(",\"startedAt\":").append(server.startedAt().toEpochMilli())
                .append(",\"now\":").append(System.currentTimeMillis())
                .append(",\"users\":").append(m.users())
                .append(",\"channels\":").append(m.channels())
                .append(",\"connections\":{");
        boolean first = true;
        for (var e : m.connectionsByTransport().entrySet()) {
            if (!first) s.append(',');
            first = false;
            s.append(quote(e.getKey())).append(':').append(e.getValue());
        }
        s.append("},\"limits\":{")
                .append("\"maxClients\":").append(l.maxClients())
                .append(",\"perIpConnections\":").append(l.perIpConnections())
                .append(",\"floodBurst\":").append(l.floodBurst())
                .append(",\"floodRate\":").append(fmt(l.floodLinesPerSecond()))
                .append(",\"sendqBytes\":").append(c.sendQueueBytes())
                .append(",\"recvqBytes\":").append(c.receiveQueueBytes())
                .append(",\"pingIntervalSeconds\":").append(c.pingInterval().toSeconds())
                .append("},\"samples\":[");
        List<Sample> samples = server.recentSamples();
        for (int i = 0; i < samples.size(); i++) {
            Snapshot n = samples.get(i).snapshot();
            if (i > 0) s.append(',');
            s.append('[').append(samples.get(i).atMillis()).append(',').append(n.clients()).append(',')
                    .append(fmt(n.messagesInPerSecond())).append(',').append(fmt(n.messagesOutPerSecond())).append(',')
                    .append(n.rssBytes()).append(',').append(n.heapUsedBytes()).append(',')
                    .append(fmt(n.processCpuPercent())).append(',').append(fmt(n.systemCpuPercent())).append(']');
        }
        return s.append("]}").toString();
    }

    private static String fmt(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.2f", d) : "0";
    }

    static String quote(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (ch < 0x20) s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else s.append(ch);
                }
            }
        }
        return s.append('"').toString();
    }
}
