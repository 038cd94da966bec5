package chat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway HAProxy (Debian's) in TCP mode on a free loopback port: {@code leastconn} over the given chat
 * ports, a TCP health check every {@link #CHECK_INTERVAL_MILLIS}, and PROXY protocol v2 to every server.
 */
public final class Haproxy extends ExternalServer {

    /** Health-check period; a dead server is out of the rotation after two failed checks. */
    static final int CHECK_INTERVAL_MILLIS = 500;

    private Haproxy(Path directory, int port) {
        super("haproxy", List.of(program("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"),
                "-db", "-f", directory.resolve("haproxy.cfg").toString()), directory, port);
    }

    /** Starts one in front of {@code backendPorts} (chat nodes on 127.0.0.1). */
    public static Haproxy launch(List<Integer> backendPorts) {
        Path directory = tempDirectory("chat-test-haproxy");
        int port = freePort();
        try {
            Files.writeString(directory.resolve("haproxy.cfg"), config(port, backendPorts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Haproxy haproxy = new Haproxy(directory, port);
        haproxy.start();
        return haproxy;
    }

    /** The configuration: the same shape as {@code scripts/cluster.sh} writes. */
    static String config(int port, List<Integer> backendPorts) {
        List<String> lines = new ArrayList<>(List.of(
                "global", "  maxconn 4096",
                "defaults", "  mode tcp", "  timeout connect 5s", "  timeout client 10m", "  timeout server 10m",
                "frontend irc", "  bind 127.0.0.1:" + port, "  default_backend chat",
                "backend chat", "  balance leastconn"));
        for (int i = 0; i < backendPorts.size(); i++) {
            lines.add("  server node" + (i + 1) + " 127.0.0.1:" + backendPorts.get(i)
                    + " send-proxy-v2 check check-send-proxy inter " + CHECK_INTERVAL_MILLIS + " fall 2 rise 1");
        }
        return String.join("\n", lines) + "\n";
    }
}
