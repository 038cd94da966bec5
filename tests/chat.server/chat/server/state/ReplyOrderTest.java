package chat.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReplyOrderTest {

    private final List<String> sent = new ArrayList<>();
    private final ReplyOrder order = new ReplyOrder(new Outbound() {
        @Override
        public boolean send(byte[] lines) {
            synchronized (sent) {
                sent.add(new String(lines, StandardCharsets.UTF_8));
            }
            return true;
        }

        @Override
        public void close(String reason) {
        }
    });

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void repliesWaitBehindAnUncommittedAcknowledgment() {
        order.send(b("a"));
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        order.sendWhen(first, b("echo1"), b("fail1"));
        order.sendWhen(second, b("echo2"), b("fail2"));
        order.send(b("pong"));
        assertThat(sent).containsExactly("a");
        second.complete(null);
        assertThat(sent).containsExactly("a");
        first.complete(null);
        assertThat(sent).containsExactly("a", "echo1", "echo2", "pong");
    }

    @Test
    void aFailedCommitSendsTheFailureInstead() {
        CompletableFuture<Void> commit = new CompletableFuture<>();
        order.sendWhen(commit, b("echo"), b("FAIL"));
        order.send(b("next"));
        commit.completeExceptionally(new IllegalStateException("disk full"));
        assertThat(sent).containsExactly("FAIL", "next");
    }
}
