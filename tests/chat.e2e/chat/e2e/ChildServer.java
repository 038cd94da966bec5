package chat.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server in a JVM of its own on this test's module path, as {@code chat-server} runs it: for what only a
 * separate process shows (a SIGKILL, the umask it starts with). Its standard error goes to a temporary file
 * ({@link #log}); its standard output is read for the "listening on" line.
 */
final class ChildServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+)");

    private final Process process;
    private final Path stderr;
    private final int port;

    private ChildServer(Process process, Path stderr, int port) {
        this.process = process;
        this.stderr = stderr;
        this.port = port;
    }

    /**
     * Starts {@code chat-server --port 0 --data-dir DIR --monitor-interval 0 --password-iterations 4096 --tls-port 0 --http-port -1}
     * followed by {@code args}, under {@code umask} (e.g. "000") when it is not null; waits until it listens.
     */
    static ChildServer start(Path dataDir, String umask, String... args) throws Exception {
        String modulePath = List.of(System.getProperty("jdk.module.path").split(File.pathSeparator)).stream()
                .filter(p -> !p.contains("test-classes")).collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        if (umask != null) command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        command.addAll(List.of(java, "--enable-native-access=com.sun.jna,org.xerial.sqlitejdbc", "-p", modulePath,
                "-m", "chat.server/chat.server.Main", "--port", "0", "--data-dir", dataDir.toString(),
                "--monitor-interval", "0", "--password-iterations", "4096", "--tls-port", "0", "--http-port", "-1", "--bots", "none"));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile("chat-child-server", ".err");
        Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException e) {
                // the process was killed
            }
            port.completeExceptionally(new AssertionError("the server exited without listening"));
        });
        try {
            return new ChildServer(p, errors, port.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the server did not start: " + Files.readString(errors), e);
        }
    }

    int port() {
        return port;
    }

    /** What the server logged (standard error) so far. */
    String log() throws IOException {
        return Files.readString(stderr);
    }

    /** SIGKILL, and waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM (a clean shutdown), and waits up to 30 s. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }
}
