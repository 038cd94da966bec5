package chat.bench;

/**
 * The load generator: {@code java -m chat.bench/chat.bench.Main --scenario connect|fanout|direct --server NAME
 * --port N --pid PID [options]}. Runs one scenario against one server and prints one {@code BENCH} line.
 * See {@link Options} for the options; {@code scripts/bench.sh} runs every scenario against every server.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chat.bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Proc server = new Proc(o.pids(), o.ticksPerSecond());
        Proc self = Proc.self(o.ticksPerSecond());
        Result r = o.scenario().equals("connect")
                ? new ConnectScenario(o, server, self).run()
                : new TrafficScenario(o, server, self).run();
        System.out.println(r.line());
    }
}
