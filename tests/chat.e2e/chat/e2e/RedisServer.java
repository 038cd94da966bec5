package chat.e2e;

import java.util.List;

/** A throwaway redis-server (Debian's) on a free loopback port, no persistence, stopped by its PID. */
public final class RedisServer extends ExternalServer {

    private RedisServer(int port) {
        super("redis", List.of(program("/usr/bin/redis-server", "/usr/local/bin/redis-server"),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--protected-mode", "yes", "--daemonize", "no"), tempDirectory("chat-test-redis"), port);
    }

    /** Starts one; a restart after {@link #stop()} and {@link #start()} comes back empty, as a Redis without persistence does. */
    public static RedisServer launch() {
        RedisServer redis = new RedisServer(freePort());
        redis.start();
        return redis;
    }

    /** The URL {@code --cluster} takes. */
    public String url() {
        return "redis://127.0.0.1:" + port();
    }
}
