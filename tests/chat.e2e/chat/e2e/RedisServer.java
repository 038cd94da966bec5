package chat.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /**
     * Runs one command on a connection of its own; the reply as a String (simple or bulk string, integer), a
     * List of replies (array), or null.
     */
    public Object call(String... args) {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) command.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(command.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object reply(InputStream in) throws IOException {
        String line = line(in);
        String rest = line.substring(1);
        switch (line.charAt(0)) {
            case '+', ':' -> {
                return rest;
            }
            case '-' -> throw new IllegalStateException("Redis: " + rest);
            case '$' -> {
                int length = Integer.parseInt(rest);
                if (length < 0) return null;
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(rest);
                if (count < 0) return null;
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) items.add(reply(in));
                return items;
            }
            default -> throw new IllegalStateException("not a RESP reply: " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) throw new IOException("Redis closed the connection");
            if (b != '\r') line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
