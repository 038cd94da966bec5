package chat.e2e;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A chat node in a JVM of its own (so a test can SIGKILL it), on this test run's module path. */
final class ChatNodeProcess extends ExternalServer {

    private ChatNodeProcess(List<String> command, int port) {
        super("chat-node", command, tempDirectory("chat-test-node-process"), port);
    }

    /** Starts {@code chat-server} on a free port with these extra arguments; returns once it listens. */
    static ChatNodeProcess launch(String... args) {
        String modulePath = List.of(System.getProperty("jdk.module.path").split(File.pathSeparator)).stream()
                .filter(p -> !p.contains("test-classes")).map(p -> java.nio.file.Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=com.sun.jna,org.xerial.sqlitejdbc",
                "-p", modulePath, "-m", "chat.server/chat.server.Main", "--port", Integer.toString(port),
                "--tls-port", "-1", "--monitor-interval", "0", "--exempt", "127.0.0.0/8,::1", "--data-dir", "none", "--http-port", "-1", "--bots", "none"));
        command.addAll(List.of(args));
        ChatNodeProcess node = new ChatNodeProcess(command, port);
        node.start();
        return node;
    }
}
