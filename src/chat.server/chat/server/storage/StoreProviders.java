package chat.server.storage;

import chat.server.StoreConfig;
import chat.server.spi.Store;
import chat.server.spi.StoreOptions;
import chat.server.spi.StoreProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds the store provider for a URL's scheme among the installed store modules, and opens stores with it. */
public final class StoreProviders {

    private StoreProviders() {
    }

    /** Opens the store {@code config} names (it must be enabled), reading its password as configured. */
    public static Store open(StoreConfig config, Clock clock) throws IOException {
        return open(config.location(), password(config.passwordFile()), config, clock);
    }

    /** Opens the store at {@code url} with {@code config}'s durability and retention. */
    public static Store open(String url, String password, StoreConfig config, Clock clock) throws IOException {
        StoreOptions options = new StoreOptions(url, password, config.syncEveryCommit(), config.historyMaxAge(),
                config.historyMaxPerTarget(), clock);
        return provider(options.scheme()).open(options);
    }

    /** The provider serving {@code scheme}; a clear error naming those that are installed when none does. */
    public static StoreProvider provider(String scheme) throws IOException {
        List<StoreProvider> all = new ArrayList<>();
        ServiceLoader.load(StoreProvider.class).forEach(all::add);
        TreeSet<String> known = new TreeSet<>();
        for (StoreProvider p : all) {
            if (p.schemes().contains(scheme)) return p;
            known.addAll(p.schemes());
        }
        throw new IOException("no store module serves \"" + scheme + ":\" URLs"
                + (known.isEmpty() ? " (no store module is installed)" : " (installed: " + String.join(", ", known) + ")"));
    }

    /**
     * The database password: the file's first line when a file is named, else {@code $CHAT_STORE_PASSWORD},
     * else null. Never taken from the command line, where other users could read it.
     */
    public static String password(Path file) throws IOException {
        if (file != null) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.getFirst();
        }
        String env = System.getenv(StoreConfig.PASSWORD_ENV);
        return env == null || env.isEmpty() ? null : env;
    }
}
