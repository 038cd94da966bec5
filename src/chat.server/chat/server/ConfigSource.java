package chat.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/** Where the configuration comes from: read at start, and read again on REHASH. */
public interface ConfigSource {

    /** Reads the configuration (again). */
    ServerConfig load() throws IOException;

    /** What REHASH names in RPL_REHASHING: the config file, or a description when there is none. */
    String name();

    /** A fixed configuration: REHASH finds nothing new. */
    static ConfigSource of(ServerConfig config) {
        return new ConfigSource() {
            @Override
            public ServerConfig load() {
                return config;
            }

            @Override
            public String name() {
                return "(no config file)";
            }
        };
    }

    /**
     * The command line of {@code chat-server}: its flags and the {@code --config} file they name, which is
     * read again on every load (flags win over the file, as at start).
     */
    static ConfigSource ofArgs(String... args) {
        List<String> copy = List.of(args);
        int i = copy.indexOf("--config");
        String file = i >= 0 && i + 1 < copy.size() ? copy.get(i + 1)
                : copy.stream().filter(a -> a.startsWith("--config=")).map(a -> a.substring(9)).findFirst()
                        .orElse("(no config file)");
        return new ConfigSource() {
            @Override
            public ServerConfig load() throws IOException {
                ServerConfig config = Main.parse(copy.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()));
                if (config == null) throw new IllegalArgumentException("--help is not a configuration");
                return config;
            }

            @Override
            public String name() {
                return file;
            }
        };
    }
}
