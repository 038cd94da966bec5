package chat.bench;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run's settings, from {@code --key value} arguments; every phase has a count and a time limit.
 *
 * @param scenario          connect, fanout or direct
 * @param mode              fanout only: max (window-limited senders) or rate (a fixed total rate)
 * @param server            the server's name in the report
 * @param host              the server's address (loopback)
 * @param port              the server's port
 * @param pid               the server's process, for /proc figures (0: none)
 * @param ticksPerSecond    the kernel's USER_HZ
 * @param clients           connect: clients to register
 * @param concurrency       clients connecting or registering at once
 * @param warmupClients     connect: clients that register and leave before the measured round
 * @param members           fanout: members of #bench
 * @param senders           fanout: members that send
 * @param window            max rate: messages a sender may have that its acknowledging receiver has not seen
 * @param rate              fanout rate: messages per second, all senders together
 * @param pairs             direct: pairs of clients messaging each other
 * @param warmupSeconds     traffic sent before measuring
 * @param warmupMaxSeconds  the warm-up goes on past {@code warmupSeconds}, up to this, while the server's JIT
 *                          compilers are busy ({@link Warmup}); equal to {@code warmupSeconds}: no more
 * @param seconds           measured time limit
 * @param maxMessages       measured message limit (all senders)
 * @param drainSeconds      time allowed after the senders stop for the last deliveries
 * @param settleSeconds     pause before memory is read
 * @param idleSeconds       connect: time over which idle CPU is measured
 * @param phaseLimitSeconds time limit of registration and join phases
 * @param quickAck          acknowledge every read at once instead of delaying ACKs (see {@link EventLoop})
 * @param morePorts         fanout only: the other nodes' ports, comma-separated (#12: members spread over a network)
 * @param morePids          processes whose CPU and memory count with the server's (the other nodes, Redis)
 * @param webSocketPort     fanout only: the port of chat's HTTP listener, whose {@code /webirc} the members
 *                          that do not send use (senders stay on TCP); 0: every member on TCP
 * @param webSocketDeflate  with {@code webSocketPort}: the WebSocket members offer permessage-deflate as browsers
 *                          do and inflate what the server compresses (#13)
 * @param autojoin          connect only: the channel the server joins every client to on registration
 *                          (e.g. {@code #lobby}); a client is done at that channel's end of NAMES (366), not
 *                          at registration; empty: none (done when registered)
 */
record Options(String scenario, String mode, String server, String host, int port, long pid, int ticksPerSecond,
               int clients, int concurrency, int warmupClients, int members, int senders, int window, double rate,
               int pairs, double warmupSeconds, double warmupMaxSeconds, double seconds, long maxMessages, double drainSeconds,
               double settleSeconds, double idleSeconds, double phaseLimitSeconds, boolean quickAck,
               int webSocketPort, boolean webSocketDeflate, String morePorts, String morePids, String autojoin) {

    private static final Set<String> KEYS = Set.of("scenario", "mode", "server", "host", "port", "pid", "clk-tck",
            "clients", "concurrency", "warmup-clients", "members", "senders", "window", "rate", "pairs",
            "warmup", "warmup-max", "seconds", "max-messages", "drain", "settle", "idle", "phase-limit", "quickack",
            "websocket-port", "websocket-deflate", "more-ports", "more-pids", "autojoin");

    static Options parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --key value at " + args[i]);
            String key = args[i].substring(2);
            if (!KEYS.contains(key)) throw new IllegalArgumentException("unknown option --" + key + "; known: " + KEYS);
            m.put(key, args[++i]);
        }
        Options o = new Options(
                m.getOrDefault("scenario", "fanout"),
                m.getOrDefault("mode", "max"),
                m.getOrDefault("server", "server"),
                m.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(m.getOrDefault("port", "6667")),
                Long.parseLong(m.getOrDefault("pid", "0")),
                Integer.parseInt(m.getOrDefault("clk-tck", "100")),
                Integer.parseInt(m.getOrDefault("clients", "10000")),
                Integer.parseInt(m.getOrDefault("concurrency", "500")),
                Integer.parseInt(m.getOrDefault("warmup-clients", "1000")),
                Integer.parseInt(m.getOrDefault("members", "200")),
                Integer.parseInt(m.getOrDefault("senders", "20")),
                Integer.parseInt(m.getOrDefault("window", "32")),
                Double.parseDouble(m.getOrDefault("rate", "500")),
                Integer.parseInt(m.getOrDefault("pairs", "100")),
                Double.parseDouble(m.getOrDefault("warmup", "3")),
                Double.parseDouble(m.getOrDefault("warmup-max", m.getOrDefault("warmup", "3"))),
                Double.parseDouble(m.getOrDefault("seconds", "10")),
                Long.parseLong(m.getOrDefault("max-messages", "20000000")),
                Double.parseDouble(m.getOrDefault("drain", "10")),
                Double.parseDouble(m.getOrDefault("settle", "2")),
                Double.parseDouble(m.getOrDefault("idle", "5")),
                Double.parseDouble(m.getOrDefault("phase-limit", "60")),
                Boolean.parseBoolean(m.getOrDefault("quickack", "false")),
                Integer.parseInt(m.getOrDefault("websocket-port", "0")),
                Boolean.parseBoolean(m.getOrDefault("websocket-deflate", "false")),
                m.getOrDefault("more-ports", ""),
                m.getOrDefault("more-pids", ""),
                m.getOrDefault("autojoin", ""));
        o.validate();
        return o;
    }

    private void validate() {
        if (!Set.of("connect", "fanout", "direct").contains(scenario)) throw new IllegalArgumentException("scenario: connect, fanout or direct");
        if (!Set.of("max", "rate").contains(mode)) throw new IllegalArgumentException("mode: max or rate");
        if (!host.startsWith("127.") && !host.equals("::1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("the generator only drives servers on loopback, not " + host);
        }
        if (senders < 1 || senders >= members) throw new IllegalArgumentException("need 1 <= senders < members");
        if (window < 1 || rate <= 0 || pairs < 1 || clients < 1) throw new IllegalArgumentException("window, rate, pairs, clients must be positive");
        if (webSocketPort < 0 || webSocketPort > 65535) throw new IllegalArgumentException("websocket-port: 0..65535");
        if (webSocketPort > 0 && !scenario.equals("fanout")) throw new IllegalArgumentException("websocket-port: fanout only");
        if (webSocketDeflate && webSocketPort == 0) throw new IllegalArgumentException("websocket-deflate: needs websocket-port");
        if (!autojoin.isEmpty() && !scenario.equals("connect")) throw new IllegalArgumentException("autojoin: connect only");
        if (!autojoin.isEmpty() && (autojoin.charAt(0) != '#' || autojoin.contains(" "))) {
            throw new IllegalArgumentException("autojoin: a channel name such as #lobby");
        }
        if (warmupMaxSeconds < warmupSeconds) throw new IllegalArgumentException("warmup-max: at least warmup");
        if (seconds <= 0 || phaseLimitSeconds <= 0 || maxMessages < 1) throw new IllegalArgumentException("every phase needs a positive limit");
    }

    InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /**
     * #12: where the clients connect: the server's port, then {@code --more-ports} (the other nodes of a chat
     * network); client i uses the (i mod n)-th, so the members are spread over the nodes.
     */
    List<InetSocketAddress> addresses() {
        List<InetSocketAddress> all = new ArrayList<>(List.of(address()));
        for (String p : morePorts.split(",")) if (!p.isBlank()) all.add(new InetSocketAddress(host, Integer.parseInt(p.trim())));
        return all;
    }

    /** The server's process and {@code --more-pids} (the other nodes, Redis): their CPU and memory count together. */
    long[] pids() {
        List<Long> all = new ArrayList<>(List.of(pid));
        for (String p : morePids.split(",")) if (!p.isBlank()) all.add(Long.parseLong(p.trim()));
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    /** Where WebSocket members connect (the same host), or null when every member uses TCP. */
    InetSocketAddress webSocketAddress() {
        return webSocketPort == 0 ? null : new InetSocketAddress(host, webSocketPort);
    }

    /** The first keys of every result line. */
    Result header() {
        // WebSocket members make a scenario of their own in the report, beside the same fan-out on TCP.
        Result r = new Result().put("scenario", webSocketPort > 0 ? scenario + (webSocketDeflate ? "-ws-deflate" : "-ws")
                : addresses().size() > 1 ? scenario + "-cluster" : autojoin.isEmpty() ? scenario : scenario + "-autojoin");
        if (addresses().size() > 1) r.put("nodes", addresses().size());
        if (scenario.equals("fanout")) r.put("mode", mode);
        r.put("server", server);
        return quickAck ? r.put("quickack", "yes") : r;
    }
}
