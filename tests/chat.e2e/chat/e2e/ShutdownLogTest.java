package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #15: chat-server, stopped as an operator stops it (SIGTERM), says so on its output as it said it started, with the
 * clients it dropped while it ran.
 */
class ShutdownLogTest {

    private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+)");

    @TempDir
    Path data;

    private Process process;

    @AfterEach
    void stopChild() {
        if (process != null) process.destroyForcibly();
    }

    @Test
    void aTerminatedServerTellsItsClientsAndLogsItsShutdown() throws Exception {
        String modulePath = List.of(System.getProperty("jdk.module.path").split(File.pathSeparator)).stream()
                .filter(p -> !p.contains("test-classes")).collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "--enable-native-access=com.sun.jna,org.xerial.sqlitejdbc", "-p", modulePath,
                "-m", "chat.server/chat.server.Main", "--port", "0", "--data-dir", data.toString(),
                "--monitor-interval", "0", "--tls-port", "-1", "--http-port", "-1", "--bots", "none",
                "--registration-timeout", "1")
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException e) {
                // the process is gone
            }
            port.completeExceptionally(new AssertionError("the server exited without listening: " + output));
        });
        int listening = port.get(60, TimeUnit.SECONDS);
        try (TestClient idler = new TestClient("127.0.0.1", listening)) {
            idler.send("NICK idler");
            assertThat(idler.awaitClose()).anyMatch(m -> m.command().equals("ERROR"));
        }
        try (TestClient alice = new TestClient("127.0.0.1", listening)) {
            alice.register("alice");
            process.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            assertThat(alice.awaitClose()).anyMatch(m -> m.command().equals("ERROR"));
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        // The clients it dropped while it ran, by cause: the first thing to read after a load test that lost some.
        assertThat(output).anyMatch(l -> l.contains("chat-server shutting down: 1 users told; dropped before: "
                + "registration_timeout 1"));
        assertThat(output).anyMatch(l -> l.contains("chat-server stopped"));
    }
}
